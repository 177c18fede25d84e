/** Which dataset a file holds, from its name and first line; null when it is none of them. */
import { basename } from "node:path";
import { isAcledDeletionsHeader } from "./acled.ts";
import { decodeUtf8 } from "./decode-utf8.ts";
import { sniffDelimiter } from "./delimiter.ts";
import { GDELT_LAYOUTS } from "./gdelt-columns.ts";
import { readBytes } from "./read-bytes.ts";
import type { IngestDataset } from "./read-records.ts";
import { isConflictHeader } from "./ucdp-conflicts.ts";

/** What a file holds: events of a dataset, or UCDP/PRIO conflict-years. */
export type FileKind = IngestDataset | "ucdp-conflicts";

const MAX_FIRST_LINE = 64 * 1024;

export function detectDataset(path: string, firstLine: string): FileKind | null {
  const line = firstLine.replace(/^\uFEFF/, "").replace(/\r?\n?$/, "");
  if (line.trimStart().startsWith("{")) return "ucdp"; // a UCDP API page
  if (isConflictHeader(line)) return "ucdp-conflicts";
  const tabbed = line.split("\t");
  if (GDELT_LAYOUTS.has(tabbed.length) && /^\d+$/.test(tabbed[0] ?? "")) return "gdelt";
  if (/\.export\.csv(\.zip)?$/i.test(basename(path))) return "gdelt";
  const names = new Set(
    line.split(sniffDelimiter(line)).map((name) => name.replace(/"/g, "").trim().toLowerCase()),
  );
  if (isAcledDeletionsHeader([...names]) && names.has("event_id_cnty")) return "acled";
  const hasAny = (...wanted: string[]) => wanted.some((name) => names.has(name));
  if (names.has("event_date") && hasAny("sub_event_type", "event_type", "sub_type")) return "acled";
  if (names.has("id") && names.has("type_of_violence") && hasAny("best", "best_est")) return "ucdp";
  return null;
}

/** Reads the first line (of the first member, for a zip) and detects the dataset. */
export async function detectFileDataset(path: string): Promise<FileKind | null> {
  let head = "";
  for await (const text of decodeUtf8(readBytes(path), basename(path))) {
    head += text;
    const end = head.indexOf("\n");
    if (end !== -1 || head.length > MAX_FIRST_LINE) {
      return detectDataset(path, end === -1 ? head : head.slice(0, end));
    }
  }
  return detectDataset(path, head);
}
