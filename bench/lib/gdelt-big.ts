import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";

/**
 * Builds a large GDELT 2.0 export file from real slot files by repeating their rows with
 * GLOBALEVENTID made unique (copy k adds k × 10^10). Used by bench/import.ts and by the
 * test that kills an import midway; the output is generated, never committed.
 */
export async function writeBigGdelt(
  sources: string[],
  outPath: string,
  minRows: number,
): Promise<number> {
  const lines: string[] = [];
  for (const source of sources) {
    const text = await readFile(source, "utf8");
    for (const line of text.split("\n")) if (line.trim()) lines.push(line);
  }
  if (lines.length === 0) throw new Error("no GDELT rows in the source files");
  const out = createWriteStream(outPath);
  let written = 0;
  for (let copy = 0; written < minRows; copy++) {
    let chunk = "";
    for (const line of lines) {
      const tab = line.indexOf("\t");
      const id = BigInt(line.slice(0, tab)) + BigInt(copy) * 10_000_000_000n;
      chunk += `${id}${line.slice(tab)}\n`;
      written++;
    }
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return written;
}
