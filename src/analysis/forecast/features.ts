/**
 * Regressors for the direct h-month-ahead count regressions. A row describes the series at an
 * origin month t using only months ≤ t; the target is the value at t + h.
 */
import { addMonths, calendarMonth } from "./months.ts";
import type { MonthlyHistory } from "./types.ts";

/** Mean of the observed (non-null) values among the `span` months ending at t; null if none. */
export function trailingMean(
  values: readonly (number | null)[],
  t: number,
  span: number,
): number | null {
  let sum = 0;
  let count = 0;
  for (let i = Math.max(0, t - span + 1); i <= t; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? null : sum / count;
}

/** Names of the columns `featureRow` fills, in order, for reports. */
export function featureNames(history: MonthlyHistory): string[] {
  const covariates = Object.keys(history.covariates).sort();
  return [
    "intercept",
    "log1p(y[t])",
    "log1p(mean y[t-2..t])",
    "log1p(mean y[t-11..t])",
    ...covariates.map((name) => `log1p(mean ${name}[t-2..t])`),
    "trend (decades before origin)",
    "sin(target month)",
    "cos(target month)",
  ];
}

/**
 * The row for origin t and horizon h, given the forecast origin `origin` (the trend counts
 * decades back from it, so a forecast row has trend 0). Null when y[t] is not observed.
 */
export function featureRow(
  history: MonthlyHistory,
  t: number,
  h: number,
  origin: number,
): Float64Array | null {
  const y = history.values[t];
  if (y === null || y === undefined) return null;
  const recent = trailingMean(history.values, t, 3) ?? y;
  const year = trailingMean(history.values, t, 12) ?? y;
  const covariates: number[] = [];
  for (const name of Object.keys(history.covariates).sort()) {
    const series = history.covariates[name] ?? [];
    const value = trailingMean(series, t, 3);
    if (value === null) return null;
    covariates.push(Math.log1p(value));
  }
  const angle = (2 * Math.PI * calendarMonth(addMonths(history.start, t + h))) / 12;
  return Float64Array.from([
    1,
    Math.log1p(y),
    Math.log1p(recent),
    Math.log1p(year),
    ...covariates,
    (t - origin) / 120,
    Math.sin(angle),
    Math.cos(angle),
  ]);
}

export interface TrainingSet {
  x: Float64Array[];
  y: Float64Array;
}

/**
 * Training rows for horizon h at forecast origin `origin`: every t with t + h ≤ origin (the
 * target already observed at the origin, so nothing after it is used) among the last
 * `window` months.
 */
export function trainingSet(
  history: MonthlyHistory,
  h: number,
  origin: number,
  window: number,
): TrainingSet {
  const x: Float64Array[] = [];
  const y: number[] = [];
  for (let t = Math.max(0, origin - h - window + 1); t + h <= origin; t++) {
    const target = history.values[t + h];
    if (target === null || target === undefined) continue;
    const row = featureRow(history, t, h, origin);
    if (row === null) continue;
    x.push(row);
    y.push(target);
  }
  return { x, y: Float64Array.from(y) };
}
