/**
 * A mapping file (YAML) says how the columns of some other project's CSV table become events:
 * which columns give the date (and in what format), the place, the actors, the event type (with a
 * value map onto ACLED sub-event types or PLOVER category and mode), fatalities (a best estimate,
 * or a min/max range), injured, text, source URL and a key. See docs/import.md and the shipped
 * `mappings/*.yaml`. Every error names the mapping file and the path of the bad entry, with its
 * line: `pbc.yaml: fatalities.bestIs: must be one of "min", "max", "mean"; got "most" (line 31)`.
 */
import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { z } from "zod";
import { AppError } from "../domain/errors.ts";
import { acledToPlover, PLOVER_MODES, parseAcledSubEventType } from "../domain/ontology/index.ts";
import { isPloverCategory } from "../domain/plover.ts";
import { describeIssue, formatPath } from "../domain/zod-messages.ts";
import { compileDateFormat, type DateFormat } from "./date-format.ts";
import { parseEncoding, type TextEncoding } from "./decode-text.ts";

const column = z.string().trim().min(1, "is empty; a column name is required");

const sourceFields = {
  column: column.optional(),
  value: z.union([z.string(), z.number()]).transform(String).optional(),
  /** Value map, compared ignoring case and repeated spaces; unlisted values pass unchanged. */
  values: z.record(z.string(), z.string()).optional(),
  /** Used when the column is empty. */
  default: z.string().optional(),
};

const hasOneSource = (s: { column?: string; value?: string }) =>
  (s.column === undefined) !== (s.value === undefined);

/** A value from a column (`Province`, or `{ column: Province, values: {KPK: …} }`) or a constant. */
const sourceSchema = z.preprocess(
  (value) => (typeof value === "string" ? { column: value } : value),
  z.strictObject(sourceFields).refine(hasOneSource, { message: "give either column or value" }),
);

const actorSchema = z
  .strictObject({
    ...sourceFields,
    role: z.enum(["actor1", "actor2", "assoc1", "assoc2", "target"]),
    /** Several names in one cell, e.g. "; ". */
    split: z.string().min(1).optional(),
  })
  .refine(hasOneSource, { message: "give either column or value" });

/** An ACLED sub-event type ("Air/drone strike"), or a PLOVER category with an optional mode. */
const typeTargetSchema = z.union([
  z.string(),
  z.strictObject({
    category: z.string(),
    mode: z.string().optional(),
    subtype: z.string().optional(),
  }),
]);

const eventTypeSchema = z.preprocess(
  (value) => (typeof value === "string" ? { column: value } : value),
  z
    .strictObject({
      column: column.optional(),
      value: typeTargetSchema.optional(),
      values: z.record(z.string(), typeTargetSchema).optional(),
      default: typeTargetSchema.optional(),
    })
    .refine((s) => (s.column === undefined) !== (s.value === undefined), {
      message: "give either column (with values) or value",
    }),
);

const rangeSchema = z
  .strictObject({
    best: column.optional(),
    min: column.optional(),
    max: column.optional(),
    /** Without a best column: which end of the range is the best estimate. */
    bestIs: z.enum(["min", "max", "mean"]).optional(),
  })
  .refine((r) => r.best !== undefined || r.min !== undefined || r.max !== undefined, {
    message: "give best, or min and max",
  })
  .refine((r) => r.best !== undefined || r.bestIs !== undefined, {
    message: "without a best column, say which estimate is best: bestIs: min, max or mean",
  });

const skipSchema = z
  .strictObject({
    column,
    empty: z.literal(true).optional(),
    equals: z.string().optional(),
    matches: z.string().optional(),
    /** The row is the file's own totals line: its figures are set beside the rows' sums. */
    totals: z.boolean().default(false),
    reason: z.string().optional(),
  })
  .refine((s) => [s.empty, s.equals, s.matches].filter((c) => c !== undefined).length === 1, {
    message: "give exactly one of empty, equals, matches",
  });

const fixSchema = z.strictObject({
  column,
  /** A regular expression; every match in the value is replaced. */
  match: z.string().min(1),
  replace: z.string(),
  reason: z.string().optional(),
});

const DATE_PRECISIONS = ["day", "week", "month", "year", "range"] as const;
const GEO_PRECISIONS = ["exact", "near", "admin2", "admin1", "country", "unknown"] as const;

const oneOrMany = z.union([column, z.array(column).min(1)]).transform((v) => [v].flat());

