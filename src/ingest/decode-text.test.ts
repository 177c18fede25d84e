import { describe, expect, it } from "vitest";
import { decodeText, parseEncoding } from "./decode-text.ts";
import { byteChunks, messageOf } from "./test-support.ts";

describe("parseEncoding()", () => {
  it.each([
    ["utf8", "utf8"],
    ["UTF-8", "utf8"],
    ["latin1", "latin1"],
    ["ISO-8859-1", "latin1"],
    ["cp1252", "latin1"],
    ["ebcdic", null],
  ])("%s → %s", (name, expected) => {
    expect(parseEncoding(name)).toBe(expected);
  });
});

describe("decodeText()", () => {
  it("reads Latin-1 bytes as text, Windows-1252's extra characters included", async () => {
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x80, 0x0a]);
    let text = "";
    for await (const part of decodeText(byteChunks(bytes, 2), "f.csv", "latin1", {
      invalidLine: null,
    })) {
      text += part;
    }
    expect(text).toBe("café – €\n");
  });

  it("notes the line of the first byte that is not UTF-8 and goes on with U+FFFD", async () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0x62, 0xe9, 0x63, 0x0a, 0x64]);
    const state = { invalidLine: null as number | null };
    let text = "";
    for await (const part of decodeText(byteChunks(bytes, 3), "f.csv", "utf8", state)) {
      text += part;
    }
    expect([text, state.invalidLine]).toEqual(["a\nb\uFFFDc\nd", 2]);
  });

  it("calls an empty Latin-1 file empty", async () => {
    const items = decodeText(byteChunks(new Uint8Array(0), 4), "f.csv", "latin1", {
      invalidLine: null,
    });
    expect(
      await messageOf(
        (async () => {
          for await (const _ of items) {
            // reading to the end
          }
        })(),
      ),
    ).toBe("f.csv: file is empty");
  });
});
