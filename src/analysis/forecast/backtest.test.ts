import { describe, expect, it } from "vitest";
import { historyUntil, runBacktest } from "./backtest.ts";
import { noChange } from "./baselines.ts";
import { defaultModels } from "./models.ts";
import { dayNumber } from "./months.ts";
import { dailyHistory, historyOf } from "./test-support.ts";
import type { HorizonForecast, ModelName, MonthlyHistory } from "./types.ts";

/** 2000-01 … 2005-12 of Poisson(1.5)-a-day events worth 2 fatalities, with event counts. */
function base(): MonthlyHistory {
  const h = dailyHistory(1.5, { start: "2000-01", months: 72, value: 2, seed: 3 });
  return { ...h, covariates: { events: h.values.map((v) => (v === null ? null : v / 2)) } };
}

/** The same history with a huge spike in every series from month index `from` on. */
function spiked(history: MonthlyHistory, from: number): MonthlyHistory {
  const spike = (s: readonly (number | null)[]) =>
    s.map((v, i) => (i >= from && v !== null ? v + 1e6 : v));
  const firstDay = dayNumber("2005-01-01");
  const cut = historyUntil(history, from - 1).events.length;
  const extra = Array.from({ length: 50 }, (_, i) => ({ day: firstDay + i, value: 1e5 }));
  return {
    start: history.start,
    values: spike(history.values),
    covariates: { events: spike(history.covariates.events ?? []) },
    events: [...history.events.slice(0, cut), ...extra, ...history.events.slice(cut)].sort(
      (a, b) => a.day - b.day,
    ),
  };
}

function collect(history: MonthlyHistory, to: string) {
  const seen = new Map<string, HorizonForecast[]>();
  const records = runBacktest(history, {
    models: defaultModels(),
    from: "2004-09",
    to,
    horizons: 3,
    samples: 100,
    seed: 9,
    onForecast: (origin, model: ModelName, forecasts) => seen.set(`${origin} ${model}`, forecasts),
  });
  return { seen, records };
}

describe("runBacktest()", () => {
  it("never uses data after the origin: a spike after it leaves every forecast unchanged", () => {
    const history = base();
    // Origins 2004-09 … 2004-12; the spike starts in 2005-01 (index 60), days and months alike.
    const clean = collect(history, "2004-12");
    const leaked = collect(spiked(history, 60), "2004-12");
    expect(clean.seen.size).toBeGreaterThanOrEqual(4 * 7);
    expect([...clean.seen.keys()].some((k) => k.endsWith("ensemble"))).toBe(true);
    for (const [key, forecasts] of clean.seen) {
      const other = leaked.seen.get(key);
      expect(
        other?.map((f) => [...f.samples]),
        key,
      ).toEqual(forecasts.map((f) => [...f.samples]));
    }
    // The outcomes after the origin did change, so the scores differ: the spike is really there.
    const outcome = (r: typeof clean.records) => r.find((x) => x.target === "2005-01")?.outcome;
    expect(outcome(leaked.records)).toBeGreaterThan(1e6);
    expect(outcome(clean.records)).toBeLessThan(1e4);
  });

  it("would notice a leak: the same spike one month earlier changes the last origin's forecasts", () => {
    const history = base();
    const clean = collect(history, "2004-12");
    const early = collect(spiked(history, 59), "2004-12");
    const key = "2004-12 historical-mean";
    expect(early.seen.get(key)?.[0]?.samples).not.toEqual(clean.seen.get(key)?.[0]?.samples);
  });

  it("scores only months with data and skips origins the data do not cover", () => {
    const history = historyOf([1, 2, 3, null, 5, 6, null, 8], { start: "2010-01" });
    const records = runBacktest(history, {
      models: [noChange],
      from: "2010-01",
      to: "2010-08",
      horizons: 2,
      samples: 10,
      seed: 1,
      ensembleOf: [],
    });
    expect(records.map((r) => `${r.origin}+${r.horizon}`)).toEqual([
      "2010-01+1",
      "2010-01+2",
      "2010-02+1",
      "2010-03+2",
      "2010-05+1",
      "2010-06+2",
    ]);
    expect(records[0]?.scores.crps).toBe(1);
  });

  it("historyUntil() cuts months, covariates and events at the origin month's last day", () => {
    const history = base();
    const cut = historyUntil(history, 1);
    expect(cut.values.length).toBe(2);
    expect(cut.covariates.events?.length).toBe(2);
    expect(cut.events.every((e) => e.day <= dayNumber("2000-02-29"))).toBe(true);
    expect(cut.events.length).toBeGreaterThan(0);
  });
});
