import { describe, expect, it } from "vitest";
import { mergeCluster } from "./merge.ts";
import { assignClusterIds, mergeRanges } from "./stable-ids.ts";
import { makeRecord } from "./test-support.ts";

const cluster = (...ids: string[]) =>
  mergeCluster(
    ids.map((id) => makeRecord(id.startsWith("u") ? "ucdp" : "acled", id)),
    { minScore: 1 },
  );

describe("assignClusterIds()", () => {
  it("keeps the stored id of the cluster holding most members; a split-off part gets a new one", () => {
    const stored = new Map([
      ["ucdp:u1", 7],
      ["acled:a1", 7],
      ["acled:a2", 7],
      ["ucdp:u2", 9],
    ]);
    const grown = cluster("u1", "a1");
    const moved = cluster("u2", "a2");
    const ids = assignClusterIds([moved, grown], (k) => stored.get(k) ?? null);
    // Both hold one member of 7; the tie goes to the larger, then the first key: "acled:a1…".
    expect(ids.get(grown)).toBe(7);
    expect(ids.get(moved)).toBe(9);
    const fresh = cluster("u3", "a3");
    expect(assignClusterIds([fresh], () => null).get(fresh)).toBeNull();
  });
});

describe("mergeRanges()", () => {
  it("merges overlapping and touching day ranges", () => {
    expect(
      mergeRanges([
        [10, 12],
        [1, 3],
        [4, 5],
        [11, 20],
      ]),
    ).toEqual([
      [1, 5],
      [10, 20],
    ]);
  });
});