const mappingSchema = z.strictObject({
  /** Name of the source: native ids are `<dataset>:<key>`. */
  dataset: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes")
    .default("csv"),
  description: z.string().optional(),
  cite: z.string().optional(),
  encoding: z
    .string()
    .optional()
    .refine((v) => v === undefined || parseEncoding(v) !== null, {
      message: 'must be "utf8" or "latin1"',
    }),
  delimiter: z.string().length(1, "must be one character").optional(),
  key: oneOrMany.optional(),
  skip: z.array(skipSchema).default([]),
  fixes: z.array(fixSchema).default([]),
  date: z.strictObject({
    column,
    format: z
      .union([z.string(), z.array(z.string()).min(1)])
      .default("auto")
      .transform((v) => [v].flat()),
    end: column.optional(),
    precision: z.enum(DATE_PRECISIONS).default("day"),
  }),
  place: z
    .strictObject({
      country: sourceSchema.optional(),
      admin1: sourceSchema.optional(),
      admin2: sourceSchema.optional(),
      name: sourceSchema.optional(),
      latitude: column.optional(),
      longitude: column.optional(),
      precision: sourceSchema.optional(),
    })
    .refine((p) => p.country || p.admin1 || p.latitude, {
      message: "needs country, admin1 or latitude and longitude",
    })
    .refine((p) => (p.latitude === undefined) === (p.longitude === undefined), {
      message: "give latitude and longitude together",
    }),
  actors: z.array(actorSchema).default([]),
  eventType: eventTypeSchema,
  fatalities: rangeSchema.optional(),
  injured: rangeSchema.optional(),
  text: oneOrMany.optional(),
  sourceUrl: column.optional(),
  confidence: z.number().min(0).max(1).default(0.5),
});

export type MappingSpec = z.output<typeof mappingSchema>;
export type ValueSource = z.output<typeof sourceSchema>;
type TypeTarget = z.output<typeof typeTargetSchema>;

/** What an event type resolves to. */
export interface EventTypeValue {
  category: string | null;
  mode: string | null;
  subtype: string | null;
}

/** A mapping ready to use: the spec plus compiled date formats and type targets. */
export interface CsvMapping {
  /** The mapping file's name, for messages. */
  source: string;
  spec: MappingSpec;
  dataset: string;
  encoding: TextEncoding | null;
  dateFormats: DateFormat[];
  /** Every column the mapping reads, with the path that names it (for the header check). */
  columns: { column: string; path: string }[];
  /** Lower-cased, space-collapsed source value → type; `value` for a constant type. */
  types: {
    value: EventTypeValue | null;
    values: Map<string, EventTypeValue>;
    default: EventTypeValue | null;
  };
}

/** Parses a mapping file's text. Throws AppError INVALID_INPUT naming file, path and line. */
export function parseCsvMapping(text: string, source: string): CsvMapping {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const [syntax] = doc.errors;
  if (syntax !== undefined) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    const detail = syntax.message.split("\n")[0] ?? syntax.code;
    throw invalid(`${source}: YAML syntax error at line ${line}, column ${col}: ${detail}`);
  }
  const at = (path: readonly (string | number)[]) => lineOf(doc.contents, path, lineCounter);
  const parsed = mappingSchema.safeParse(doc.toJS(), { error: describeIssue });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter(
      (p): p is string | number => typeof p === "string" || typeof p === "number",
    );
    const key = issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const full = key === undefined ? path : [...path, key];
    const message = issue?.code === "unrecognized_keys" ? "unknown field" : issue?.message;
    throw invalid(`${source}: ${formatPath(full)}: ${message ?? "invalid"}${at(full)}`);
  }
  const spec = parsed.data;
  const fail = (path: (string | number)[], message: string) =>
    invalid(`${source}: ${formatPath(path)}: ${message}${at(path)}`);
  const dateFormats = spec.date.format.map((format, i) => {
    try {
      return compileDateFormat(format);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw fail(["date", "format", ...(spec.date.format.length > 1 ? [i] : [])], reason);
    }
  });
  spec.fixes.forEach((fix, i) => {
    try {
      new RegExp(fix.match, "g");
    } catch {
      throw fail(["fixes", i, "match"], `${JSON.stringify(fix.match)} is not a regular expression`);
    }
  });
  checkPrecisionValues(spec, fail);
  return {
    source,
    spec,
    dataset: spec.dataset,
    encoding: spec.encoding === undefined ? null : parseEncoding(spec.encoding),
    dateFormats,
    columns: columnsOf(spec),
    types: compileTypes(spec, fail),
  };
}

type Fail = (path: (string | number)[], message: string) => AppError;

