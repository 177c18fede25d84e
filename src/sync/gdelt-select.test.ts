import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Window } from "./gdelt-list.ts";
import { createListSelector } from "./gdelt-select.ts";

const REAL_HEAD = fileURLToPath(
  new URL("../../../shared/data/gdelt/masterfilelist.head1000.txt", import.meta.url),
);
const BASE = "http://data.gdeltproject.org/gdeltv2/";
const MD5_A = "a".repeat(32);
const MD5_B = "b".repeat(32);

function select(lines: string[], window: Window = { since: null, until: null }) {
  const selector = createListSelector("masterfilelist.txt", window);
  for (const line of lines) selector.add(line);
  return selector.finish();
}

describe("createListSelector() on the real first 1,000 lines of GDELT's master list", () => {
  const lines = readFileSync(REAL_HEAD, "utf8").split("\n");

  it("keeps the 334 export files and names the 8 slots GDELT never published", () => {
    const selection = select(lines);
    expect(selection.listedExports).toBe(334);
    expect(selection.entries).toHaveLength(334);
    expect(selection.problems).toEqual([]);
    // Counted independently: 2015-02-19 07:00 and 07:30, 08:15 … 09:15, and 10:00 are absent;
    // 03:45, 2015-02-20 03:15, 2015-02-21 02:00 and 2015-02-22 04:15 are listed out of order.
    expect(selection.gaps).toEqual([
      "20150219070000",
      "20150219073000",
      "20150219081500",
      "20150219083000",
      "20150219084500",
      "20150219090000",
      "20150219091500",
      "20150219100000",
    ]);
  });

  it("sorts entries by slot though the list is not in order", () => {
    const slots = select(lines).entries.map((e) => e.slot);
    expect(slots).toEqual([...slots].sort());
    expect(slots[0]).toBe("20150218230000");
  });

  it("looks for gaps only inside the window", () => {
    const selection = select(lines, { since: "20150219071500", until: "20150219090000" });
    expect(selection.gaps).toEqual([
      "20150219073000",
      "20150219081500",
      "20150219083000",
      "20150219084500",
      "20150219090000",
    ]);
    expect(selection.entries.map((e) => e.slot)).toEqual([
      "20150219071500",
      "20150219074500",
      "20150219080000",
    ]);
  });

  it("reports no gap before the list begins or after it ends", () => {
    const selection = select(lines, { since: "20150101000000", until: "20150218233000" });
    expect(selection.gaps).toEqual([]);
    expect(selection.entries).toHaveLength(3);
  });
});

describe("createListSelector() on hand-made lines", () => {
  it("reports unreadable lines by number and keeps going", () => {
    const selection = select([
      `10 ${MD5_A} ${BASE}20240301000000.export.CSV.zip`,
      "garbage",
      "",
      `10 ${MD5_A}`,
      `10 ${MD5_A} ${BASE}20240301001500.export.CSV.zip`,
    ]);
    expect(selection.entries.map((e) => e.slot)).toEqual(["20240301000000", "20240301001500"]);
    expect(selection.problems).toEqual([
      "masterfilelist.txt line 2: expected 3 fields, found 1",
      "masterfilelist.txt line 4: expected 3 fields, found 2",
    ]);
  });

  it("keeps one entry per name, and reports a name listed with two checksums", () => {
    const selection = select([
      `10 ${MD5_A} ${BASE}20240301000000.export.CSV.zip`,
      `10 ${MD5_A} ${BASE}20240301000000.export.CSV.zip`,
      `11 ${MD5_B} ${BASE}20240301000000.export.CSV.zip`,
    ]);
    expect(selection.entries).toEqual([
      {
        bytes: 11,
        md5: MD5_B,
        url: `${BASE}20240301000000.export.CSV.zip`,
        name: "20240301000000.export.CSV.zip",
        slot: "20240301000000",
      },
    ]);
    expect(selection.problems).toEqual([
      "masterfilelist.txt: 20240301000000.export.CSV.zip is listed twice with different checksums (lines 2 and 3); line 3 is used",
    ]);
  });

  it("counts a slot with only mentions and gkg files as a gap", () => {
    const selection = select([
      `10 ${MD5_A} ${BASE}20240301000000.export.CSV.zip`,
      `10 ${MD5_A} ${BASE}20240301001500.mentions.CSV.zip`,
      `10 ${MD5_A} ${BASE}20240301001500.gkg.csv.zip`,
      `10 ${MD5_A} ${BASE}20240301003000.export.CSV.zip`,
    ]);
    expect(selection.gaps).toEqual(["20240301001500"]);
  });
});
