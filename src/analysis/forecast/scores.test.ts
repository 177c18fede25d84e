import { describe, expect, it } from "vitest";
import { crps, intervalScore, scoreSamples, squaredLogError } from "./scores.ts";

/** CRPS by its definition's double sum, O(m²), to check the sorted shortcut against. */
function bruteCrps(xs: readonly number[], y: number): number {
  const m = xs.length;
  let absolute = 0;
  let pairs = 0;
  for (const a of xs) {
    absolute += Math.abs(a - y);
    for (const b of xs) pairs += Math.abs(a - b);
  }
  return absolute / m - pairs / (2 * m * m);
}

describe("crps()", () => {
  it("is 2/9 for the sample {1, 2, 3} and outcome 2 (by hand: 2/3 − ½·8/9)", () => {
    expect(crps([3, 1, 2], 2)).toBeCloseTo(2 / 9, 12);
  });

  it("is the absolute error for a point mass", () => {
    expect(crps([5, 5, 5], 2)).toBe(3);
    expect(crps([7], 10)).toBe(3);
  });

  it("is 2.5 for {0, 10} and outcome 4 (by hand: (4 + 6)/2 − ½·20/4)", () => {
    expect(crps([0, 10], 4)).toBeCloseTo(2.5, 12);
  });

  it("agrees with the O(m²) definition on an uneven sample", () => {
    const xs = [0, 0, 3, 14, 14, 15, 120, 7, 2, 0, 55];
    expect(crps(xs, 9)).toBeCloseTo(bruteCrps(xs, 9), 10);
  });
});

describe("intervalScore()", () => {
  it.each([
    // [lower, upper, outcome, expected]: width + 20 × distance outside, for alpha = 0.1
    [10, 20, 15, 10],
    [10, 20, 25, 110],
    [10, 20, 5, 110],
    [10, 20, 20, 10],
    [0, 0, 3, 60],
  ])("[%d, %d] with outcome %d scores %d", (lower, upper, outcome, expected) => {
    expect(intervalScore(lower, upper, outcome)).toBeCloseTo(expected, 12);
  });
});

describe("scoreSamples()", () => {
  it("scores a hand sample: Brier of ≥25 and ≥100, MSE of log1p, the 90% interval", () => {
    const s = scoreSamples([0, 10, 30, 120], 40);
    expect(s.brier["25"]).toBeCloseTo(0.25, 12); // P = 2/4, happened
    expect(s.brier["100"]).toBeCloseTo(0.0625, 12); // P = 1/4, did not happen
    // Point: expm1(mean log1p) = expm1((0 + ln 11 + ln 31 + ln 121)/4).
    const point = Math.expm1((Math.log(11) + Math.log(31) + Math.log(121)) / 4);
    expect(s.mseLog).toBeCloseTo((Math.log1p(point) - Math.log1p(40)) ** 2, 12);
    // Type-7 quantiles: 5% at position 0.15 → 1.5; 95% at 2.85 → 30 + 0.85·90 = 106.5.
    expect(s.mis).toBeCloseTo(106.5 - 1.5, 10);
  });

  it("squaredLogError() is 1 between e − 1 and 0", () => {
    expect(squaredLogError(Math.E - 1, 0)).toBeCloseTo(1, 12);
  });
});
