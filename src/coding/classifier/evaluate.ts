/**
 * Held-out evaluation: a seeded, stratified split (each class keeps its share
 * in the test part; a class with one example stays in training), per-class
 * precision, recall and F1, macro-F1 (mean over the classes present in the
 * test part) and micro-F1 (for single-label data, the accuracy), and a
 * confusion table.
 */
import { type LabelledText, seededRandom, shuffle } from "./model.ts";

export interface Split {
  train: LabelledText[];
  test: LabelledText[];
}

export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Examples of the class in the test part. */
  support: number;
}

export interface Evaluation {
  perClass: ClassScore[];
  macroF1: number;
  microF1: number;
  /** Gold label → predicted label → count. */
  confusion: Record<string, Record<string, number>>;
  total: number;
}

export function stratifiedSplit(
  examples: readonly LabelledText[],
  options: { ratio: number; seed: number },
): Split {
  const random = seededRandom(options.seed);
  const byClass = new Map<string, LabelledText[]>();
  for (const e of examples) byClass.set(e.label, [...(byClass.get(e.label) ?? []), e]);
  const split: Split = { train: [], test: [] };
  for (const label of [...byClass.keys()].sort()) {
    const items = shuffle([...(byClass.get(label) ?? [])], random);
    const testCount = items.length < 2 ? 0 : Math.max(1, Math.round(items.length * options.ratio));
    split.test.push(...items.slice(0, testCount));
    split.train.push(...items.slice(testCount));
  }
  return { train: shuffle(split.train, random), test: shuffle(split.test, random) };
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Scores predictions (`predicted[i]` for `gold[i]`). */
export function scorePredictions(
  gold: readonly string[],
  predicted: readonly string[],
): Evaluation {
  const confusion: Record<string, Record<string, number>> = {};
  const labels = new Set<string>();
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? "";
    labels.add(g);
    labels.add(p);
    const row = confusion[g] ?? {};
    row[p] = (row[p] ?? 0) + 1;
    confusion[g] = row;
    if (g === p) correct += 1;
  });
  const perClass = [...labels].sort().map((label) => {
    const tp = confusion[label]?.[label] ?? 0;
    const support = Object.values(confusion[label] ?? {}).reduce((a, b) => a + b, 0);
    const predictedCount = Object.values(confusion).reduce((a, row) => a + (row[label] ?? 0), 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    return { label, precision, recall, f1: f1(precision, recall), support };
  });
  const present = perClass.filter((c) => c.support > 0);
  const macroF1 = present.reduce((a, c) => a + c.f1, 0) / Math.max(1, present.length);
  return {
    perClass,
    macroF1,
    microF1: gold.length === 0 ? 0 : correct / gold.length,
    confusion,
    total: gold.length,
  };
}

function short(label: string): string {
  return label.replace(/[^A-Za-z]/g, "").slice(0, 6);
}

/** Per-class table, the two F1 figures and the confusion table, as text. */
export function formatEvaluation(evaluation: Evaluation): string {
  const pct = (v: number) => v.toFixed(3);
  const width = Math.max(5, ...evaluation.perClass.map((c) => c.label.length));
  const lines = [`${"class".padEnd(width)}  precision  recall  f1     support`];
  for (const c of evaluation.perClass) {
    lines.push(
      `${c.label.padEnd(width)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}  ${pct(c.f1)}  ${String(c.support).padStart(7)}`,
    );
  }
  lines.push(
    "",
    `macro-F1 ${pct(evaluation.macroF1)} (mean over the ${evaluation.perClass.filter((c) => c.support > 0).length} classes in the test part)`,
    `micro-F1 ${pct(evaluation.microF1)} (${evaluation.total} test examples)`,
    "",
    "confusion (rows: gold, columns: predicted)",
  );
  const labels = evaluation.perClass.map((c) => c.label);
  lines.push(`${"".padEnd(width)}  ${labels.map((l) => short(l).padStart(6)).join(" ")}`);
  for (const gold of labels) {
    const row = evaluation.confusion[gold] ?? {};
    lines.push(
      `${gold.padEnd(width)}  ${labels.map((p) => String(row[p] ?? 0).padStart(6)).join(" ")}`,
    );
  }
  return lines.join("\n");
}
