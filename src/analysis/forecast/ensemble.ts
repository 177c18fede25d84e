/**
 * The ensemble: a mixture of the models' predictive samples, each model weighted by its mean
 * CRPS over its latest scored forecasts at the same horizon (see SKILL_TEMPERATURE). Only forecasts
 * whose target month is at or before the origin count, so the weights use nothing the origin
 * could not have known.
 */
import type { HorizonForecast, ModelName } from "./types.ts";

/**
 * How sharply weights fall with a model's mean CRPS relative to the best model's: weight ∝
 * exp(−τ·(CRPS/CRPS_best − 1)), so a model 10% worse than the best weighs e^−1 as much.
 * τ = 10 was picked from {3, 10, 30} on the Pakistan origins 2000–2010 (docs/forecasting.md).
 */
export const SKILL_TEMPERATURE = 10;

/** A scored past forecast, as the ensemble needs it. */
export interface SkillEntry {
  model: ModelName;
  horizon: number;
  /** The target month as a number, on the same scale as the `origin` it is compared with. */
  target: number;
  crps: number;
}

/**
 * Weights (summing to 1) for `models` at origin month `origin` and `horizon`, from the last
 * `window` scored forecasts of each model with target ≤ origin. Models without any get the
 * mean weight of the others; with no skill known at all, every model weighs the same.
 */
export function skillWeights(
  entries: readonly SkillEntry[],
  options: {
    models: readonly ModelName[];
    horizon: number;
    origin: number;
    window: number;
    temperature?: number;
  },
): Map<ModelName, number> {
  const recent = new Map<ModelName, number[]>(options.models.map((m) => [m, []]));
  // Walk back from the newest entry; stop once every model has its window full.
  let open = options.models.length;
  for (let i = entries.length - 1; i >= 0 && open > 0; i--) {
    const e = entries[i];
    if (e === undefined || e.horizon !== options.horizon || e.target > options.origin) continue;
    const list = recent.get(e.model);
    if (list === undefined || list.length >= options.window) continue;
    list.push(e.crps);
    if (list.length === options.window) open--;
  }
  const means = new Map<ModelName, number>();
  for (const [model, list] of recent) {
    if (list.length > 0) means.set(model, list.reduce((s, v) => s + v, 0) / list.length);
  }
  const best = Math.max(Math.min(...means.values()), 1e-9);
  const temperature = options.temperature ?? SKILL_TEMPERATURE;
  const raw = options.models.map((m) => {
    const score = means.get(m);
    return score === undefined ? Number.NaN : Math.exp(-temperature * (score / best - 1));
  });
  const known = raw.filter((w) => !Number.isNaN(w));
  const fallback = known.length === 0 ? 1 : known.reduce((s, v) => s + v, 0) / known.length;
  const filled = raw.map((w) => (Number.isNaN(w) ? fallback : w));
  const total = filled.reduce((s, v) => s + v, 0);
  return new Map(options.models.map((m, i) => [m, (filled[i] ?? 0) / total]));
}

/**
 * A mixture sample of size n: model i contributes round(n·wᵢ) of its samples (largest
 * remainders settle the rounding). Samples are i.i.d., so taking the first k is a random draw.
 */
export function mixSamples(
  components: readonly { weight: number; samples: Float64Array }[],
  n: number,
): Float64Array {
  const exact = components.map((c) => c.weight * n);
  const counts = exact.map(Math.floor);
  let missing = n - counts.reduce((s, c) => s + c, 0);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (missing <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    missing--;
  }
  const out = new Float64Array(n);
  let offset = 0;
  components.forEach((component, i) => {
    const k = Math.min(counts[i] ?? 0, component.samples.length);
    out.set(component.samples.subarray(0, k), offset);
    offset += k;
  });
  return out.subarray(0, offset);
}

/** The ensemble's forecasts from the components' forecasts at one origin. */
export function ensembleForecast(
  components: ReadonlyMap<ModelName, HorizonForecast[]>,
  weightsFor: (horizon: number) => Map<ModelName, number>,
  options: { horizons: number; samples: number },
): HorizonForecast[] | null {
  if (components.size === 0) return null;
  const out: HorizonForecast[] = [];
  for (let horizon = 1; horizon <= options.horizons; horizon++) {
    const weights = weightsFor(horizon);
    const parts = [...components].flatMap(([model, forecasts]) => {
      const forecast = forecasts.find((f) => f.horizon === horizon);
      return forecast ? [{ weight: weights.get(model) ?? 0, samples: forecast.samples }] : [];
    });
    out.push({ horizon, samples: mixSamples(parts, options.samples) });
  }
  return out;
}