function compileTypes(spec: MappingSpec, fail: Fail): CsvMapping["types"] {
  const { eventType } = spec;
  const target = (value: TypeTarget, path: (string | number)[]) => typeOf(value, path, fail);
  const values = new Map<string, EventTypeValue>();
  for (const [name, value] of Object.entries(eventType.values ?? {})) {
    values.set(normaliseValue(name), target(value, ["eventType", "values", name]));
  }
  return {
    value: eventType.value === undefined ? null : target(eventType.value, ["eventType", "value"]),
    values,
    default:
      eventType.default === undefined ? null : target(eventType.default, ["eventType", "default"]),
  };
}

function typeOf(target: TypeTarget, path: (string | number)[], fail: Fail): EventTypeValue {
  if (typeof target === "string") {
    const subtype = parseAcledSubEventType(target);
    const plover = acledToPlover(target);
    if (subtype === undefined || plover === undefined) {
      throw fail(path, `${JSON.stringify(target)} is not an ACLED sub-event type`);
    }
    return { category: plover.category, mode: plover.mode, subtype };
  }
  const category = target.category.trim().toUpperCase();
  if (!isPloverCategory(category)) {
    throw fail(
      [...path, "category"],
      `${JSON.stringify(target.category)} is not a PLOVER category`,
    );
  }
  const modes: readonly string[] = PLOVER_MODES[category];
  const mode = target.mode?.trim() ?? null;
  if (mode !== null && !modes.includes(mode)) {
    const allowed = modes.length === 0 ? "none" : modes.join(", ");
    throw fail(
      [...path, "mode"],
      `${JSON.stringify(mode)} is not a mode of ${category} (${allowed})`,
    );
  }
  let subtype: string | null = null;
  if (target.subtype !== undefined) {
    subtype = parseAcledSubEventType(target.subtype) ?? null;
    if (subtype === null) {
      throw fail(
        [...path, "subtype"],
        `${JSON.stringify(target.subtype)} is not an ACLED sub-event type`,
      );
    }
  }
  return { category, mode, subtype };
}

function checkPrecisionValues(spec: MappingSpec, fail: Fail): void {
  const precision = spec.place.precision;
  if (precision === undefined) return;
  const allowed: readonly string[] = GEO_PRECISIONS;
  const check = (value: string, path: (string | number)[]) => {
    if (!allowed.includes(value)) {
      throw fail(path, `${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
    }
  };
  if (precision.value !== undefined) check(precision.value, ["place", "precision", "value"]);
  for (const [name, value] of Object.entries(precision.values ?? {})) {
    check(value, ["place", "precision", "values", name]);
  }
  if (precision.default !== undefined) check(precision.default, ["place", "precision", "default"]);
}

/** Every column the mapping names, with where it names it. */
function columnsOf(spec: MappingSpec): { column: string; path: string }[] {
  const out: { column: string; path: string }[] = [];
  const add = (name: string | undefined, path: string) => {
    if (name !== undefined) out.push({ column: name, path });
  };
  const keys = spec.key ?? [];
  for (const [i, name] of keys.entries()) add(name, keys.length === 1 ? "key" : `key[${i}]`);
  for (const [i, rule] of spec.skip.entries()) add(rule.column, `skip[${i}].column`);
  for (const [i, fix] of spec.fixes.entries()) add(fix.column, `fixes[${i}].column`);
  add(spec.date.column, "date.column");
  add(spec.date.end, "date.end");
  for (const name of ["country", "admin1", "admin2", "name", "precision"] as const) {
    add(spec.place[name]?.column, `place.${name}.column`);
  }
  add(spec.place.latitude, "place.latitude");
  add(spec.place.longitude, "place.longitude");
  for (const [i, actor] of spec.actors.entries()) add(actor.column, `actors[${i}].column`);
  add(spec.eventType.column, "eventType.column");
  for (const part of ["fatalities", "injured"] as const) {
    for (const end of ["best", "min", "max"] as const) add(spec[part]?.[end], `${part}.${end}`);
  }
  for (const [i, name] of (spec.text ?? []).entries()) add(name, `text[${i}]`);
  add(spec.sourceUrl, "sourceUrl");
  return out;
}

/** Value maps compare values ignoring case, outer spaces and repeated spaces. */
export function normaliseValue(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}

function invalid(message: string): AppError {
  return new AppError("INVALID_INPUT", message);
}

/** " (line N)" for the deepest node of the path that exists in the YAML document. */
function lineOf(
  root: unknown,
  path: readonly (string | number)[],
  lineCounter: LineCounter,
): string {
  let node = root as Node | null | undefined;
  let found: Node | null = null;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === part);
      node = (pair?.value ?? pair?.key) as Node | null | undefined;
    } else if (isSeq(node) && typeof part === "number") node = node.items[part] as Node;
    else break;
    if (node?.range) found = node;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? "" : ` (line ${lineCounter.linePos(offset).line})`;
}
