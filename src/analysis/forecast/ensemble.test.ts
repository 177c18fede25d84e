import { describe, expect, it } from "vitest";
import { mixSamples, type SkillEntry, skillWeights } from "./ensemble.ts";

describe("skillWeights()", () => {
  const entries: SkillEntry[] = [
    { model: "negbin", horizon: 1, target: 5, crps: 10 },
    { model: "hawkes", horizon: 1, target: 5, crps: 11 },
    // Target after the origin: not known yet, must be ignored.
    { model: "hawkes", horizon: 1, target: 9, crps: 1 },
    { model: "negbin", horizon: 2, target: 5, crps: 1000 },
  ];

  it("weighs by exp(−τ·(CRPS/best − 1)) using only targets at or before the origin", () => {
    const w = skillWeights(entries, {
      models: ["negbin", "hawkes"],
      horizon: 1,
      origin: 6,
      window: 36,
    });
    // τ = 10: negbin 1, hawkes e^(−10·0.1) = e^−1.
    expect(w.get("negbin")).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(w.get("hawkes")).toBeCloseTo(Math.exp(-1) / (1 + Math.exp(-1)), 12);
  });

  it("gives equal weights when nothing has been scored yet", () => {
    const w = skillWeights(entries, {
      models: ["negbin", "hawkes"],
      horizon: 1,
      origin: 4,
      window: 36,
    });
    expect(w.get("negbin")).toBe(0.5);
    expect(w.get("hawkes")).toBe(0.5);
  });

  it("gives an unscored model the mean weight of the scored ones", () => {
    const w = skillWeights(entries, {
      models: ["negbin", "poisson"],
      horizon: 1,
      origin: 6,
      window: 36,
    });
    expect(w.get("poisson")).toBe(0.5);
  });
});

describe("mixSamples()", () => {
  it("takes round(n·w) samples of each component, largest remainders first", () => {
    const a = new Float64Array(10).fill(1);
    const b = new Float64Array(10).fill(2);
    const mixed = mixSamples(
      [
        { weight: 0.66, samples: a },
        { weight: 0.34, samples: b },
      ],
      10,
    );
    expect([...mixed].filter((x) => x === 1).length).toBe(7);
    expect([...mixed].filter((x) => x === 2).length).toBe(3);
  });
});
