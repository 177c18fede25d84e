import { describe, expect, it } from "vitest";
import type { BacktestRecord } from "./backtest.ts";
import { summarizeBacktest } from "./summary.ts";
import type { ModelName } from "./types.ts";

function rec(model: ModelName, origin: string, mseLog: number, crps: number): BacktestRecord {
  return {
    origin,
    target: origin,
    horizon: 1,
    model,
    outcome: 0,
    point: 0,
    lower: 0,
    upper: 0,
    scores: { mseLog, crps, mis: 1, brier: { "25": 0.1 } },
  };
}

describe("summarizeBacktest()", () => {
  it("computes skill against no-change on the same origins and names the best model", () => {
    const table = summarizeBacktest([
      rec("no-change", "2020-01", 2, 10),
      rec("no-change", "2020-02", 4, 30),
      rec("negbin", "2020-01", 1, 5),
      rec("negbin", "2020-02", 2, 15),
      rec("hawkes", "2020-01", 4, 20),
      rec("hawkes", "2020-02", 1, 40),
      rec("poisson", "2020-02", 0, 0), // perfect, but on half the origins: not "best"
    ]);
    const rows = table[0]?.rows ?? [];
    const negbin = rows.find((r) => r.model === "negbin");
    const hawkes = rows.find((r) => r.model === "hawkes");
    expect(negbin?.skill?.mseLog).toBeCloseTo(0.5, 12); // 1 − 1.5/3
    expect(negbin?.skill?.crps).toBeCloseTo(0.5, 12); // 1 − 10/20
    expect(hawkes?.skill?.mseLog).toBeCloseTo(1 / 6, 12); // 1 − 2.5/3
    expect(hawkes?.beatsNoChange?.crps).toBe(false); // 30 vs 20
    // Poisson is compared with no-change on its one origin only (2020-02: 4 and 30).
    expect(rows.find((r) => r.model === "poisson")?.skill).toEqual({ mseLog: 1, crps: 1 });
    expect(table[0]?.best).toEqual({ mseLog: "negbin", crps: "negbin" });
    expect(rows.map((r) => r.model)).toEqual(["no-change", "poisson", "negbin", "hawkes"]);
  });
});
