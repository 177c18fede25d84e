import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.ts";
import { SHARED_DATA } from "../test-support.ts";
import { formatEvaluation, scorePredictions, stratifiedSplit } from "./evaluate.ts";
import { extractFeatures, hashString } from "./features.ts";
import { labelledFromRows } from "./labelled.ts";
import { type LabelledText, predict, trainClassifier } from "./model.ts";
import { parseModel, serializeModel } from "./model-file.ts";

const TOY: LabelledText[] = [
  ...[
    "militants shelled a base",
    "mortar shells hit the village",
    "artillery fire struck homes",
  ].map((text) => ({
    text,
    label: "Shelling/artillery/missile attack",
  })),
  ...[
    "an IED exploded near a vehicle",
    "a roadside bomb went off",
    "a landmine blast killed two",
  ].map((text) => ({
    text,
    label: "Remote explosive/landmine/IED",
  })),
];

describe("hashString()", () => {
  it.each([
    ["", 0x811c9dc5],
    ["a", 0xe40c292c],
    ["foobar", 0xbf9cf968],
  ])("FNV-1a of %j", (text, hash) => {
    expect(hashString(text)).toBe(hash);
  });
});

describe("extractFeatures()", () => {
  it("gives a unit-length vector", () => {
    const { values } = extractFeatures("Taliban militants attacked a checkpoint.", { dims: 1024 });
    expect(values.reduce((a, v) => a + v * v, 0)).toBeCloseTo(1, 5);
  });

  it("treats all numbers as one token", () => {
    const a = extractFeatures("killing 15 people", { dims: 4096 });
    const b = extractFeatures("killing 3 people", { dims: 4096 });
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
  });
});

