/**
 * Keeping score of watch questions: the Brier score of each resolved question over the
 * forecasts made before it resolved, and a calibration table pooled over all of them.
 */
import { brier } from "./scores.ts";

/** A stored probability and the last day of data it was computed from. */
export interface IssuedProbability {
  probability: number;
  dataEnd: string;
}

export interface QuestionScore {
  /** Mean Brier score over the forecasts made with data from before the resolution day. */
  brier: number;
  /** Brier score of the last of those forecasts. */
  lastBrier: number;
  forecasts: number;
}

/** A question's stored probabilities and how it ended. */
export interface QuestionRecord {
  status: "open" | "resolved_yes" | "resolved_no";
  /** YYYY-MM-DD; null while open. */
  resolvedOn: string | null;
  history: readonly IssuedProbability[];
}

/**
 * The forecasts a resolved question is scored on — those made from data that ended before the
 * day it resolved — each with the outcome. Empty for an open question.
 */
export function scoredPairs(record: QuestionRecord): { probability: number; outcome: boolean }[] {
  const { resolvedOn } = record;
  if (record.status === "open" || resolvedOn === null) return [];
  const outcome = record.status === "resolved_yes";
  return record.history
    .filter((f) => f.dataEnd < resolvedOn)
    .map((f) => ({ probability: f.probability, outcome }));
}

/** Scores a resolved question; null when open or when no forecast came before its resolution. */
export function scoreQuestion(record: QuestionRecord): QuestionScore | null {
  const pairs = scoredPairs(record);
  const last = pairs[pairs.length - 1];
  if (last === undefined) return null;
  const scores = pairs.map((p) => brier(p.probability, p.outcome));
  return {
    brier: scores.reduce((s, v) => s + v, 0) / scores.length,
    lastBrier: brier(last.probability, last.outcome),
    forecasts: pairs.length,
  };
}

export interface CalibrationBin {
  /** Probabilities in [from, to) (the last bin includes 1). */
  from: number;
  to: number;
  n: number;
  meanProbability: number | null;
  /** Share of these forecasts whose question resolved yes. */
  observedRate: number | null;
}

/** Forecast probability against outcome frequency in `bins` equal-width bins. */
export function calibrationTable(
  pairs: readonly { probability: number; outcome: boolean }[],
  bins = 10,
): CalibrationBin[] {
  return Array.from({ length: bins }, (_, i) => {
    const from = i / bins;
    const to = (i + 1) / bins;
    const inside = pairs.filter(
      (p) =>
        p.probability >= from && (p.probability < to || (i === bins - 1 && p.probability <= 1)),
    );
    const n = inside.length;
    return {
      from,
      to,
      n,
      meanProbability: n === 0 ? null : inside.reduce((s, p) => s + p.probability, 0) / n,
      observedRate: n === 0 ? null : inside.filter((p) => p.outcome).length / n,
    };
  });
}
