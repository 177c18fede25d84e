import { describe, expect, it } from "vitest";
import type { Demand } from "../domain/profile/index.ts";
import { assessDemand, demandCategories, scoreCompliance } from "./compliance.ts";
import { periodOf } from "./periods.ts";
import type { StoredEvent } from "./types.ts";

describe("scoreCompliance() at each boundary of the formula", () => {
  it.each([
    // [progress, breach, score]
    [0, 0, 0],
    [0, 9, 0],
    [1, 0, 1], // one act alone is minimal
    [1, 1, 1],
    [2, 0, 2], // two acts, no breach: intermediate
    [2, 2, 2], // progress as many as breaches
    [2, 3, 1], // breaches outnumber progress
    [3, 0, 3], // three acts and no breach: full
    [3, 1, 2], // one breach keeps it from full
    [3, 4, 1],
    [10, 10, 2],
    [10, 11, 1],
  ])("%i progress and %i breach score %i", (progress, breach, score) => {
    const result = scoreCompliance(progress, breach);
    expect(result.score).toBe(score);
    expect(result.reason).toContain(`${progress} progress, ${breach} breach`);
  });

  it("names the scale's label", () => {
    expect(scoreCompliance(0, 0).label).toBe("not initiated");
    expect(scoreCompliance(3, 0).label).toBe("full");
  });
});

function event(id: number, category: string, summary: string): StoredEvent {
  return {
    id,
    dateStart: "2026-03-02",
    dateEnd: "2026-03-02",
    datePrecision: "day",
    place: "Kabul",
    admin1: "Kabul",
    admin2: null,
    countryIso3: "AFG",
    lat: null,
    lon: null,
    geoPrecision: "admin1",
    category,
    mode: null,
    subtype: null,
    sourceCode: null,
    fatalitiesBest: null,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    actors: [],
    crossBorder: { isCrossBorder: false, direction: null },
    confidence: 1,
    summary,
    sources: [{ dataset: "text", nativeId: `n${id}` }],
  };
}

const demand: Demand = {
  id: "d",
  title: "D",
  by: "PAK",
  of: "AFG",
  description: "test",
  evidence: {
    progress: [{ category: ["AGREE"] }, { keywords: ["arrest"] }],
    breach: [{ category: ["REJECT"] }],
  },
};

describe("assessDemand()", () => {
  // A stand-in matcher on category and keyword only; the profile's matcher is tested in profile/.
  const matches = (
    e: { category: string | null; summary: string | null },
    p: Demand["evidence"]["progress"][number],
  ) =>
    (p.category === undefined || (e.category !== null && p.category.includes(e.category))) &&
    (p.keywords === undefined || p.keywords.some((k) => (e.summary ?? "").includes(k)));

  it("lists progress and breach events with the rules they matched, and scores them", () => {
    const events = [
      event(1, "AGREE", "arrest deal"),
      event(2, "AGREE", "talks"),
      event(3, "REJECT", "no"),
      event(4, "CONSULT", "nothing"),
    ];
    const a = assessDemand(demand, events, {
      period: periodOf("2026-03-02", "month"),
      asOf: "2026-03-20",
      matches,
    });
    expect(a.progress.map((e) => [e.id, e.rules])).toEqual([
      [1, [0, 1]],
      [2, [0]],
    ]);
    expect(a.breach.map((e) => e.id)).toEqual([3]);
    expect(a.computed.score).toBe(2);
    expect(a).toMatchObject({ period: "2026-03", end: "2026-03-20", isComplete: false });
    expect(a.progress[0]?.sources).toEqual([{ dataset: "text", nativeId: "n1" }]);
  });

  it("demandCategories() is null when one rule allows any category", () => {
    expect(demandCategories([demand])).toBeNull();
    const strict = { ...demand, evidence: { progress: [{ category: ["AGREE"] }], breach: [] } };
    expect(demandCategories([strict])).toEqual(["AGREE"]);
  });
});
