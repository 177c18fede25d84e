import { describe, expect, it } from "vitest";
import { fitNegBin, fitPoisson } from "./glm.ts";
import { mulberry32, negativeBinomial, normal, poisson } from "./random.ts";

const intercept = (n: number) => Array.from({ length: n }, () => Float64Array.of(1));

function poissonSample(rate: number, n: number, seed: number): Float64Array {
  const rand = mulberry32(seed);
  return Float64Array.from({ length: n }, () => poisson(rand, rate));
}

describe("fitPoisson()", () => {
  it("fits an intercept-only model to the sample mean, with standard error √(mean/n)", () => {
    const y = poissonSample(7, 200, 11);
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    const fit = fitPoisson(intercept(200), y);
    const rate = Math.exp(fit.beta[0] ?? Number.NaN);
    expect(fit.converged).toBe(true);
    expect(rate).toBeCloseTo(mean, 8);
    // Delta method: SE(rate) = rate · SE(log rate) = √(rate / n).
    const se = rate * (fit.standardErrors[0] ?? Number.NaN);
    expect(se).toBeCloseTo(Math.sqrt(mean / 200), 6);
    expect(Math.abs(rate - 7)).toBeLessThan(2 * se);
  });

  it("covers the true rate within ±1 standard error about 68% of the time", () => {
    let inside = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const fit = fitPoisson(intercept(60), poissonSample(4, 60, seed));
      const rate = Math.exp(fit.beta[0] ?? Number.NaN);
      if (Math.abs(rate - 4) <= rate * (fit.standardErrors[0] ?? 0)) inside++;
    }
    // Binomial(200, 0.68) lies in [112, 160] with probability > 0.999.
    expect(inside).toBeGreaterThanOrEqual(112);
    expect(inside).toBeLessThanOrEqual(160);
  });

  it("recovers a slope: log μ = 0.5 + 0.8·x, each coefficient within 3 standard errors", () => {
    const rand = mulberry32(21);
    const x = Array.from({ length: 500 }, () => Float64Array.of(1, normal(rand)));
    const y = Float64Array.from(x, (row) => poisson(rand, Math.exp(0.5 + 0.8 * (row[1] ?? 0))));
    const fit = fitPoisson(x, y, { ridge: 0 });
    expect(Math.abs((fit.beta[0] ?? 0) - 0.5)).toBeLessThan(3 * (fit.standardErrors[0] ?? 0));
    expect(Math.abs((fit.beta[1] ?? 0) - 0.8)).toBeLessThan(3 * (fit.standardErrors[1] ?? 0));
  });

  it("stays finite on an all-zero series", () => {
    const fit = fitPoisson(intercept(30), new Float64Array(30));
    expect(Math.exp(fit.beta[0] ?? Number.NaN)).toBeLessThan(1e-6);
  });
});

describe("fitNegBin()", () => {
  it("recovers the mean and the dispersion of NB2(μ = 20, α = 0.5) data", () => {
    const rand = mulberry32(8);
    const y = Float64Array.from({ length: 600 }, () => negativeBinomial(rand, 20, 0.5));
    const fit = fitNegBin(intercept(600), y);
    const se = fit.standardErrors[0] ?? 0;
    expect(Math.abs((fit.beta[0] ?? 0) - Math.log(20))).toBeLessThan(3 * se);
    expect(fit.alpha).toBeGreaterThan(0.38);
    expect(fit.alpha).toBeLessThan(0.65);
  });

  it("finds next to no dispersion in Poisson data", () => {
    const fit = fitNegBin(intercept(400), poissonSample(30, 400, 9));
    expect(fit.alpha).toBeLessThan(0.01);
  });
});
