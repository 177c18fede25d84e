/**
 * One page of the UCDP API (`/api/gedevents/<version>?pagesize=…&page=…`):
 * `{ TotalCount, TotalPages, PreviousPageUrl, NextPageUrl, Result: [...] }`, each result carrying
 * the GED field names with JSON numbers and booleans. A page is at most a few MB (pagesize ≤
 * 1000), so it is parsed whole; the caller follows NextPageUrl. Item numbers (1-based) stand in
 * for line numbers in messages: `ged.json item 3, field "best": …`.
 */
import { z } from "zod";
import { matchColumns } from "./columns.ts";
import { type OnError, problemItem, type ReadItem } from "./items.ts";
import type { MappingContext } from "./mapping.ts";
import { fileError } from "./row-error.ts";
import { mapUcdpRow, UCDP_COLUMNS, UCDP_DATASET_LABEL } from "./ucdp.ts";

const pageSchema = z.object({
  TotalCount: z.number().int().min(0),
  TotalPages: z.number().int().min(0),
  PreviousPageUrl: z.string().nullable(),
  NextPageUrl: z.string().nullable(),
  Result: z.array(z.record(z.string(), z.unknown())),
});

export interface UcdpApiPage {
  totalCount: number;
  totalPages: number;
  /** null on the last page. */
  nextPageUrl: string | null;
  items: ReadItem[];
}

export function parseUcdpApiPage(
  text: string,
  context: MappingContext,
  onError: OnError = "throw",
): UcdpApiPage {
  if (text.trim() === "") throw fileError(`${context.file}: file is empty`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw fileError(`${context.file}: not a UCDP API page: not valid JSON`, error);
  }
  const parsed = pageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue === undefined ? "" : ` at ${issue.path.join(".") || "top level"}`;
    throw fileError(`${context.file}: not a UCDP API page${path}: ${issue?.message ?? "invalid"}`);
  }
  const page = parsed.data;
  const items = page.Result.map((result, i) => mapResult(result, i + 1, context, onError));
  return {
    totalCount: page.TotalCount,
    totalPages: page.TotalPages,
    nextPageUrl: page.NextPageUrl === "" ? null : page.NextPageUrl,
    items,
  };
}

function mapResult(
  result: Record<string, unknown>,
  item: number,
  context: MappingContext,
  onError: OnError,
): ReadItem {
  const header = Object.keys(result);
  const fields = header.map((key) => asText(result[key]));
  const where = { file: context.file, line: item, dataset: UCDP_DATASET_LABEL, unit: "item" };
  const columns = matchColumns(header, UCDP_COLUMNS, where);
  const raw = Object.fromEntries(header.map((key, i) => [key, fields[i] ?? ""]));
  const get = (name: string) => {
    const i = columns.index.get(name);
    return i === undefined ? "" : (fields[i] ?? "");
  };
  try {
    const view = { get, has: (name: string) => columns.index.has(name) };
    return { kind: "record", ...mapUcdpRow(view, raw, item, context) };
  } catch (error) {
    return problemItem(error, { file: context.file, line: item, unit: "item" }, onError);
  }
}

/** JSON values as the CSV would write them: null → "", true → "true", 12 → "12". */
function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
