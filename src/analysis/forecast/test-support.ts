/** Small hand-made histories for the forecast tests. */
import { addMonths, firstDayOfMonth, lastDayOfMonth } from "./months.ts";
import { mulberry32, poisson } from "./random.ts";
import type { DayValue, MonthlyHistory } from "./types.ts";

/** A history of monthly values; with `spreadEvents`, one event per unit of value, spread over the month. */
export function historyOf(
  values: readonly (number | null)[],
  options: {
    start?: string;
    covariates?: Record<string, (number | null)[]>;
    events?: DayValue[];
  } = {},
): MonthlyHistory {
  return {
    start: options.start ?? "2000-01",
    values,
    covariates: options.covariates ?? {},
    events: options.events ?? [],
  };
}

/** Poisson counts with a constant rate. */
export function poissonSeries(rate: number, months: number, seed: number): number[] {
  const rand = mulberry32(seed);
  return Array.from({ length: months }, () => poisson(rand, rate));
}

/** Events per day drawn as Poisson(dailyRate), each worth `value`, with the monthly sums. */
export function dailyHistory(
  dailyRate: number,
  options: { start: string; months: number; value?: number; seed: number },
): MonthlyHistory {
  const rand = mulberry32(options.seed);
  const events: DayValue[] = [];
  const values: number[] = [];
  for (let m = 0; m < options.months; m++) {
    const month = addMonths(options.start, m);
    let total = 0;
    for (let day = firstDayOfMonth(month); day <= lastDayOfMonth(month); day++) {
      const n = poisson(rand, dailyRate);
      for (let i = 0; i < n; i++) events.push({ day, value: options.value ?? 1 });
      total += n * (options.value ?? 1);
    }
    values.push(total);
  }
  return { start: options.start, values, covariates: {}, events };
}
