import { describe, expect, it } from "vitest";
import { countModel, fitCountModel } from "./count-models.ts";
import { mean } from "./distribution.ts";
import { historyOf, poissonSeries } from "./test-support.ts";

const options = { horizons: 3, samples: 2000, seed: 4 };

describe("count regressions", () => {
  it.each(["poisson", "negbin"] as const)("%s forecasts a constant series of 5 as 5", (family) => {
    const history = historyOf(Array(72).fill(5), { covariates: { events: Array(72).fill(2) } });
    const forecasts = countModel(family).forecast(history, options);
    for (const f of forecasts ?? []) {
      // Sample mean within 4 standard errors of 5 (Poisson SE √(5/2000) ≈ 0.05).
      expect(Math.abs(mean(f.samples) - 5)).toBeLessThan(0.25);
    }
    expect(fitCountModel(family, history, 1)?.mean).toBeCloseTo(5, 2);
  });

  it("fits a Poisson series of known rate 12: the forecast mean within 2 of its standard errors", () => {
    const fit = fitCountModel("poisson", historyOf(poissonSeries(12, 150, 17)), 1);
    expect(fit?.rows).toBe(120);
    const se = fit?.standardError ?? Number.NaN;
    expect(se).toBeGreaterThan(0.2);
    expect(Math.abs((fit?.mean ?? 0) - 12)).toBeLessThan(2 * se);
  });

  it("covers the known rate within ±2 standard errors in most of 40 Poisson series", () => {
    let inside = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const fit = fitCountModel("poisson", historyOf(poissonSeries(12, 150, seed)), 1);
      if (fit && Math.abs(fit.mean - 12) <= 2 * fit.standardError) inside++;
    }
    // Nominal 95%; the ridge shrinks slightly, so allow down to 80% (Binomial(40, .95) < 32 is rare).
    expect(inside).toBeGreaterThanOrEqual(32);
  });

  it("negbin finds the overdispersion Poisson ignores", () => {
    const spiky = Array.from({ length: 100 }, (_, i) => (i % 7 === 0 ? 200 : i % 3));
    const fit = fitCountModel("negbin", historyOf(spiky), 1);
    expect(fit?.fit.alpha).toBeGreaterThan(0.5);
  });

  it("declines to forecast with fewer training rows than minRows", () => {
    expect(countModel("negbin").forecast(historyOf(Array(20).fill(3)), options)).toBeNull();
  });
});
