/**
 * Header handling for the CSV datasets: columns are found by name, case-insensitively and in any
 * order, with the older names of a column as aliases; a header without the required columns is
 * another dataset's file, and the error lists what is missing.
 */
import { FieldProblem, fileError } from "./row-error.ts";

export interface ColumnSpec {
  /** Canonical (codebook) name, lower case. */
  name: string;
  isRequired?: boolean;
  /** Other spellings the same column has had, lower case. */
  aliases?: readonly string[];
}

/** A row read by column name; columns the file lacks read as "". */
export interface RowView {
  get(name: string): string;
  has(name: string): boolean;
}

export interface Columns {
  header: readonly string[];
  /** Canonical name → index in the row. */
  index: ReadonlyMap<string, number>;
}

const MAX_LISTED = 5;

export interface MatchOptions {
  /** File column (lower case) → canonical name: `--columns Type=event_type`. */
  renames?: ReadonlyMap<string, string>;
  /** Groups of canonical names of which the file must have at least one each. */
  anyOf?: readonly (readonly string[])[];
  /** Added to the "missing columns" message, e.g. how to rename a column. */
  hint?: string;
}

export function matchColumns(
  header: readonly string[],
  specs: readonly ColumnSpec[],
  where: { file: string; line: number; dataset: string; unit?: string },
  options: MatchOptions = {},
): Columns {
  const at = `${where.file} ${where.unit ?? "line"} ${where.line}`;
  const positions = headerPositions(header, options.renames ?? new Map(), at);
  const index = new Map<string, number>();
  const missing: string[] = [];
  for (const spec of specs) {
    const found = [spec.name, ...(spec.aliases ?? [])]
      .map((name) => positions.get(name))
      .find((i) => i !== undefined);
    if (found !== undefined) index.set(spec.name, found);
    else if (spec.isRequired) missing.push(JSON.stringify(spec.name));
  }
  for (const group of options.anyOf ?? []) {
    if (!group.some((name) => index.has(name))) missing.push(listAlternatives(group));
  }
  if (missing.length > 0) {
    throw fileError(
      `${at}: not ${article(where.dataset)} ${where.dataset} file: ` +
        `missing columns ${listNames(missing)}${options.hint ?? ""}`,
    );
  }
  return { header, index };
}

/**
 * Lower-case header name → position; a renamed column takes its canonical name, and wins over a
 * column of the file already called so. A rename naming no column of the file is an error.
 */
function headerPositions(
  header: readonly string[],
  renames: ReadonlyMap<string, string>,
  at: string,
): Map<string, number> {
  const positions = new Map<string, number>();
  const keys = header.map((name) => name.trim().toLowerCase());
  for (const [from] of renames) {
    if (!keys.includes(from)) {
      throw fileError(
        `${at}: --columns names ${JSON.stringify(from)}, which is not a column of the file ` +
          `(its columns: ${listNames(header.map((name) => JSON.stringify(name.trim())))})`,
      );
    }
  }
  keys.forEach((key, i) => {
    const renamed = renames.get(key);
    if (renamed !== undefined) positions.set(renamed, i);
  });
  keys.forEach((key, i) => {
    if (!positions.has(key) && !renames.has(key)) positions.set(key, i);
  });
  return positions;
}

/**
 * `--columns Type=event_type,Sub_type=sub_event_type`: file column → the dataset's column name.
 * Names are compared case-insensitively; a target the dataset does not read is an error.
 */
export function parseColumnRenames(
  text: string,
  specs: readonly ColumnSpec[],
  dataset: string,
): Map<string, string> {
  const known = new Set(specs.map((spec) => spec.name));
  const renames = new Map<string, string>();
  for (const part of text.split(",")) {
    if (part.trim() === "") continue;
    const [from = "", to = "", ...rest] = part.split("=").map((name) => name.trim());
    if (from === "" || to === "" || rest.length > 0) {
      throw fileError(
        `--columns: ${JSON.stringify(part.trim())} is not FILE_COLUMN=${dataset.toLowerCase()}_column`,
      );
    }
    const target = to.toLowerCase();
    if (!known.has(target)) {
      throw fileError(
        `--columns: ${JSON.stringify(to)} is not a column ${dataset} reads ` +
          `(one of ${[...known].join(", ")})`,
      );
    }
    renames.set(from.toLowerCase(), target);
  }
  return renames;
}

/** "an ACLED file", "a UCDP GED file" (U is read "you"). */
function article(label: string): string {
  return /^[AEIO]/.test(label) ? "an" : "a";
}

/** `"sub_event_type" or "event_type"`, `"a", "b" or "c"`. */
function listAlternatives(names: readonly string[]): string {
  const quoted = names.map((name) => JSON.stringify(name));
  const last = quoted.pop() ?? "";
  return quoted.length === 0 ? last : `${quoted.join(", ")} or ${last}`;
}

/** Already-quoted names, at most MAX_LISTED of them. */
function listNames(names: readonly string[]): string {
  const listed = names.slice(0, MAX_LISTED);
  if (names.length > MAX_LISTED) listed.push(`… (${names.length} in all)`);
  return listed.join(", ");
}

/** Checks the field count against the header and gives name-based access to the row. */
export function viewRow(columns: Columns, fields: readonly string[]): RowView {
  if (fields.length !== columns.header.length) {
    throw new FieldProblem(
      null,
      null,
      `has ${fields.length} fields where the header has ${columns.header.length}`,
    );
  }
  const { index } = columns;
  return {
    get: (name) => {
      const i = index.get(name);
      return i === undefined ? "" : (fields[i] ?? "");
    },
    has: (name) => index.has(name),
  };
}

/** The row verbatim as header name → value (the header's own spelling). */
export function rawRecord(
  header: readonly string[],
  fields: readonly string[],
): Record<string, string> {
  const raw: Record<string, string> = {};
  header.forEach((name, i) => {
    raw[name] = fields[i] ?? "";
  });
  return raw;
}
