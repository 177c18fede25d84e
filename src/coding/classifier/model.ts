/**
 * Multinomial logistic regression over hashed features, trained by
 * stochastic gradient descent with a decaying learning rate, L2 shrinkage of
 * the weights an example touches, and class weights that lift rare classes
 * (inverse square root of their frequency) for a better macro-F1.
 * Deterministic: the shuffling comes from the seed passed in.
 */
import { parseAcledSubEventType } from "../../domain/ontology/index.ts";
import { extractFeatures, type SparseVector } from "./features.ts";

export interface LabelledText {
  text: string;
  label: string;
}

export interface ClassifierModel {
  kind: "softmax-hashed-ngrams";
  version: 1;
  dims: number;
  classes: string[];
  /** dims × classes, row-major by feature. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface TrainOptions {
  seed: number;
  epochs?: number;
  dims?: number;
  learningRate?: number;
  l2?: number;
}

export interface Prediction {
  label: string;
  probability: number;
}

/** mulberry32: a small seeded generator, enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

function softmaxScores(model: ClassifierModel, x: SparseVector, out: Float64Array): void {
  const c = model.classes.length;
  for (let k = 0; k < c; k += 1) out[k] = model.bias[k] ?? 0;
  for (let f = 0; f < x.indices.length; f += 1) {
    const row = (x.indices[f] ?? 0) * c;
    const v = x.values[f] ?? 0;
    for (let k = 0; k < c; k += 1) out[k] = (out[k] ?? 0) + (model.weights[row + k] ?? 0) * v;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < c; k += 1) max = Math.max(max, out[k] ?? 0);
  let sum = 0;
  for (let k = 0; k < c; k += 1) {
    out[k] = Math.exp((out[k] ?? 0) - max);
    sum += out[k] ?? 0;
  }
  for (let k = 0; k < c; k += 1) out[k] = (out[k] ?? 0) / sum;
}

function classWeights(examples: readonly LabelledText[], classes: readonly string[]): Float64Array {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const largest = Math.max(...counts.values());
  return Float64Array.from(classes, (label) => Math.sqrt(largest / (counts.get(label) ?? largest)));
}

function sgdStep(
  model: ClassifierModel,
  x: SparseVector,
  target: number,
  step: { rate: number; l2: number; weight: number; p: Float64Array },
): void {
  const c = model.classes.length;
  softmaxScores(model, x, step.p);
  for (let k = 0; k < c; k += 1) {
    const g = ((step.p[k] ?? 0) - (k === target ? 1 : 0)) * step.weight;
    model.bias[k] = (model.bias[k] ?? 0) - step.rate * g;
    for (let f = 0; f < x.indices.length; f += 1) {
      const at = (x.indices[f] ?? 0) * c + k;
      const w = model.weights[at] ?? 0;
      model.weights[at] = w - step.rate * (g * (x.values[f] ?? 0) + step.l2 * w);
    }
  }
}

/** Trains a model on labelled texts; the same examples and seed give the same model. */
export function trainClassifier(
  examples: readonly LabelledText[],
  options: TrainOptions,
): ClassifierModel {
  const dims = options.dims ?? 1 << 18;
  const epochs = options.epochs ?? 15;
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  const model: ClassifierModel = {
    kind: "softmax-hashed-ngrams",
    version: 1,
    dims,
    classes,
    weights: new Float32Array(dims * classes.length),
    bias: new Float32Array(classes.length),
  };
  const indexOf = new Map(classes.map((label, i) => [label, i]));
  const data = examples.map((e) => ({
    x: extractFeatures(e.text, { dims }),
    y: indexOf.get(e.label) ?? 0,
  }));
  const weights = classWeights(examples, classes);
  const random = seededRandom(options.seed);
  const p = new Float64Array(classes.length);
  const rate0 = options.learningRate ?? 1;
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const { x, y } of shuffle(data, random)) {
      const rate = rate0 / (1 + t / data.length);
      sgdStep(model, x, y, { rate, l2: options.l2 ?? 1e-6, weight: weights[y] ?? 1, p });
      t += 1;
    }
  }
  return model;
}

/**
 * ACLED's own label at the head of a note ("Agreement: …", "Arrests: …"),
 * when the model knows that class. Such classes have one or two examples
 * in the labelled subsets, too few to learn; the codebook convention is
 * exact.
 */
function leadLabel(model: ClassifierModel, text: string): string | null {
  const lead = /^\s*([A-Za-z][A-Za-z /-]{2,40}):/.exec(text)?.[1];
  const label = lead === undefined ? undefined : parseAcledSubEventType(lead);
  return label !== undefined && model.classes.includes(label) ? label : null;
}

/** The most probable class of a text, with its probability. */
export function predict(model: ClassifierModel, text: string): Prediction {
  const lead = leadLabel(model, text);
  if (lead !== null) return { label: lead, probability: 1 };
  const p = new Float64Array(model.classes.length);
  softmaxScores(model, extractFeatures(text, { dims: model.dims }), p);
  let best = 0;
  for (let k = 1; k < p.length; k += 1) if ((p[k] ?? 0) > (p[best] ?? 0)) best = k;
  return { label: model.classes[best] ?? "", probability: p[best] ?? 0 };
}
