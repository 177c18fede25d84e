/**
 * Baselines every other model has to beat. No-change is the reference: in the 2020 ViEWS
 * competition it beat every entry on MSE of log1p fatalities.
 */
import { addMonths, calendarMonth } from "./months.ts";
import { mulberry32, type Uniform } from "./random.ts";
import type { ForecastModel, ForecastOptions, HorizonForecast, MonthlyHistory } from "./types.ts";

function lastIndex(history: MonthlyHistory): number {
  return history.values.length - 1;
}

/** The origin month's value, for every horizon, as a point mass. */
export const noChange: ForecastModel = {
  name: "no-change",
  forecast(history, options) {
    const last = history.values[lastIndex(history)];
    if (last === null || last === undefined) return null;
    return horizons(options, () => new Float64Array(options.samples).fill(last));
  },
};

function horizons(
  options: ForecastOptions,
  make: (horizon: number) => Float64Array | null,
): HorizonForecast[] | null {
  const out: HorizonForecast[] = [];
  for (let horizon = 1; horizon <= options.horizons; horizon++) {
    const samples = make(horizon);
    if (samples === null) return null;
    out.push({ horizon, samples });
  }
  return out;
}

function resample(values: readonly number[], n: number, rand: Uniform): Float64Array {
  return Float64Array.from({ length: n }, () => values[Math.floor(rand() * values.length)] ?? 0);
}

function observed(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/**
 * The empirical distribution of the last `months` observed months, for every horizon (ViEWS'
 * "conflictology" benchmark uses the last 12). Its point is the mean of log1p.
 */
export function historicalMean(months = 12, minMonths = 6): ForecastModel {
  return {
    name: "historical-mean",
    forecast(history, options) {
      const last = lastIndex(history);
      if (history.values[last] === null) return null;
      const recent = observed(history.values.slice(Math.max(0, last - months + 1)));
      if (recent.length < minMonths) return null;
      const rand = mulberry32(options.seed);
      return horizons(options, () => resample(recent, options.samples, rand));
    },
  };
}

/**
 * The empirical distribution of the target's calendar month in the last `years` years
 * (e.g. every observed March for a March target).
 */
export function seasonalMean(years = 10, minYears = 3): ForecastModel {
  return {
    name: "seasonal-mean",
    forecast(history, options) {
      const last = lastIndex(history);
      if (history.values[last] === null) return null;
      const rand = mulberry32(options.seed);
      return horizons(options, (horizon) => {
        const target = calendarMonth(addMonths(history.start, last + horizon));
        const same: number[] = [];
        for (let t = last; t >= 0 && t > last - 12 * years; t--) {
          const v = history.values[t];
          if (
            v !== null &&
            v !== undefined &&
            calendarMonth(addMonths(history.start, t)) === target
          ) {
            same.push(v);
          }
        }
        return same.length < minYears ? null : resample(same, options.samples, rand);
      });
    },
  };
}
