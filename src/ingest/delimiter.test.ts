import { describe, expect, it } from "vitest";
import { peekDelimiter, sniffDelimiter } from "./delimiter.ts";
import { chunked } from "./test-support.ts";

describe("sniffDelimiter()", () => {
  it.each([
    ["conflict_id;location;side_a", ";"],
    ["event_date,event_type,country", ","],
    ["a\tb\tc", "\t"],
    ['"Afghanistan, Pakistan";year;x', ";"], // commas inside quotes do not count
    ["single", ","],
  ])("%j → %j", (line, expected) => {
    expect(sniffDelimiter(line)).toBe(expected);
  });
});

describe("peekDelimiter()", () => {
  it("gives the text back whole after reading the first line, in any chunking", async () => {
    const text = "a;b\r\n1;2\r\n3;4\r\n";
    for (const size of [1, 3, 100]) {
      const { delimiter, texts } = await peekDelimiter(chunked(text, size));
      let back = "";
      for await (const part of texts) back += part;
      expect([delimiter, back]).toEqual([";", text]);
    }
  });
});
