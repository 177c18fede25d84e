/**
 * The backtest table: per horizon and model, mean scores and the skill against no-change on
 * the same origins (1 − model / no-change; above 0 means the model beats no-change).
 */
import type { BacktestRecord } from "./backtest.ts";
import { MODEL_NAMES, type ModelName } from "./types.ts";

export interface ModelRow {
  model: ModelName;
  /** Forecasts scored. */
  n: number;
  mseLog: number;
  crps: number;
  mis: number;
  /** Brier score per threshold ("25", "100"). */
  brier: Record<string, number>;
  /** 1 − score / no-change's score on the same origins; null for no-change itself. */
  skill: { mseLog: number; crps: number } | null;
  beatsNoChange: { mseLog: boolean; crps: boolean } | null;
}

export interface HorizonTable {
  horizon: number;
  rows: ModelRow[];
  /**
   * The model with the highest skill on each score among those scored on at least 90% of
   * no-change's origins (no-change when none beats it).
   */
  best: { mseLog: ModelName; crps: ModelName };
}

function average(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((s, v) => s + v, 0) / values.length;
}

function rowOf(
  model: ModelName,
  mine: readonly BacktestRecord[],
  reference: ReadonlyMap<string, BacktestRecord>,
): ModelRow {
  const thresholds = Object.keys(mine[0]?.scores.brier ?? {});
  const brier: Record<string, number> = {};
  for (const t of thresholds) brier[t] = average(mine.map((r) => r.scores.brier[t] ?? Number.NaN));
  const row: ModelRow = {
    model,
    n: mine.length,
    mseLog: average(mine.map((r) => r.scores.mseLog)),
    crps: average(mine.map((r) => r.scores.crps)),
    mis: average(mine.map((r) => r.scores.mis)),
    brier,
    skill: null,
    beatsNoChange: null,
  };
  if (model === "no-change") return row;
  const paired = mine.filter((r) => reference.has(r.origin));
  const base = paired.map((r) => reference.get(r.origin)?.scores ?? r.scores);
  const skill = {
    mseLog: 1 - average(paired.map((r) => r.scores.mseLog)) / average(base.map((s) => s.mseLog)),
    crps: 1 - average(paired.map((r) => r.scores.crps)) / average(base.map((s) => s.crps)),
  };
  return { ...row, skill, beatsNoChange: { mseLog: skill.mseLog > 0, crps: skill.crps > 0 } };
}

/** Models scored on fewer origins than this share of no-change's cannot be "best". */
const MIN_COVERAGE = 0.9;

function bestBy(rows: readonly ModelRow[], key: "mseLog" | "crps"): ModelName {
  const reference = rows.find((r) => r.model === "no-change")?.n ?? 0;
  let best: ModelName = "no-change";
  let bestSkill = 0;
  for (const row of rows) {
    const skill = row.skill?.[key] ?? Number.NaN;
    if (row.n >= MIN_COVERAGE * reference && skill > bestSkill) {
      best = row.model;
      bestSkill = skill;
    }
  }
  return best;
}

export function summarizeBacktest(records: readonly BacktestRecord[]): HorizonTable[] {
  const horizons = [...new Set(records.map((r) => r.horizon))].sort((a, b) => a - b);
  return horizons.map((horizon) => {
    const atHorizon = records.filter((r) => r.horizon === horizon);
    const reference = new Map(
      atHorizon.filter((r) => r.model === "no-change").map((r) => [r.origin, r]),
    );
    const present = new Set(atHorizon.map((r) => r.model));
    const models = MODEL_NAMES.filter((m) => present.has(m));
    const rows = models.map((model) =>
      rowOf(
        model,
        atHorizon.filter((r) => r.model === model),
        reference,
      ),
    );
    return { horizon, rows, best: { mseLog: bestBy(rows, "mseLog"), crps: bestBy(rows, "crps") } };
  });
}
