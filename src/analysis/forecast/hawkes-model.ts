/**
 * Monthly forecasts from the daily Hawkes process: fit it on the days before the origin,
 * simulate the days ahead, and add up each simulated event's value (its fatalities, drawn
 * from the events in the fitting window, or 1 when counting events) per month.
 */
import { fitHawkes, type HawkesFit, simulateHawkes } from "./hawkes.ts";
import { addMonths, firstDayOfMonth, lastDayOfMonth } from "./months.ts";
import { mulberry32, type Uniform } from "./random.ts";
import type { ForecastModel, HorizonForecast, MonthlyHistory } from "./types.ts";

export interface HawkesModelOptions {
  /** Days before the origin's last day to fit on (default 730). */
  windowDays?: number;
  /** Fewer events than this in the window and the model does not forecast (default 20). */
  minEvents?: number;
  /** Fewer covered days than this and the model does not forecast (default 90). */
  minDays?: number;
}

/** Daily counts and event values over the covered days that end at the origin. */
export interface DailyWindow {
  firstDay: number;
  counts: Int32Array;
  values: number[];
}

/**
 * The window of days ending on the origin's last day, cut at `windowDays` and at the latest
 * month the data do not cover (a gap is missing data, not a quiet spell).
 */
export function dailyWindow(history: MonthlyHistory, windowDays: number): DailyWindow | null {
  const origin = history.values.length - 1;
  if (history.values[origin] === null || origin < 0) return null;
  const lastDay = lastDayOfMonth(addMonths(history.start, origin));
  let first = origin;
  while (first > 0 && history.values[first - 1] !== null) {
    if (lastDay - firstDayOfMonth(addMonths(history.start, first - 1)) + 1 > windowDays) break;
    first--;
  }
  const firstDay = Math.max(
    firstDayOfMonth(addMonths(history.start, first)),
    lastDay - windowDays + 1,
  );
  const counts = new Int32Array(lastDay - firstDay + 1);
  const values: number[] = [];
  for (const event of history.events) {
    if (event.day < firstDay || event.day > lastDay) continue;
    counts[event.day - firstDay] = (counts[event.day - firstDay] ?? 0) + 1;
    values.push(event.value);
  }
  return { firstDay, counts, values };
}

function monthEnds(history: MonthlyHistory, horizons: number): number[] {
  const origin = history.values.length - 1;
  const lastDay = lastDayOfMonth(addMonths(history.start, origin));
  return Array.from(
    { length: horizons },
    (_, h) => lastDayOfMonth(addMonths(history.start, origin + h + 1)) - lastDay,
  );
}

/** Sum of `n` values drawn from `values` (n itself when every value is 1). */
function drawValues(n: number, values: readonly number[], allOnes: boolean, rand: Uniform): number {
  if (allOnes) return n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[Math.floor(rand() * values.length)] ?? 0;
  return sum;
}

/** Monthly sums of simulated paths: samples[h][s] for horizon h + 1. */
export function simulateMonths(
  fit: HawkesFit,
  window: DailyWindow,
  ends: readonly number[],
  options: { samples: number; seed: number },
): Float64Array[] {
  const rand = mulberry32(options.seed);
  const out = ends.map(() => new Float64Array(options.samples));
  const allOnes = window.values.every((v) => v === 1);
  const days = ends[ends.length - 1] ?? 0;
  for (let s = 0; s < options.samples; s++) {
    const path = simulateHawkes(fit, days, rand);
    let month = 0;
    for (let d = 0; d < days; d++) {
      while (d >= (ends[month] ?? days)) month++;
      const n = path[d] ?? 0;
      const sums = out[month];
      if (n > 0 && sums) sums[s] = (sums[s] ?? 0) + drawValues(n, window.values, allOnes, rand);
    }
  }
  return out;
}

export function hawkesModel(options: HawkesModelOptions = {}): ForecastModel {
  const windowDays = options.windowDays ?? 730;
  return {
    name: "hawkes",
    forecast(history, forecastOptions) {
      const window = dailyWindow(history, windowDays);
      if (window === null) return null;
      if (window.counts.length < (options.minDays ?? 90)) return null;
      if (window.values.length < (options.minEvents ?? 20)) return null;
      const fit = fitHawkes(window.counts);
      if (fit === null) return null;
      const ends = monthEnds(history, forecastOptions.horizons);
      const samples = simulateMonths(fit, window, ends, forecastOptions);
      return samples.map((s, i): HorizonForecast => ({ horizon: i + 1, samples: s }));
    },
  };
}
