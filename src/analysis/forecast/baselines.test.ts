import { describe, expect, it } from "vitest";
import { historicalMean, noChange, seasonalMean } from "./baselines.ts";
import { summarize } from "./distribution.ts";
import { historyOf } from "./test-support.ts";

const options = { horizons: 6, samples: 200, seed: 1 };

describe("baselines", () => {
  it.each([noChange, historicalMean(), seasonalMean()])(
    "$name forecasts a constant series of 5 as exactly 5 at every horizon",
    (model) => {
      const forecasts = model.forecast(historyOf(Array(48).fill(5)), options);
      expect(forecasts?.map((f) => f.horizon)).toEqual([1, 2, 3, 4, 5, 6]);
      for (const f of forecasts ?? []) {
        const s = summarize(f.samples);
        expect(s.point).toBeCloseTo(5, 10);
        expect(s.quantiles["0.05"]).toBe(5);
        expect(s.quantiles["0.95"]).toBe(5);
      }
    },
  );

  it("noChange repeats the origin month and declines an uncovered origin", () => {
    const forecasts = noChange.forecast(historyOf([1, 2, 30]), options);
    expect([...(forecasts?.[3]?.samples ?? [])].every((x) => x === 30)).toBe(true);
    expect(noChange.forecast(historyOf([1, 2, null]), options)).toBeNull();
  });

  it("historicalMean draws only from the last 12 months", () => {
    const values = [...Array(24).fill(1000), ...Array(12).fill(3)];
    const forecasts = historicalMean().forecast(historyOf(values), options);
    expect(Math.max(...(forecasts?.[0]?.samples ?? []))).toBe(3);
  });

  it("seasonalMean draws the target's calendar month (January after a December origin)", () => {
    // 2000-01 … 2004-12: every January 50, every other month 0.
    const values = Array.from({ length: 60 }, (_, i) => (i % 12 === 0 ? 50 : 0));
    const forecasts = seasonalMean().forecast(historyOf(values), options);
    expect(summarize(forecasts?.[0]?.samples ?? []).point).toBeCloseTo(50, 10);
    expect(summarize(forecasts?.[1]?.samples ?? []).point).toBe(0);
  });
});
