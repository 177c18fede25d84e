/**
 * Forecast scores. All are negatively oriented (lower is better) and computed from predictive
 * samples, so every model is scored the same way.
 */
import { logPoint, quantileSorted, sortedCopy } from "./distribution.ts";
import type { Scores } from "./types.ts";

/** Squared error on the log1p scale (the ViEWS competitions' MSE). */
export function squaredLogError(point: number, outcome: number): number {
  return (Math.log1p(point) - Math.log1p(outcome)) ** 2;
}

/**
 * CRPS in its energy form, E|X − y| − ½·E|X − X′|, with the expectations taken over the
 * sample (the "NRG" estimator). The pair sum is computed on the sorted sample in O(m log m):
 * Σ_{i<j} (x₍ⱼ₎ − x₍ᵢ₎) = Σ_i x₍ᵢ₎·(2i − m + 1) for 0-based ranks i.
 */
export function crps(samples: ArrayLike<number>, outcome: number): number {
  const sorted = sortedCopy(samples);
  const m = sorted.length;
  if (m === 0) return Number.NaN;
  let absolute = 0;
  let pairs = 0;
  for (let i = 0; i < m; i++) {
    const x = sorted[i] ?? 0;
    absolute += Math.abs(x - outcome);
    pairs += x * (2 * i - m + 1);
  }
  // Σ over ordered pairs counts each unordered pair twice: ½ · 2·pairs / m².
  return absolute / m - pairs / (m * m);
}

/**
 * Interval score of the central (1 − alpha) interval [lower, upper] (Gneiting & Raftery 2007,
 * eq. 43): its width plus 2/alpha times how far the outcome falls outside it.
 */
export function intervalScore(lower: number, upper: number, outcome: number, alpha = 0.1): number {
  const below = outcome < lower ? (2 / alpha) * (lower - outcome) : 0;
  const above = outcome > upper ? (2 / alpha) * (outcome - upper) : 0;
  return upper - lower + below + above;
}

export function brier(probability: number, happened: boolean): number {
  return (probability - (happened ? 1 : 0)) ** 2;
}

/** Fatalities per month that the backtest's threshold events (Brier scores) are about. */
export const THRESHOLDS = [25, 100] as const;

/** Every score of one predictive sample against its outcome. */
export function scoreSamples(
  samples: ArrayLike<number>,
  outcome: number,
  thresholds: readonly number[] = THRESHOLDS,
): Scores {
  const sorted = sortedCopy(samples);
  const lower = quantileSorted(sorted, 0.05);
  const upper = quantileSorted(sorted, 0.95);
  const result: Record<string, number> = {};
  for (const threshold of thresholds) {
    let count = 0;
    for (const x of sorted) if (x >= threshold) count++;
    result[String(threshold)] = brier(count / sorted.length, outcome >= threshold);
  }
  return {
    mseLog: squaredLogError(logPoint(sorted), outcome),
    crps: crps(sorted, outcome),
    mis: intervalScore(lower, upper, outcome),
    brier: result,
  };
}
