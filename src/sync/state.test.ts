import { describe, expect, it } from "vitest";
import {
  earlierSlot,
  emptyState,
  hasFile,
  mergeStates,
  parseState,
  type SyncedFile,
  type SyncState,
} from "./state.ts";

const file = (md5: string, importedAt: string): SyncedFile => ({
  md5,
  bytes: 10,
  sha256: `sha-${md5}`,
  importedAt,
});

const state = (since: string | null, files: Record<string, SyncedFile>): SyncState => ({
  version: 1,
  since,
  files,
});

describe("mergeStates()", () => {
  it.each([
    ["two empty states", emptyState(), emptyState(), emptyState()],
    [
      "files of both",
      state(null, { a: file("1", "2024-03-01T00:00:00.000Z") }),
      state(null, { b: file("2", "2024-03-01T00:00:00.000Z") }),
      state(null, {
        a: file("1", "2024-03-01T00:00:00.000Z"),
        b: file("2", "2024-03-01T00:00:00.000Z"),
      }),
    ],
    [
      "the later import of the same file (left newer)",
      state(null, { a: file("new", "2024-03-02T00:00:00.000Z") }),
      state(null, { a: file("old", "2024-03-01T00:00:00.000Z") }),
      state(null, { a: file("new", "2024-03-02T00:00:00.000Z") }),
    ],
    [
      "the later import of the same file (right newer)",
      state(null, { a: file("old", "2024-03-01T00:00:00.000Z") }),
      state(null, { a: file("new", "2024-03-02T00:00:00.000Z") }),
      state(null, { a: file("new", "2024-03-02T00:00:00.000Z") }),
    ],
    [
      "the earlier since",
      state("20240301000000", {}),
      state("20240201000000", {}),
      state("20240201000000", {}),
    ],
    [
      "a since on one side only",
      state(null, {}),
      state("20240201000000", {}),
      state("20240201000000", {}),
    ],
  ])("keeps %s", (_, a, b, expected) => {
    expect(mergeStates(a, b)).toEqual(expected);
  });
});

describe("hasFile(), earlierSlot()", () => {
  it("knows a file only with the md5 the list gives now", () => {
    const s = state(null, { "x.zip": file("abc", "2024-03-01T00:00:00.000Z") });
    expect(hasFile(s, "x.zip", "abc")).toBe(true);
    expect(hasFile(s, "x.zip", "republished")).toBe(false);
    expect(hasFile(s, "y.zip", "abc")).toBe(false);
  });

  it.each([
    ["20240201000000", "20240301000000", "20240201000000"],
    ["20240301000000", "20240201000000", "20240201000000"],
    ["20240301000000", null, "20240301000000"],
    [null, "20240301000000", "20240301000000"],
    [null, null, null],
  ])("earlierSlot(%s, %s) is %s", (a, b, expected) => {
    expect(earlierSlot(a, b)).toBe(expected);
  });
});

describe("parseState()", () => {
  it("rejects another shape, naming where it came from and how to recover", () => {
    expect(() => parseState({ version: 2, files: {} }, "gdelt-state.json")).toThrow(
      /^gdelt-state\.json is not a sync state \(version: .*\); delete it to start over/,
    );
  });
});
