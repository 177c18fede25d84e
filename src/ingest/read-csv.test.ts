import { describe, expect, it } from "vitest";
import { readCsvRows } from "./read-csv.ts";
import { readTsvRows } from "./read-tsv.ts";
import { chunked, messageOf } from "./test-support.ts";

async function rowsOf(text: string, size = 1 << 20, maxFieldBytes?: number) {
  const rows = [];
  for await (const batch of readCsvRows(chunked(text, size), { file: "t.csv", maxFieldBytes })) {
    rows.push(...batch);
  }
  return rows;
}

describe("readCsvRows()", () => {
  it("reads quoted fields with delimiters, escaped quotes and CRLF inside, and counts lines", async () => {
    const text = 'a,b,c\r\n1,"x, ""y""\r\nz",3\r\n\r\n4,5,6\r\n';
    expect(await rowsOf(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", 'x, "y"\r\nz', "3"] },
      { line: 5, fields: ["4", "5", "6"] },
    ]);
  });

  it("gives the same rows whatever the chunk size", async () => {
    const text = 'id,note\n1,"two\nlines"\n2,""""\n3,plain "quote" inside\n\n4,last';
    const whole = await rowsOf(text);
    expect(whole.map((row) => row.line)).toEqual([1, 2, 4, 5, 7]);
    for (const size of [1, 2, 3, 5, 7]) expect(await rowsOf(text, size)).toEqual(whole);
  });

  it("keeps an empty last field and a last line without a line end", async () => {
    expect(await rowsOf('a,b\n1,\n"2",')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", ""] },
      { line: 3, fields: ["2", ""] },
    ]);
  });

  it("names the line where a record starts when the file ends inside its quotes", async () => {
    const text = 'id,notes\n1,ok\n2,"cut\noff here';
    expect(await messageOf(rowsOf(text, 4))).toBe(
      't.csv line 3, field "notes": the file ends inside a quoted field ' +
        "(the closing quote is missing or the file is cut off)",
    );
  });

  it("rejects text after a closing quote, naming line and field", async () => {
    expect(await messageOf(rowsOf('id,notes\n1,"a"b\n'))).toBe(
      't.csv line 2, field "notes": text after the closing quote',
    );
  });

  it("rejects a field over maxFieldBytes, counting UTF-8 bytes, before reading all of it", async () => {
    const text = `id,notes\n1,${"é".repeat(600)}\n`; // 1,200 bytes in 600 characters
    expect(await messageOf(rowsOf(text, 64, 1000))).toBe(
      't.csv line 2, field "notes": the field is longer than 1000 bytes (maxFieldBytes)',
    );
    const quoted = `id,notes\n1,"${"x".repeat(5000)}`; // never closed: caught while reading
    expect(await messageOf(rowsOf(quoted, 64, 1000))).toContain('line 2, field "notes"');
  });
});

describe("readTsvRows()", () => {
  async function tsvRows(text: string, size: number) {
    const rows = [];
    for await (const batch of readTsvRows(chunked(text, size), { file: "g.CSV" })) {
      rows.push(...batch);
    }
    return rows;
  }

  it("splits lines at tabs and treats quotes as data", async () => {
    const text = '1\t"a\tb"\r\n\n2\t"unclosed\n3\tx';
    const expected = [
      { line: 1, fields: ["1", '"a', 'b"'] },
      { line: 3, fields: ["2", '"unclosed'] },
      { line: 4, fields: ["3", "x"] },
    ];
    expect(await tsvRows(text, 1 << 16)).toEqual(expected);
    expect(await tsvRows(text, 3)).toEqual(expected);
  });
});
