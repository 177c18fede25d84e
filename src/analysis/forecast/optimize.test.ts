import { describe, expect, it } from "vitest";
import { goldenSection, nelderMead } from "./optimize.ts";

describe("optimisers", () => {
  it("goldenSection() finds the minimum of a parabola", () => {
    expect(goldenSection((x) => (x - 1.3) ** 2, -5, 5, 1e-6)).toBeCloseTo(1.3, 5);
  });

  it("nelderMead() finds the minimum of Rosenbrock's valley at (1, 1)", () => {
    const rosenbrock = (p: Float64Array) =>
      100 * ((p[1] ?? 0) - (p[0] ?? 0) ** 2) ** 2 + (1 - (p[0] ?? 0)) ** 2;
    const { x, value } = nelderMead(rosenbrock, [-1.2, 1], {
      maxEvaluations: 2000,
      tolerance: 1e-14,
    });
    expect(value).toBeLessThan(1e-8);
    expect(x[0]).toBeCloseTo(1, 3);
    expect(x[1]).toBeCloseTo(1, 3);
  });
});
