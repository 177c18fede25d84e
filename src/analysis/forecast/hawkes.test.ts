import { describe, expect, it } from "vitest";
import { mean } from "./distribution.ts";
import { fitHawkes, hawkesLogLik, simulateHawkes } from "./hawkes.ts";
import { dailyWindow, hawkesModel } from "./hawkes-model.ts";
import { dayNumber } from "./months.ts";
import { mulberry32, poisson } from "./random.ts";
import { dailyHistory, historyOf } from "./test-support.ts";

describe("the discrete-time Hawkes process", () => {
  it("hawkesLogLik() without excitation is the Poisson log-likelihood (by hand)", () => {
    // Counts 0, 1, 2 at rate 0.5: Σ n·ln 0.5 − 0.5 = 3·ln 0.5 − 1.5.
    const { logLik } = hawkesLogLik({ mu: 0.5, alpha: 0, beta: 1 }, [0, 1, 2]);
    expect(logLik).toBeCloseTo(3 * Math.log(0.5) - 1.5, 12);
  });

  it("hawkesLogLik() carries the excitation from day to day", () => {
    // S starts at the mean count 1; λ₀ = 0.1 + 0.5·1; S₁ = κ·1 + (1 − κ)·2; λ₁ = 0.1 + 0.5·S₁.
    const kappa = Math.exp(-0.7);
    const l0 = 0.1 + 0.5;
    const l1 = 0.1 + 0.5 * (kappa + (1 - kappa) * 2);
    const { logLik } = hawkesLogLik({ mu: 0.1, alpha: 0.5, beta: 0.7 }, [2, 0]);
    expect(logLik).toBeCloseTo(2 * Math.log(l0) - l0 - l1, 12);
  });

  it("fitHawkes() recovers the parameters of a simulated process", () => {
    const truth = { mu: 0.4, alpha: 0.6, beta: 0.25, state: 1 };
    const counts = simulateHawkes(truth, 8000, mulberry32(12));
    const fit = fitHawkes(counts);
    expect(fit?.alpha).toBeGreaterThan(0.5);
    expect(fit?.alpha).toBeLessThan(0.7);
    expect(fit?.mu).toBeGreaterThan(0.3);
    expect(fit?.mu).toBeLessThan(0.55);
    expect(fit?.beta).toBeGreaterThan(0.12);
    expect(fit?.beta).toBeLessThan(0.5);
  });

  it("fitHawkes() finds next to no excitation in Poisson counts, and the rate as background", () => {
    const rand = mulberry32(2);
    const counts = Int32Array.from({ length: 3000 }, () => poisson(rand, 1.5));
    const fit = fitHawkes(counts);
    expect(fit?.alpha).toBeLessThan(0.1);
    const total = (fit?.mu ?? 0) / (1 - (fit?.alpha ?? 0));
    expect(Math.abs(total - mean(counts))).toBeLessThan(0.05);
  });

  it("fitHawkes() returns null without events", () => {
    expect(fitHawkes(new Int32Array(100))).toBeNull();
  });
});

describe("hawkesModel()", () => {
  it("forecasts a month of Poisson(2)-a-day events worth 3 each near 2·3·days", () => {
    const history = dailyHistory(2, { start: "2001-01", months: 24, value: 3, seed: 5 });
    const forecasts = hawkesModel().forecast(history, { horizons: 2, samples: 500, seed: 1 });
    // 2003-01 has 31 days: expected 186; the sample mean of 500 paths is far tighter than 10%.
    expect(mean(forecasts?.[0]?.samples ?? [])).toBeGreaterThan(186 * 0.9);
    expect(mean(forecasts?.[0]?.samples ?? [])).toBeLessThan(186 * 1.1);
    // 2003-02 has 28 days.
    expect(mean(forecasts?.[1]?.samples ?? [])).toBeGreaterThan(168 * 0.9);
  });

  it("dailyWindow() stops at a month the data do not cover", () => {
    const history = historyOf([5, null, 2, 3], {
      start: "2020-01",
      events: [
        { day: dayNumber("2020-01-10"), value: 5 },
        { day: dayNumber("2020-03-04"), value: 2 },
        { day: dayNumber("2020-04-30"), value: 3 },
      ],
    });
    const window = dailyWindow(history, 730);
    expect(window?.firstDay).toBe(dayNumber("2020-03-01"));
    expect(window?.counts.length).toBe(61);
    expect(window?.values).toEqual([2, 3]);
  });

  it("declines a window with too few events", () => {
    const history = dailyHistory(0.01, { start: "2001-01", months: 12, seed: 5 });
    expect(hawkesModel().forecast(history, { horizons: 1, samples: 10, seed: 1 })).toBeNull();
  });
});
