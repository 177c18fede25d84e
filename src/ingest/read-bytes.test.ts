import { createHash } from "node:crypto";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashFile } from "./hash-file.ts";
import { readBytes } from "./read-bytes.ts";
import { DATA, fixture, messageOf } from "./test-support.ts";

async function readAll(path: string): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of readBytes(path)) parts.push(chunk);
  return Buffer.concat(parts);
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ingest-bytes-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readBytes()", () => {
  it("unpacks .gz through zlib", async () => {
    const text = "1\tx\n2\ty\n";
    const path = join(dir, "small.export.CSV.gz");
    await writeFile(path, gzipSync(text));
    expect((await readAll(path)).toString("utf8")).toBe(text);
  });

  it("reports a zip cut off halfway as a truncated archive", async () => {
    expect(await messageOf(readAll(fixture("truncated.export.CSV.zip")))).toMatch(
      /^truncated\.export\.CSV\.zip: not a readable zip archive, perhaps truncated \(/,
    );
  });

  it("reports a cut-off .gz", async () => {
    const whole = gzipSync("a\n".repeat(10_000));
    const path = join(dir, "cut.csv.gz");
    await writeFile(path, whole.subarray(0, whole.length - 20));
    expect(await messageOf(readAll(path))).toMatch(/^cut\.csv\.gz: cannot read the file \(/);
  });

  it("reads only as far as the consumer asks (streaming, not the whole file)", async () => {
    const path = join(dir, "big.tsv");
    const out = createWriteStream(path);
    const line = `${"x\t".repeat(60)}x\n`;
    for (let i = 0; i < 20_000; i++) out.write(line); // about 2.4 MB
    await new Promise((done) => out.end(done));
    let read = 0;
    let total = 0;
    const onProgress = (bytesRead: number, totalBytes: number) => {
      read = bytesRead;
      total = totalBytes;
    };
    for await (const _chunk of readBytes(path, { onProgress })) break;
    expect(total).toBeGreaterThan(2_000_000);
    expect(read).toBeLessThanOrEqual(256 * 1024);
  });
});

describe.skipIf(!existsSync(DATA))("readBytes() and hashFile() on the real GDELT zip", () => {
  const zip = join(DATA, "gdelt/20190121220000.export.CSV.zip");

  it("streams the zip's only member, whose size the archive lists as 658,880 bytes", async () => {
    const content = await readAll(zip);
    expect(content.length).toBe(658_880);
    expect(
      content
        .toString("utf8")
        .split("\n")
        .filter((l) => l !== "").length,
    ).toBe(1629);
  });

  it("hashes the file as stored, streaming", async () => {
    const expected = createHash("sha256").update(readFileSync(zip)).digest("hex");
    expect(await hashFile(zip)).toEqual({ sha256: expected, bytes: 109_078 });
  });
});
