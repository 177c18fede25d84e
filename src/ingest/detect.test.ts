import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectDataset, detectFileDataset } from "./detect.ts";
import { DATA, fixture } from "./test-support.ts";

describe("detectDataset()", () => {
  it.each([
    ["a.csv", "\uFEFFevent_id_cnty,event_date,year,event_type,sub_event_type,actor1\r\n", "acled"],
    ["a.csv", "event_date,Year,Type,Sub_type,Actor1", "acled"],
    ["d.csv", "event_id_cnty,deleted_timestamp", "acled"],
    ["g.csv", "id,relid,year,type_of_violence,side_a,best", "ucdp"],
    ["page.json", '{"TotalCount": 3, "Result": []}', "ucdp"],
    ["x.CSV", `1${"\t".repeat(60)}`, "gdelt"],
    ["20190121220000.export.CSV.zip", "", "gdelt"],
    ["other.csv", "name,age", null],
  ] as const)("%s starting %j is %s", (path, line, expected) => {
    expect(detectDataset(path, line)).toBe(expected);
  });
});

describe("detectFileDataset()", () => {
  it("reads the first line of the hand-made fixtures", async () => {
    expect(await detectFileDataset(fixture("acled-31-columns-crlf-bom.csv"))).toBe("acled");
    expect(await detectFileDataset(fixture("ucdp-hdx.csv"))).toBe("ucdp");
    expect(await detectFileDataset(fixture("gdelt-v1.export.CSV"))).toBe("gdelt");
  });

  it.skipIf(!existsSync(DATA))("looks inside a zip", async () => {
    expect(await detectFileDataset(join(DATA, "gdelt/20190121220000.export.CSV.zip"))).toBe(
      "gdelt",
    );
  });
});
