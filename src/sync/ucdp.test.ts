import { describe, expect, it } from "vitest";
import { checkCounts, firstPageUrl, isUcdpVersion, rewriteNextUrl } from "./ucdp.ts";

describe("isUcdpVersion()", () => {
  it.each([
    ["25.1", true],
    ["26.0.7", true],
    ["23.01.23.06", false],
    ["25", false],
    ["../25.1", false],
    ["", false],
  ])("%j: %s", (version, expected) => {
    expect(isUcdpVersion(version)).toBe(expected);
  });
});

describe("firstPageUrl()", () => {
  it.each([
    [
      "https://ucdpapi.pcr.uu.se/api",
      "https://ucdpapi.pcr.uu.se/api/gedevents/25.1?pagesize=1000&page=0",
    ],
    ["http://127.0.0.1:9/api/", "http://127.0.0.1:9/api/gedevents/25.1?pagesize=1000&page=0"],
  ])("under %s", (base, expected) => {
    expect(firstPageUrl(base, "25.1", 1000)).toBe(expected);
  });
});

describe("rewriteNextUrl()", () => {
  const next = "https://ucdpapi.pcr.uu.se/api/gedevents/25.1?pagesize=1000&page=1";
  it.each([
    ["https://ucdpapi.pcr.uu.se/api", next],
    ["http://127.0.0.1:9/api", "http://127.0.0.1:9/api/gedevents/25.1?pagesize=1000&page=1"],
    [
      "http://127.0.0.1:9/mirror/ucdp/",
      "http://127.0.0.1:9/mirror/ucdp/gedevents/25.1?pagesize=1000&page=1",
    ],
  ])("under %s", (base, expected) => {
    expect(rewriteNextUrl(next, base)).toBe(expected);
  });

  it("resolves a relative NextPageUrl against the base", () => {
    expect(rewriteNextUrl("other?page=2", "http://127.0.0.1:9/api")).toBe(
      "http://127.0.0.1:9/api/other?page=2",
    );
  });
});

describe("checkCounts()", () => {
  it.each([
    [{ rows: 3, pages: 2, totalCount: 3, totalPages: 2 }, []],
    [{ rows: 0, pages: 1, totalCount: 0, totalPages: 0 }, []],
    [
      { rows: 2, pages: 2, totalCount: 3, totalPages: 2 },
      ["received 2 events in 2 pages, but the API's TotalCount is 3"],
    ],
    [
      { rows: 3, pages: 1, totalCount: 3, totalPages: 2 },
      ["received 1 page, but the API's TotalPages is 2"],
    ],
  ])("%j", (got, problems) => {
    expect(checkCounts(got)).toEqual(problems);
  });
});
