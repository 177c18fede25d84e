/**
 * Tab-separated lines with no quoting at all, as GDELT writes them: a `"` is data, a record is one
 * physical line. A plain line splitter is therefore correct, and measured ~8× faster than
 * csv-parse with `quote: false` on the GDELT export files.
 */
import { DEFAULT_MAX_FIELD_BYTES, Limits, type Row } from "./read-csv.ts";

export interface TsvOptions {
  file: string;
  maxFieldBytes?: number;
  /** Field names for messages (GDELT files have no header). */
  names?: readonly string[];
}

export async function* readTsvRows(
  texts: AsyncIterable<string>,
  options: TsvOptions,
): AsyncGenerator<Row[]> {
  const limits = new Limits({ ...options, names: options.names ?? [] });
  const maxField = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  let rest = "";
  let line = 1;
  for await (const text of texts) {
    const buf = rest + text;
    const rows: Row[] = [];
    let start = 0;
    for (let lf = buf.indexOf("\n"); lf !== -1; lf = buf.indexOf("\n", start)) {
      pushLine(rows, buf.slice(start, lf), line, limits, maxField);
      line++;
      start = lf + 1;
    }
    rest = buf.slice(start);
    checkUnfinished(rest, line, limits, maxField);
    if (rows.length > 0) yield rows;
  }
  const rows: Row[] = [];
  pushLine(rows, rest, line, limits, maxField);
  if (rows.length > 0) yield rows;
}

function pushLine(rows: Row[], text: string, line: number, limits: Limits, maxField: number) {
  const body = text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
  if (body.length === 0) return;
  const fields = body.split("\t");
  if (body.length * 3 > maxField) {
    fields.forEach((field, i) => {
      limits.checkField(field, line, i);
    });
  }
  rows.push({ line, fields });
}

/** The line still being read must not grow without bound: check its last field and its length. */
function checkUnfinished(rest: string, line: number, limits: Limits, maxField: number) {
  if (rest.length <= maxField) return;
  const lastTab = rest.lastIndexOf("\t");
  if (rest.length - lastTab - 1 > maxField) {
    limits.checkPartial(rest.length - lastTab - 1, line, countTabs(rest));
  }
  limits.checkRecord(rest.length, line);
}

function countTabs(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\t"); at !== -1; at = text.indexOf("\t", at + 1)) count++;
  return count;
}
