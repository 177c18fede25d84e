/** Predictive samples summarised as a point value, fixed quantiles and threshold probabilities. */

/** The quantile levels stored with every forecast: the 50% and 90% central intervals and more. */
export const QUANTILE_LEVELS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

export interface Summary {
  /**
   * expm1 of the mean of log1p(samples): the point that minimises the expected squared error
   * of log1p, the scale the backtest scores points on. Between the median and the mean.
   */
  point: number;
  mean: number;
  /** Quantile level (as text, "0.05") → value. */
  quantiles: Record<string, number>;
}

export function sortedCopy(samples: ArrayLike<number>): Float64Array {
  return Float64Array.from(samples).sort();
}

/** Quantile of sorted values by linear interpolation between order statistics (R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, level: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * Math.min(Math.max(level, 0), 1);
  const below = Math.floor(position);
  const lower = sorted[below] ?? Number.NaN;
  const upper = sorted[Math.min(below + 1, n - 1)] ?? lower;
  return lower + (position - below) * (upper - lower);
}

export function logPoint(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += Math.log1p(samples[i] ?? 0);
  return samples.length === 0 ? Number.NaN : Math.expm1(sum / samples.length);
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** Share of samples at or above `threshold`. */
export function exceedance(samples: ArrayLike<number>, threshold: number): number {
  let count = 0;
  for (let i = 0; i < samples.length; i++) if ((samples[i] ?? 0) >= threshold) count++;
  return samples.length === 0 ? Number.NaN : count / samples.length;
}

export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = sortedCopy(samples);
  const quantiles: Record<string, number> = {};
  for (const level of QUANTILE_LEVELS) quantiles[String(level)] = quantileSorted(sorted, level);
  return { point: logPoint(sorted), mean: mean(sorted), quantiles };
}

/** A sample of `n` copies of one value: the predictive distribution of a point forecast. */
export function pointMass(value: number, n: number): Float64Array {
  return new Float64Array(n).fill(value);
}
