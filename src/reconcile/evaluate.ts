/**
 * Evaluation against labelled pairs (docs/reconcile.md, "Evaluation"): pairwise precision,
 * recall and F1 of "same cluster", and fatality totals per month before and after.
 */
import type { Cluster, ReconcileRecord } from "./types.ts";

export interface LabelledPair {
  a: string;
  b: string;
  isSame: boolean;
}

export interface PairwiseScores {
  pairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Labelled pairs with a key no cluster holds. */
  missing: number;
}

/** Record key → index of its cluster. */
export function clusterIndex(clusters: readonly Cluster[]): Map<string, number> {
  const index = new Map<string, number>();
  clusters.forEach((c, i) => {
    for (const k of c.keys) index.set(k, i);
  });
  return index;
}

export function pairwiseScores(
  labels: readonly LabelledPair[],
  clusterOf: ReadonlyMap<string, number>,
): PairwiseScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let missing = 0;
  for (const l of labels) {
    const ca = clusterOf.get(l.a);
    const cb = clusterOf.get(l.b);
    if (ca === undefined || cb === undefined) {
      missing++;
      continue;
    }
    const predicted = ca === cb;
    if (predicted && l.isSame) tp++;
    else if (predicted) fp++;
    else if (l.isSame) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    pairs: tp + fp + fn + tn,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision,
    recall,
    f1,
    missing,
  };
}

/** Sum of best fatality estimates per `YYYY-MM` of the start date. */
export function fatalitiesByMonth(
  events: readonly { dateStart: string; fatalitiesBest: number | null }[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    const month = e.dateStart.slice(0, 7);
    out.set(month, (out.get(month) ?? 0) + (e.fatalitiesBest ?? 0));
  }
  return out;
}

/** Fatalities per month of the records as they are, and of the reconciled events. */
export function fatalityTotals(
  records: readonly ReconcileRecord[],
  clusters: readonly Cluster[],
): { before: Map<string, number>; after: Map<string, number> } {
  return {
    before: fatalitiesByMonth(records.map((r) => r.event)),
    after: fatalitiesByMonth(clusters.map((c) => c.event)),
  };
}