describe("trainClassifier() and predict()", () => {
  it("learns separable examples", () => {
    const model = trainClassifier(TOY, { seed: 1, dims: 1 << 12, epochs: 20 });
    expect(predict(model, "heavy shelling hit the base").label).toBe(
      "Shelling/artillery/missile attack",
    );
    expect(predict(model, "a bomb exploded on the road").label).toBe(
      "Remote explosive/landmine/IED",
    );
  });

  it("gives the same model for the same seed", () => {
    const a = trainClassifier(TOY, { seed: 7, dims: 1 << 10, epochs: 3 });
    const b = trainClassifier(TOY, { seed: 7, dims: 1 << 10, epochs: 3 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });

  it("takes ACLED's label at the head of a note as the class", () => {
    const model = trainClassifier(
      [...TOY, { text: "Arrests: police detained two men", label: "Arrests" }],
      {
        seed: 1,
        dims: 1 << 10,
        epochs: 2,
      },
    );
    expect(predict(model, "Arrests: the army held a commander after shelling")).toEqual({
      label: "Arrests",
      probability: 1,
    });
  });
});

describe("serializeModel() and parseModel()", () => {
  const model = trainClassifier(TOY, { seed: 1, dims: 1 << 12, epochs: 5 });

  it("round-trips a model", () => {
    const back = parseModel(serializeModel(model), { source: "m.json" });
    expect(Array.from(back.weights)).toEqual(Array.from(model.weights));
    expect(back.classes).toEqual(model.classes);
  });

  it.each([
    ["not JSON", "{", /m\.json: not a classifier model file: not JSON/],
    ["a foreign file", '{"kind":"other"}', /m\.json: not a classifier model file: kind/],
    [
      "a truncated weight array",
      () => {
        const data = JSON.parse(serializeModel(model));
        return JSON.stringify({ ...data, weights: data.weights.slice(0, 40) });
      },
      /do not fit the classes/,
    ],
  ])("refuses %s", (_what, text, message) => {
    const body = typeof text === "function" ? text() : text;
    expect(() => parseModel(body, { source: "m.json" })).toThrow(AppError);
    expect(() => parseModel(body, { source: "m.json" })).toThrow(message);
  });
});

describe("scorePredictions()", () => {
  it("computes per-class, macro and micro figures", () => {
    // A: 2 right, 1 taken for B; B: 1 right. P(A)=1, R(A)=2/3; P(B)=1/2, R(B)=1.
    const evaluation = scorePredictions(["A", "A", "A", "B"], ["A", "A", "B", "B"]);
    const [a, b] = evaluation.perClass;
    expect(a).toMatchObject({ label: "A", precision: 1, support: 3 });
    expect(a?.recall).toBeCloseTo(2 / 3);
    expect(a?.f1).toBeCloseTo(0.8);
    expect(b).toMatchObject({ label: "B", precision: 0.5, recall: 1, support: 1 });
    expect(evaluation.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2);
    expect(evaluation.microF1).toBe(0.75);
    expect(evaluation.confusion).toEqual({ A: { A: 2, B: 1 }, B: { B: 1 } });
    expect(formatEvaluation(evaluation)).toMatch(
      /macro-F1 0\.733 .*\nmicro-F1 0\.750 \(4 test examples\)/,
    );
  });
});

describe("stratifiedSplit()", () => {
  const examples = [
    ...Array.from({ length: 10 }, (_, i) => ({ text: `a${i}`, label: "A" })),
    ...Array.from({ length: 5 }, (_, i) => ({ text: `b${i}`, label: "B" })),
    { text: "c0", label: "C" },
  ];

  it("holds out each class's share and keeps a one-example class in training", () => {
    const { train, test } = stratifiedSplit(examples, { ratio: 0.2, seed: 1 });
    const count = (list: LabelledText[], label: string) =>
      list.filter((e) => e.label === label).length;
    expect([count(test, "A"), count(test, "B"), count(test, "C")]).toEqual([2, 1, 0]);
    expect(train.length + test.length).toBe(examples.length);
  });

  it("splits the same way for the same seed and differently for another", () => {
    const texts = (seed: number) =>
      stratifiedSplit(examples, { ratio: 0.2, seed })
        .test.map((e) => e.text)
        .sort();
    expect(texts(3)).toEqual(texts(3));
    expect(texts(3)).not.toEqual(texts(4));
  });
});

describe("labelledFromRows()", () => {
  it.each([
    [{ notes: "On 1 May, x.", sub_event_type: "Armed clash" }, "Armed clash"],
    [{ Notes: "On 1 May, x.", Sub_type: "Grenade" }, "Grenade"],
    [{ EventSnippet: "Warplanes pounded x.", SubType: "AIR_STRIKE" }, "Air/drone strike"],
    [{ EventSnippet: "Talks in Doha.", SubType: "DIPLO" }, "DIPLO"],
  ])("reads %j", (row, label) => {
    expect(labelledFromRows([row], { source: "f.csv" }).examples[0]?.label).toBe(label);
  });

  it("skips rows without text and names missing columns", () => {
    expect(
      labelledFromRows([{ notes: "", sub_event_type: "Attack" }], { source: "f.csv" }).skipped,
    ).toBe(1);
    expect(() => labelledFromRows([{ a: "x" }], { source: "f.csv" })).toThrow(
      /f\.csv: needs a text column/,
    );
  });
});

describe("the classifier on real ACLED notes (Balochistan 2020–24)", () => {
  it("beats the majority class on held-out notes by a wide margin", () => {
    const path = `${SHARED_DATA}acled/pakistan_balochistan_2020-2024_acled_subset.csv`;
    const rows: Record<string, string>[] = parse(readFileSync(path), {
      columns: true,
      relax_quotes: true,
    });
    const { examples } = labelledFromRows(rows, { source: path });
    const { train, test } = stratifiedSplit(examples, { ratio: 0.2, seed: 1 });
    const model = trainClassifier(train, { seed: 1, epochs: 5, dims: 1 << 16 });
    const evaluation = scorePredictions(
      test.map((e) => e.label),
      test.map((e) => predict(model, e.text).label),
    );
    const majority = Math.max(...evaluation.perClass.map((c) => c.support)) / test.length;
    expect(evaluation.microF1).toBeGreaterThan(Math.max(0.85, majority + 0.3));
  });
});
