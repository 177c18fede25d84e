import { describe, expect, it } from "vitest";
import { decodeUtf8, NOT_UTF8 } from "./decode-utf8.ts";
import { byteChunks, messageOf } from "./test-support.ts";

async function decode(bytes: Uint8Array, size: number): Promise<string> {
  let text = "";
  for await (const part of decodeUtf8(byteChunks(bytes, size), "f.csv")) text += part;
  return text;
}

const encode = (text: string) => new TextEncoder().encode(text);

function withByte(before: string, byte: number, after: string): Uint8Array {
  return new Uint8Array([...encode(before), byte, ...encode(after)]);
}

describe("decodeUtf8()", () => {
  it("drops a leading BOM and keeps characters split across chunks whole", async () => {
    const bytes = encode("\uFEFFa,b\nPeshāwar,ژوب\n");
    for (const size of [1, 2, 3, 64]) expect(await decode(bytes, size)).toBe("a,b\nPeshāwar,ژوب\n");
  });

  it("names the line of an invalid byte, whatever the chunk size", async () => {
    const bytes = withByte("a,b\nx,y\nCaf", 0xe9, " au lait\nlast\n");
    for (const size of [1, 4, 9, 1024]) {
      expect(await messageOf(decode(bytes, size))).toBe(`f.csv line 3: the text ${NOT_UTF8}`);
    }
  });

  it("names the last line when the file ends inside a character", async () => {
    const bytes = withByte("a\nb\nc", 0xe2, "");
    expect(await messageOf(decode(bytes, 2))).toBe(`f.csv line 3: the text ${NOT_UTF8}`);
  });

  it("calls a file of zero bytes, or of only a BOM, empty", async () => {
    expect(await messageOf(decode(new Uint8Array(0), 8))).toBe("f.csv: file is empty");
    expect(await messageOf(decode(encode("\uFEFF"), 8))).toBe("f.csv: file is empty");
  });
});
