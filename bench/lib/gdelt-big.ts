import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";

const DAY_MS = 86_400_000;

/** `YYYYMMDD…` shifted by `days`, the rest of the text (a time of day) kept. */
function shiftCompact(value: string, days: number): string {
  if (!/^\d{8}/.test(value)) return value;
  const date = new Date(
    Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8))) +
      days * DAY_MS,
  );
  return date.toISOString().slice(0, 10).replaceAll("-", "") + value.slice(8);
}

/**
 * A GDELT 2.0 row `days` later: SQLDATE, MonthYear, Year, FractionDate (GDELT's
 * year + ((month − 1) × 30 + day) / 365) and DATEADDED move together, so the row stays consistent.
 */
function shiftRow(fields: string[], days: number): string[] {
  if (days === 0) return fields;
  const out = [...fields];
  const sqlDate = shiftCompact(fields[1] ?? "", days);
  const month = Number(sqlDate.slice(4, 6));
  const day = Number(sqlDate.slice(6, 8));
  out[1] = sqlDate;
  out[2] = sqlDate.slice(0, 6);
  out[3] = sqlDate.slice(0, 4);
  out[4] = (Number(out[3]) + ((month - 1) * 30 + day) / 365).toFixed(4);
  if (fields.length === 61) out[59] = shiftCompact(fields[59] ?? "", days);
  return out;
}

/**
 * Builds a large GDELT 2.0 export file from real slot files by repeating their rows with
 * GLOBALEVENTID made unique (copy k adds k × 10^10). Used by bench/import.ts and by the
 * test that kills an import midway; the output is generated, never committed.
 * With `shiftDays`, copy k is also moved k × shiftDays days later: the copies are then other
 * events rather than repeated reports of the same ones, which reconciliation after an import
 * would (rightly) merge into ever larger clusters, timing its worst case instead of the import.
 */
export async function writeBigGdelt(
  sources: string[],
  outPath: string,
  minRows: number,
  options: { shiftDays?: number } = {},
): Promise<number> {
  const lines: string[] = [];
  for (const source of sources) {
    const text = await readFile(source, "utf8");
    for (const line of text.split("\n")) if (line.trim()) lines.push(line);
  }
  if (lines.length === 0) throw new Error("no GDELT rows in the source files");
  const shiftDays = options.shiftDays ?? 0;
  const out = createWriteStream(outPath);
  let written = 0;
  for (let copy = 0; written < minRows; copy++) {
    let chunk = "";
    for (const line of lines) {
      const fields = line.split("\t");
      const id = BigInt(fields[0] ?? "0") + BigInt(copy) * 10_000_000_000n;
      const row = shiftRow(fields, copy * shiftDays).slice(1);
      chunk += `${id}\t${row.join("\t")}\n`;
      written++;
    }
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return written;
}
