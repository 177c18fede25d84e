/**
 * Watch questions: "will at least `count` matching events happen within `windowDays` days,
 * between the day the question opens and `horizonDays` later?". Pure: the caller matches the
 * events against the question's pattern and says up to which day the data reach.
 */
import { fitHawkes, simulateHawkes } from "./hawkes.ts";
import { dateOfDay, dayNumber } from "./months.ts";
import { mulberry32 } from "./random.ts";

export interface QuestionRule {
  count: number;
  windowDays: number;
}

export interface QuestionTerms {
  rule: QuestionRule;
  /** First day of the horizon, YYYY-MM-DD. */
  opensOn: string;
  horizonDays: number;
}

/** An event that matches the question's pattern. */
export interface MatchedEvent {
  id: number;
  date: string;
}

/** Last day of the horizon (inclusive). */
export function closesOn(terms: { opensOn: string; horizonDays: number }): string {
  return dateOfDay(dayNumber(terms.opensOn) + terms.horizonDays - 1);
}

/**
 * The earliest run of `count` matches within `windowDays` days, all in [from, to]; the rule is
 * met on the day of the run's last event. `events` must be sorted by date.
 */
export function findRuleMet(
  events: readonly MatchedEvent[],
  rule: QuestionRule,
  range: { from: string; to: string },
): { on: string; events: MatchedEvent[] } | null {
  const inside = events.filter((e) => e.date >= range.from && e.date <= range.to);
  for (let last = rule.count - 1; last < inside.length; last++) {
    const run = inside.slice(last - rule.count + 1, last + 1);
    const first = run[0];
    const end = run[run.length - 1];
    if (first && end && dayNumber(end.date) - dayNumber(first.date) < rule.windowDays) {
      return { on: end.date, events: run };
    }
  }
  return null;
}

export type Resolution =
  | { status: "open" }
  | { status: "resolved_yes"; resolvedOn: string; eventIds: number[] }
  | { status: "resolved_no"; resolvedOn: string };

/**
 * Yes once the data show the rule met inside the horizon; no once the data reach past the
 * horizon's last day without it; open otherwise.
 */
export function resolveQuestion(
  terms: QuestionTerms,
  events: readonly MatchedEvent[],
  dataEnd: string,
): Resolution {
  const closes = closesOn(terms);
  const to = dataEnd < closes ? dataEnd : closes;
  const met = findRuleMet(events, terms.rule, { from: terms.opensOn, to });
  if (met) {
    return { status: "resolved_yes", resolvedOn: met.on, eventIds: met.events.map((e) => e.id) };
  }
  if (dataEnd >= closes) return { status: "resolved_no", resolvedOn: closes };
  return { status: "open" };
}

/** Whether daily counts reach `count` within some `windowDays` run of days. */
export function countsMeetRule(counts: ArrayLike<number>, rule: QuestionRule): boolean {
  let sum = 0;
  for (let d = 0; d < counts.length; d++) {
    sum += counts[d] ?? 0;
    if (d >= rule.windowDays) sum -= counts[d - rule.windowDays] ?? 0;
    if (sum >= rule.count) return true;
  }
  return false;
}

/** Days (day numbers, inclusive) the data cover, sorted and not overlapping. */
export interface DayRange {
  first: number;
  last: number;
}

export type ProbabilityMethod = "hawkes" | "base-rate";

export interface QuestionProbability {
  probability: number;
  method: ProbabilityMethod;
  /** How the number was reached, for the history and the CLI. */
  details: Record<string, number | string>;
}

export interface ProbabilityOptions {
  dataEnd: string;
  /** What the data cover: the base rate and the Hawkes fit only look inside. */
  covered: readonly DayRange[];
  seed: number;
  samples?: number;
  /** Days before `dataEnd` the Hawkes process is fitted on (default 730). */
  fitDays?: number;
  /** Fewer matches than this in the fitting window and the base rate is used (default 10). */
  minEvents?: number;
}

