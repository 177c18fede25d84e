import { describe, expect, it } from "vitest";
import { calibrationTable, scoredPairs, scoreQuestion } from "./calibration.ts";
import { dayNumber } from "./months.ts";
import {
  closesOn,
  countsMeetRule,
  findRuleMet,
  type MatchedEvent,
  questionProbability,
  resolveQuestion,
} from "./questions.ts";

const ev = (id: number, date: string): MatchedEvent => ({ id, date });
const terms = { rule: { count: 2, windowDays: 30 }, opensOn: "2026-03-01", horizonDays: 90 };

describe("resolveQuestion()", () => {
  it("resolves yes on the day the rule is first met, citing the events", () => {
    const events = [
      ev(1, "2026-02-20"),
      ev(2, "2026-03-05"),
      ev(3, "2026-04-20"),
      ev(4, "2026-05-01"),
    ];
    // 02-20 is before the question opened; 03-05 and 04-20 are 46 days apart; 04-20 and 05-01 fit.
    expect(resolveQuestion(terms, events, "2026-07-31")).toEqual({
      status: "resolved_yes",
      resolvedOn: "2026-05-01",
      eventIds: [3, 4],
    });
  });

  it("counts a window of exactly windowDays days (first and last day included)", () => {
    const events = [ev(1, "2026-03-01"), ev(2, "2026-03-30")];
    expect(resolveQuestion(terms, events, "2026-07-31").status).toBe("resolved_yes");
    const apart = [ev(1, "2026-03-01"), ev(2, "2026-03-31")];
    expect(resolveQuestion(terms, apart, "2026-07-31").status).toBe("resolved_no");
  });

  it("resolves no once the data pass the last day, stays open before", () => {
    expect(closesOn(terms)).toBe("2026-05-29");
    const events = [ev(1, "2026-03-05"), ev(2, "2026-05-30")];
    expect(resolveQuestion(terms, events, "2026-05-28")).toEqual({ status: "open" });
    expect(resolveQuestion(terms, events, "2026-05-29")).toEqual({
      status: "resolved_no",
      resolvedOn: "2026-05-29",
    });
  });

  it("ignores matches the data end has not reached yet", () => {
    const events = [ev(1, "2026-03-05"), ev(2, "2026-03-06")];
    expect(resolveQuestion(terms, events, "2026-03-05")).toEqual({ status: "open" });
  });
});

describe("findRuleMet() and countsMeetRule()", () => {
  it("agree on a sliding window", () => {
    expect(
      findRuleMet(
        [ev(1, "2026-01-01")],
        { count: 1, windowDays: 1 },
        { from: "2026-01-01", to: "2026-01-01" },
      )?.on,
    ).toBe("2026-01-01");
    expect(countsMeetRule([1, 0, 0, 1], { count: 2, windowDays: 4 })).toBe(true);
    expect(countsMeetRule([1, 0, 0, 1], { count: 2, windowDays: 3 })).toBe(false);
    expect(countsMeetRule([0, 3], { count: 3, windowDays: 1 })).toBe(true);
  });
});

describe("questionProbability()", () => {
  const covered = [{ first: dayNumber("2020-01-01"), last: dayNumber("2026-07-31") }];
  const base = { dataEnd: "2026-07-31", covered, seed: 3, samples: 300 };

  it("uses the base rate with no matches: (0 + ½)/(windows + 1)", () => {
    const p = questionProbability({ ...terms, opensOn: "2026-08-01" }, [], base);
    expect(p.method).toBe("base-rate");
    // 2020-01-01 … 2026-07-31 is 2404 days: 26 whole 90-day windows back from the end.
    expect(p.details.windows).toBe(26);
    expect(p.probability).toBeCloseTo(0.5 / 27, 12);
  });

  it("counts past windows in which the rule was met", () => {
    // A pair of matches 10 days apart in exactly one of the 26 windows.
    const events = [ev(1, "2024-01-10"), ev(2, "2024-01-20")];
    const p = questionProbability({ ...terms, opensOn: "2026-08-01" }, events, base);
    expect(p.details.met).toBe(1);
    expect(p.probability).toBeCloseTo(1.5 / 27, 12);
  });

  it("fits a Hawkes process with enough matches; a busy history makes the rule near certain", () => {
    const events: MatchedEvent[] = [];
    for (let d = dayNumber("2026-01-01"), id = 0; d <= dayNumber("2026-07-31"); d += 3) {
      events.push(ev(id++, new Date(d * 86_400_000).toISOString().slice(0, 10)));
    }
    const p = questionProbability({ ...terms, opensOn: "2026-08-01" }, events, base);
    expect(p.method).toBe("hawkes");
    expect(p.probability).toBeGreaterThan(0.95);
  });

  it("is reproducible for a seed", () => {
    const events = Array.from({ length: 20 }, (_, i) =>
      ev(i, `2026-0${1 + (i % 7)}-1${i % 9}`),
    ).sort((a, b) => a.date.localeCompare(b.date));
    const rare = { ...terms, rule: { count: 6, windowDays: 10 }, opensOn: "2026-08-01" };
    const a = questionProbability(rare, events, base);
    const b = questionProbability(rare, events, base);
    expect(a.method).toBe("hawkes");
    expect(a.probability).toBe(b.probability);
    expect(a.probability).toBeGreaterThan(0);
    expect(a.probability).toBeLessThan(1);
  });
});

describe("scoring watch questions", () => {
  const history = [
    { probability: 0.2, dataEnd: "2026-01-31" },
    { probability: 0.6, dataEnd: "2026-02-28" },
    { probability: 0.9, dataEnd: "2026-03-31" },
  ];

  it("scoreQuestion() averages the Brier scores of forecasts made before the resolution", () => {
    const score = scoreQuestion({ status: "resolved_yes", resolvedOn: "2026-03-10", history });
    // (0.8² + 0.4²)/2 = 0.4; the 03-31 forecast came after and does not count.
    expect(score).toEqual({
      brier: expect.closeTo(0.4, 12),
      lastBrier: expect.closeTo(0.16, 12),
      forecasts: 2,
    });
    expect(scoreQuestion({ status: "open", resolvedOn: null, history })).toBeNull();
    expect(scoreQuestion({ status: "resolved_no", resolvedOn: "2026-01-01", history })).toBeNull();
  });

  it("calibrationTable() bins probabilities against outcomes", () => {
    const pairs = [
      ...scoredPairs({ status: "resolved_yes", resolvedOn: "2026-12-31", history }),
      { probability: 0.25, outcome: false },
      { probability: 1, outcome: true },
    ];
    const table = calibrationTable(pairs, 4);
    // Bins [0, .25) [.25, .5) [.5, .75) [.75, 1]: 0.2 | 0.25 | 0.6 | 0.9 and 1.
    expect(table.map((b) => b.n)).toEqual([1, 1, 1, 2]);
    expect(table[1]).toMatchObject({ from: 0.25, meanProbability: 0.25, observedRate: 0 });
    expect(table[3]).toMatchObject({ n: 2, meanProbability: 0.95, observedRate: 1 });
    expect(table[0]?.observedRate).toBe(1);
  });
});
