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

export function matchColumns(
  header: readonly string[],
  specs: readonly ColumnSpec[],
  where: { file: string; line: number; dataset: string; unit?: string },
): Columns {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!positions.has(key)) positions.set(key, i);
  });
  const index = new Map<string, number>();
  const missing: string[] = [];
  for (const spec of specs) {
    const found = [spec.name, ...(spec.aliases ?? [])]
      .map((name) => positions.get(name))
      .find((i) => i !== undefined);
    if (found !== undefined) index.set(spec.name, found);
    else if (spec.isRequired) missing.push(spec.name);
  }
  if (missing.length > 0) {
    throw fileError(
      `${where.file} ${where.unit ?? "line"} ${where.line}: not ${article(where.dataset)} ` +
        `${where.dataset} file: ` +
        `missing columns ${listNames(missing)}`,
    );
  }
  return { header, index };
}

/** "an ACLED file", "a UCDP GED file" (U is read "you"). */
function article(label: string): string {
  return /^[AEIO]/.test(label) ? "an" : "a";
}

function listNames(names: readonly string[]): string {
  const listed = names.slice(0, MAX_LISTED).map((name) => JSON.stringify(name));
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