function dailyCounts(events: readonly MatchedEvent[], first: number, last: number): Int32Array {
  const counts = new Int32Array(Math.max(0, last - first + 1));
  for (const e of events) {
    const d = dayNumber(e.date) - first;
    if (d >= 0 && d < counts.length) counts[d] = (counts[d] ?? 0) + 1;
  }
  return counts;
}

/** The covered run of days ending at `dataEnd`, cut to `days`; null when dataEnd is uncovered. */
function fitRange(covered: readonly DayRange[], end: number, days: number): DayRange | null {
  const run = covered.find((r) => r.first <= end && end <= r.last);
  return run ? { first: Math.max(run.first, end - days + 1), last: end } : null;
}

/**
 * P(the rule is met in the part of the horizon the data have not seen). With enough matches
 * before `dataEnd`, a Hawkes process fitted to the daily matches is simulated to the horizon's
 * end (matches already seen inside the horizon count too). Otherwise the base rate: the share
 * of past windows of the same length, laid back to back from `dataEnd` over covered days, in
 * which the rule was met, as (met + ½)/(windows + 1) so that no history gives ½, not 0 or 1.
 */
export function questionProbability(
  terms: QuestionTerms,
  events: readonly MatchedEvent[],
  options: ProbabilityOptions,
): QuestionProbability {
  const end = dayNumber(options.dataEnd);
  const opens = dayNumber(terms.opensOn);
  const closes = opens + terms.horizonDays - 1;
  const range = fitRange(options.covered, end, options.fitDays ?? 730);
  const counts = range ? dailyCounts(events, range.first, range.last) : new Int32Array(0);
  const seen = counts.reduce((s, c) => s + c, 0);
  if (range && seen >= (options.minEvents ?? 10) && closes > end) {
    const fit = fitHawkes(counts);
    if (fit) {
      const samples = options.samples ?? 1000;
      const rand = mulberry32(options.seed);
      const observed = dailyCounts(events, opens, Math.min(end, closes));
      const horizon = new Int32Array(closes - opens + 1);
      let met = 0;
      for (let s = 0; s < samples; s++) {
        horizon.fill(0);
        horizon.set(observed.subarray(0, horizon.length));
        const path = simulateHawkes(fit, closes - end, rand);
        for (let d = Math.max(end + 1, opens); d <= closes; d++) {
          horizon[d - opens] = path[d - end - 1] ?? 0;
        }
        if (countsMeetRule(horizon, terms.rule)) met++;
      }
      return {
        probability: met / samples,
        method: "hawkes",
        details: {
          fittedFrom: dateOfDay(range.first),
          fittedTo: dateOfDay(range.last),
          matches: seen,
          mu: fit.mu,
          alpha: fit.alpha,
          beta: fit.beta,
          samples,
        },
      };
    }
  }
  return baseRate(terms, events, { ...options, end, closes });
}

function baseRate(
  terms: QuestionTerms,
  events: readonly MatchedEvent[],
  options: ProbabilityOptions & { end: number; closes: number },
): QuestionProbability {
  const length = Math.max(1, Math.min(terms.horizonDays, options.closes - options.end));
  let windows = 0;
  let met = 0;
  for (const run of options.covered) {
    for (
      let last = Math.min(run.last, options.end);
      last - length + 1 >= run.first;
      last -= length
    ) {
      windows++;
      if (countsMeetRule(dailyCounts(events, last - length + 1, last), terms.rule)) met++;
    }
  }
  return {
    probability: (met + 0.5) / (windows + 1),
    method: "base-rate",
    details: { windowDays: length, windows, met, formula: "(met + 0.5) / (windows + 1)" },
  };
}

/** One line saying how a stored probability was reached, from its method and details. */
export function describeMethod(method: string, details: Readonly<Record<string, unknown>>): string {
  const d = (key: string) => String(details[key] ?? "?");
  if (method === "hawkes") {
    return `Hawkes process fitted on ${d("matches")} matching events ${d("fittedFrom")} … ${d("fittedTo")}`;
  }
  return `base rate: met in ${d("met")} of ${d("windows")} past ${d("windowDays")}-day windows, (met + ½)/(windows + 1)`;
}
