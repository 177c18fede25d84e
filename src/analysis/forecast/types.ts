/** The shapes shared by the forecast models, the backtest and the watch questions. */

/** Every model, in report order. */
export const MODEL_NAMES = [
  "no-change",
  "historical-mean",
  "seasonal-mean",
  "poisson",
  "negbin",
  "hawkes",
  "ensemble",
] as const;

export type ModelName = (typeof MODEL_NAMES)[number];

/** One event as the Hawkes model sees it: its day and what it adds to the target. */
export interface DayValue {
  /** Days since 1970-01-01 (see `dayNumber`). */
  day: number;
  /** The event's contribution to the target: its fatalities, or 1 when counting events. */
  value: number;
}

/**
 * A monthly series up to its last month (the forecast origin). `null` marks a month the
 * data do not cover (no imported file spans it), which is not the same as a month of zero.
 */
export interface MonthlyHistory {
  /** Month of `values[0]`, "YYYY-MM". */
  start: string;
  values: readonly (number | null)[];
  /** Other monthly series on the same months, used as regressors (e.g. event counts). */
  covariates: Readonly<Record<string, readonly (number | null)[]>>;
  /** The events behind `values`, oldest first, for the daily (Hawkes) model. */
  events: readonly DayValue[];
}

export interface ForecastOptions {
  /** Months ahead: forecasts for 1 … horizons. */
  horizons: number;
  /** Size of each predictive sample. */
  samples: number;
  seed: number;
}

/** A predictive distribution for the month `horizon` months after the origin. */
export interface HorizonForecast {
  horizon: number;
  samples: Float64Array;
}

export interface ForecastModel {
  name: ModelName;
  /** Forecasts for horizons 1…n, or null when the history is too short or sparse for it. */
  forecast(history: MonthlyHistory, options: ForecastOptions): HorizonForecast[] | null;
}

/** The scores of one forecast against its outcome. */
export interface Scores {
  /** Squared error of log1p(point) against log1p(outcome). */
  mseLog: number;
  /** Continuous ranked probability score, in the target's units. */
  crps: number;
  /** 90% interval score (Gneiting & Raftery 2007), in the target's units. */
  mis: number;
  /** Brier score of "outcome ≥ threshold", per threshold. */
  brier: Record<string, number>;
}
