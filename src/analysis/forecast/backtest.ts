/**
 * Rolling-origin backtest. At each origin month every model sees `historyUntil(origin)` and
 * nothing else; each forecast is scored against the month it was for. The ensemble is built
 * from the components at the same origin, weighted by scores of forecasts whose target month
 * had already passed.
 */
import { logPoint, quantileSorted, sortedCopy } from "./distribution.ts";
import { ensembleForecast, type SkillEntry, skillWeights } from "./ensemble.ts";
import { addMonths, lastDayOfMonth, monthNumber } from "./months.ts";
import { deriveSeed } from "./random.ts";
import { scoreSamples, THRESHOLDS } from "./scores.ts";
import type { ForecastModel, HorizonForecast, ModelName, MonthlyHistory, Scores } from "./types.ts";

/** The history as it stood at the end of month index `origin`: later months and events cut. */
export function historyUntil(history: MonthlyHistory, origin: number): MonthlyHistory {
  const lastDay = lastDayOfMonth(addMonths(history.start, origin));
  let cut = 0;
  let hi = history.events.length;
  while (cut < hi) {
    const mid = (cut + hi) >>> 1;
    if ((history.events[mid]?.day ?? 0) <= lastDay) cut = mid + 1;
    else hi = mid;
  }
  const covariates: Record<string, readonly (number | null)[]> = {};
  for (const [name, series] of Object.entries(history.covariates)) {
    covariates[name] = series.slice(0, origin + 1);
  }
  return {
    start: history.start,
    values: history.values.slice(0, origin + 1),
    covariates,
    events: history.events.slice(0, cut),
  };
}

export interface BacktestOptions {
  models: readonly ForecastModel[];
  /** First and last origin months, "YYYY-MM"; months the data do not cover are skipped. */
  from: string;
  to: string;
  horizons: number;
  samples: number;
  seed: number;
  thresholds?: readonly number[];
  /** Scored forecasts per model and horizon the ensemble weighs by (default 36). */
  skillWindow?: number;
  /** Models mixed into the ensemble (default: every model but no-change); [] for none. */
  ensembleOf?: readonly ModelName[];
  /** Sees every forecast made, e.g. to keep the last origin's samples. */
  onForecast?: (origin: string, model: ModelName, forecasts: HorizonForecast[]) => void;
}

export interface BacktestRecord {
  origin: string;
  target: string;
  horizon: number;
  model: ModelName;
  outcome: number;
  point: number;
  lower: number;
  upper: number;
  scores: Scores;
}

function record(
  forecast: HorizonForecast,
  context: { origin: string; model: ModelName; outcome: number; thresholds: readonly number[] },
): BacktestRecord {
  const sorted = sortedCopy(forecast.samples);
  return {
    origin: context.origin,
    target: addMonths(context.origin, forecast.horizon),
    horizon: forecast.horizon,
    model: context.model,
    outcome: context.outcome,
    point: logPoint(sorted),
    lower: quantileSorted(sorted, 0.05),
    upper: quantileSorted(sorted, 0.95),
    scores: scoreSamples(sorted, context.outcome, context.thresholds),
  };
}

/** Every model's forecasts at one origin (models that cannot forecast there are left out). */
function forecastAt(
  truncated: MonthlyHistory,
  origin: string,
  options: BacktestOptions,
): Map<ModelName, HorizonForecast[]> {
  const out = new Map<ModelName, HorizonForecast[]>();
  for (const model of options.models) {
    const seed = deriveSeed(options.seed, model.name, origin);
    const forecasts = model.forecast(truncated, { ...options, seed });
    if (forecasts !== null) out.set(model.name, forecasts);
  }
  return out;
}

export function runBacktest(history: MonthlyHistory, options: BacktestOptions): BacktestRecord[] {
  const start = monthNumber(history.start);
  const first = Math.max(0, monthNumber(options.from) - start);
  const last = Math.min(history.values.length - 1, monthNumber(options.to) - start);
  const thresholds = options.thresholds ?? THRESHOLDS;
  const mixed =
    options.ensembleOf ?? options.models.map((m) => m.name).filter((n) => n !== "no-change");
  const skill: SkillEntry[] = [];
  const records: BacktestRecord[] = [];
  for (let o = first; o <= last; o++) {
    if (history.values[o] === null) continue;
    const origin = addMonths(history.start, o);
    const forecasts = forecastAt(historyUntil(history, o), origin, options);
    const components = new Map([...forecasts].filter(([name]) => mixed.includes(name)));
    const ensemble =
      mixed.length === 0
        ? null
        : ensembleForecast(
            components,
            (horizon) =>
              skillWeights(skill, {
                models: [...components.keys()],
                horizon,
                origin: o,
                window: options.skillWindow ?? 36,
              }),
            options,
          );
    if (ensemble !== null) forecasts.set("ensemble", ensemble);
    for (const [model, list] of forecasts) {
      options.onForecast?.(origin, model, list);
      for (const forecast of list) {
        const outcome = history.values[o + forecast.horizon];
        if (outcome === null || outcome === undefined) continue;
        const scored = record(forecast, { origin, model, outcome, thresholds });
        records.push(scored);
        skill.push({
          model,
          horizon: forecast.horizon,
          target: o + forecast.horizon,
          crps: scored.scores.crps,
        });
      }
    }
  }
  return records;
}
