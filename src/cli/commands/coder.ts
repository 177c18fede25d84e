/**
 * `frontier coder train|eval`: the event-type classifier learnt from
 * labelled text (ACLED notes with their sub-event types, CASE 2021
 * snippets). Files are read here; training and scoring are pure code in
 * src/coding.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { parse } from "csv-parse/sync";
import {
  type ClassifierModel,
  classifyByRules,
  type Evaluation,
  formatEvaluation,
  type LabelledText,
  labelledFromRows,
  parseModel,
  predict,
  scorePredictions,
  serializeModel,
  stratifiedSplit,
  trainClassifier,
} from "../../coding/index.ts";
import { AppError } from "../../domain/errors.ts";
import { type Io, printJson, requireOptions } from "../context.ts";

interface TrainOptions {
  from: string[];
  model: string;
  seed?: string;
  epochs?: string;
}

interface EvalOptions {
  from: string[];
  split?: string;
  seed?: string;
  model?: string;
  rules?: boolean;
  json?: boolean;
}

function parseNumber(
  flag: string,
  value: string | undefined,
  fallback: number,
  range: [number, number],
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < range[0] || n > range[1]) {
    throw new AppError(
      "INVALID_INPUT",
      `${flag} "${value}" must be a number from ${range[0]} to ${range[1]}`,
    );
  }
  return n;
}

/** Labelled examples of one CSV (ACLED) or TSV (CASE 2021) file. */
export async function readLabelled(file: string): Promise<LabelledText[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `Cannot read "${file}": no such file`, { cause: error });
  }
  let rows: Record<string, string>[];
  try {
    rows = parse(bytes, {
      columns: true,
      delimiter: /\.tsv$/i.test(file) ? "\t" : ",",
      bom: true,
      relax_quotes: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError("INVALID_INPUT", `Cannot read "${file}": ${message}`, { cause: error });
  }
  return labelledFromRows(rows, { source: file }).examples;
}

async function readAll(files: readonly string[]): Promise<LabelledText[]> {
  const all: LabelledText[] = [];
  for (const file of files) all.push(...(await readLabelled(file)));
  if (all.length === 0)
    throw new AppError("INVALID_INPUT", `no labelled examples in ${files.join(", ")}`);
  return all;
}

function scoreModel(model: ClassifierModel, test: readonly LabelledText[]): Evaluation {
  return scorePredictions(
    test.map((e) => e.label),
    test.map((e) => predict(model, e.text).label),
  );
}

function registerTrain(coder: Command, io: Io): void {
  coder
    .command("train")
    .description("train the event-type classifier on labelled text and save it as a model file")
    .option("--from <files...>", "labelled CSV (ACLED notes) or TSV (CASE 2021) files (required)")
    .option("--model <file>", "where to write the model (required)")
    .option("--seed <n>", "random seed for the order of training", "1")
    .option("--epochs <n>", "passes over the data", "15")
    .action(async (opts: TrainOptions, command: Command) => {
      requireOptions(command, ["from", "model"]);
      const examples = await readAll(opts.from);
      const seed = parseNumber("--seed", opts.seed, 1, [0, 2 ** 32 - 1]);
      const epochs = parseNumber("--epochs", opts.epochs, 15, [1, 200]);
      const started = performance.now();
      const model = trainClassifier(examples, { seed, epochs });
      const seconds = (performance.now() - started) / 1000;
      await writeFile(
        opts.model,
        serializeModel(model, { files: opts.from, examples: examples.length, seed, epochs }),
      );
      const { size } = await stat(opts.model);
      io.out(
        `trained on ${examples.length} examples, ${model.classes.length} classes, in ${seconds.toFixed(1)} s; ` +
          `wrote ${opts.model} (${(size / 1024 / 1024).toFixed(1)} MB)`,
      );
    });
}

function registerEval(coder: Command, io: Io): void {
  coder
    .command("eval")
    .description(
      "precision, recall and F1 per class, macro- and micro-F1, confusion table on held-out text",
    )
    .option("--from <files...>", "labelled CSV (ACLED notes) or TSV (CASE 2021) files (required)")
    .option("--split <ratio>", "share held out for testing (stratified by class)", "0.2")
    .option("--seed <n>", "random seed of the split and the training", "1")
    .option("--model <file>", "score this model on all of --from instead of training on a split")
    .option("--rules", "score the rule-based coder on the held-out part instead of a trained model")
    .option("--json", "print the figures as JSON")
    .action(async (opts: EvalOptions, command: Command) => {
      requireOptions(command, ["from"]);
      const examples = await readAll(opts.from);
      const seed = parseNumber("--seed", opts.seed, 1, [0, 2 ** 32 - 1]);
      const ratio = parseNumber("--split", opts.split, 0.2, [0.01, 0.99]);
      let evaluation: Evaluation;
      let heading: string;
      if (opts.model !== undefined) {
        const model = parseModel(await readFile(opts.model, "utf8"), { source: opts.model });
        evaluation = scoreModel(model, examples);
        heading = `model ${opts.model} on all ${examples.length} examples`;
      } else {
        const { train, test } = stratifiedSplit(examples, { ratio, seed });
        if (opts.rules) {
          evaluation = scorePredictions(
            test.map((e) => e.label),
            test.map((e) => classifyByRules(e.text) ?? "(none)"),
          );
          heading = `rule-based coder on ${test.length} held-out examples (split ${ratio}, seed ${seed})`;
        } else {
          evaluation = scoreModel(trainClassifier(train, { seed }), test);
          heading = `trained on ${train.length}, tested on ${test.length} held-out examples (split ${ratio}, seed ${seed})`;
        }
      }
      if (opts.json) printJson(io, { heading, ...evaluation });
      else io.out(`${heading}\n\n${formatEvaluation(evaluation)}`);
    });
}

export function registerCoder(program: Command, io: Io): void {
  const coder = program
    .command("coder")
    .description("train and evaluate the event-type classifier");
  registerTrain(coder, io);
  registerEval(coder, io);
}
