/**
 * Live forecasts at the last month of a history: every model, and the ensemble weighted by a
 * backtest over the covered months just before the origin — the same computation the backtest
 * makes at that origin, so a live forecast is one the backtest would have scored.
 */
import { type BacktestRecord, runBacktest } from "./backtest.ts";
import { exceedance, type Summary, summarize } from "./distribution.ts";
import { type SkillEntry, skillWeights } from "./ensemble.ts";
import { addMonths, monthNumber } from "./months.ts";
import { THRESHOLDS } from "./scores.ts";
import type { ForecastModel, HorizonForecast, ModelName, MonthlyHistory } from "./types.ts";

export interface HorizonSummary extends Summary {
  horizon: number;
  /** The target month, "YYYY-MM". */
  month: string;
  /** P(value ≥ threshold) per threshold ("25", "100"). */
  exceedance: Record<string, number>;
}

export interface ModelForecast {
  model: ModelName;
  horizons: HorizonSummary[];
}

export interface SeriesForecast {
  /** The last month of data: forecasts are for the months after it. */
  origin: string;
  models: ModelForecast[];
  /** Ensemble weights per horizon ("1" … "6"), model → weight. */
  weights: Record<string, Record<string, number>>;
  /** How many past origins the weights were scored on. */
  skillOrigins: number;
}

export interface SeriesForecastOptions {
  models: readonly ForecastModel[];
  horizons: number;
  samples: number;
  seed: number;
  /** Covered months before the origin that the ensemble weights are scored on (default 36). */
  skillOrigins?: number;
  thresholds?: readonly number[];
}

/** The first of the last `count` covered months before the origin (the origin itself if none). */
function skillStart(history: MonthlyHistory, count: number): string {
  let first = history.values.length - 1;
  let seen = 0;
  for (let t = first - 1; t >= 0 && seen < count; t--) {
    if (history.values[t] === null) continue;
    first = t;
    seen++;
  }
  return addMonths(history.start, first);
}

function summarizeHorizons(
  origin: string,
  forecasts: readonly HorizonForecast[],
  thresholds: readonly number[],
): HorizonSummary[] {
  return forecasts.map((f) => ({
    horizon: f.horizon,
    month: addMonths(origin, f.horizon),
    ...summarize(f.samples),
    exceedance: Object.fromEntries(thresholds.map((t) => [String(t), exceedance(f.samples, t)])),
  }));
}

function weightsAt(
  records: readonly BacktestRecord[],
  models: readonly ModelName[],
  options: { origin: string; horizons: number; window: number },
): Record<string, Record<string, number>> {
  const skill: SkillEntry[] = records
    .filter((r) => r.model !== "ensemble")
    .map((r) => ({
      model: r.model,
      horizon: r.horizon,
      target: monthNumber(r.target),
      crps: r.scores.crps,
    }));
  const out: Record<string, Record<string, number>> = {};
  for (let horizon = 1; horizon <= options.horizons; horizon++) {
    const weights = skillWeights(skill, {
      models,
      horizon,
      origin: monthNumber(options.origin),
      window: options.window,
    });
    out[String(horizon)] = Object.fromEntries(weights);
  }
  return out;
}

/** Forecasts of every model and the ensemble at the history's last month; null if it is not covered. */
export function forecastSeries(
  history: MonthlyHistory,
  options: SeriesForecastOptions,
): SeriesForecast | null {
  const last = history.values.length - 1;
  if (last < 0 || history.values[last] === null) return null;
  const origin = addMonths(history.start, last);
  const skillOrigins = options.skillOrigins ?? 36;
  const atOrigin = new Map<ModelName, HorizonForecast[]>();
  const records = runBacktest(history, {
    ...options,
    from: skillStart(history, skillOrigins),
    to: origin,
    skillWindow: skillOrigins,
    onForecast: (month, model, forecasts) => {
      if (month === origin) atOrigin.set(model, forecasts);
    },
  });
  const thresholds = options.thresholds ?? THRESHOLDS;
  const models = [...atOrigin].map(([model, forecasts]) => ({
    model,
    horizons: summarizeHorizons(origin, forecasts, thresholds),
  }));
  const mixed = [...atOrigin.keys()].filter((m) => m !== "no-change" && m !== "ensemble");
  return {
    origin,
    models,
    weights: weightsAt(records, mixed, {
      origin,
      horizons: options.horizons,
      window: skillOrigins,
    }),
    skillOrigins: new Set(records.map((r) => r.origin)).size,
  };
}
