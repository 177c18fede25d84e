import { describe, expect, it } from "vitest";
import { deriveSeed, gamma, logGamma, mulberry32, negativeBinomial, poisson } from "./random.ts";

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  const xs = Array.from({ length: n }, draw);
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, variance };
}

describe("seeded random numbers", () => {
  it("mulberry32() repeats its stream for the same seed and differs for another", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it("deriveSeed() depends on every label", () => {
    expect(deriveSeed(1, "negbin", "2020-01")).toBe(deriveSeed(1, "negbin", "2020-01"));
    expect(deriveSeed(1, "negbin", "2020-01")).not.toBe(deriveSeed(1, "negbin", "2020-02"));
    expect(deriveSeed(1, "negbin", "2020-01")).not.toBe(deriveSeed(2, "negbin", "2020-01"));
  });

  it("logGamma() matches known values", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it.each([3, 40, 2500])("poisson(%d) has the rate as mean and variance", (lambda) => {
    const rand = mulberry32(7);
    const n = 20_000;
    const { mean, variance } = moments(() => poisson(rand, lambda), n);
    // Mean within 4 standard errors; variance within 5% (its SE is about √(2/n)·λ ≈ 1%).
    expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
    expect(variance / lambda).toBeGreaterThan(0.95);
    expect(variance / lambda).toBeLessThan(1.05);
  });

  it("gamma(shape, scale) has mean shape·scale, also for shape < 1", () => {
    const rand = mulberry32(3);
    expect(moments(() => gamma(rand, 2.5, 4), 20_000).mean).toBeCloseTo(10, 0);
    expect(moments(() => gamma(rand, 0.3, 10), 20_000).mean).toBeCloseTo(3, 0);
  });

  it("negativeBinomial(mu, alpha) has variance mu + alpha·mu²", () => {
    const rand = mulberry32(5);
    const { mean, variance } = moments(() => negativeBinomial(rand, 20, 0.5), 40_000);
    expect(mean).toBeCloseTo(20, 0);
    expect(variance / (20 + 0.5 * 400)).toBeGreaterThan(0.9);
    expect(variance / (20 + 0.5 * 400)).toBeLessThan(1.1);
  });
});
