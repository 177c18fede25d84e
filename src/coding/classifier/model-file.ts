/**
 * The classifier's model file: JSON with the weight rows of the hash buckets
 * that training touched (most buckets stay zero), as base64 little-endian
 * Int32 bucket numbers and Float32 weights. Parsed back through a schema, so
 * a truncated or foreign file is refused with a clear message.
 */
import { z } from "zod";
import { AppError } from "../../domain/errors.ts";
import type { ClassifierModel } from "./model.ts";

const fileSchema = z.strictObject({
  kind: z.literal("softmax-hashed-ngrams"),
  version: z.literal(1),
  dims: z.number().int().positive(),
  classes: z.array(z.string().min(1)).min(1),
  bias: z.array(z.number()),
  rows: z.string(),
  weights: z.string(),
  /** Free-form training facts (files, sizes, seed), for people reading the file. */
  trainedOn: z.record(z.string(), z.unknown()).optional(),
});

function toBase64(array: Int32Array | Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64"));
}

export function serializeModel(
  model: ClassifierModel,
  trainedOn?: Record<string, unknown>,
): string {
  const c = model.classes.length;
  const rows: number[] = [];
  for (let row = 0; row < model.dims; row += 1) {
    for (let k = 0; k < c; k += 1) {
      if ((model.weights[row * c + k] ?? 0) !== 0) {
        rows.push(row);
        break;
      }
    }
  }
  const weights = new Float32Array(rows.length * c);
  rows.forEach((row, i) => {
    weights.set(model.weights.subarray(row * c, row * c + c), i * c);
  });
  return JSON.stringify({
    kind: model.kind,
    version: model.version,
    dims: model.dims,
    classes: model.classes,
    bias: Array.from(model.bias),
    rows: toBase64(Int32Array.from(rows)),
    weights: toBase64(weights),
    ...(trainedOn === undefined ? {} : { trainedOn }),
  });
}

function invalid(source: string, detail: string, cause?: unknown): AppError {
  return new AppError("INVALID_INPUT", `${source}: not a classifier model file: ${detail}`, {
    cause,
  });
}

export function parseModel(text: string, options: { source: string }): ClassifierModel {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(options.source, "not JSON", error);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(
      options.source,
      `${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`,
    );
  }
  const file = parsed.data;
  const c = file.classes.length;
  const rowBytes = fromBase64(file.rows);
  const weightBytes = fromBase64(file.weights);
  const rowCount = rowBytes.byteLength / 4;
  if (
    !Number.isInteger(rowCount) ||
    weightBytes.byteLength !== rowCount * c * 4 ||
    file.bias.length !== c
  ) {
    throw invalid(options.source, "the weight arrays do not fit the classes (file truncated?)");
  }
  const rows = new Int32Array(rowBytes.buffer, rowBytes.byteOffset, rowCount);
  const packed = new Float32Array(weightBytes.buffer, weightBytes.byteOffset, rowCount * c);
  const weights = new Float32Array(file.dims * c);
  for (let i = 0; i < rowCount; i += 1) {
    const row = rows[i] ?? -1;
    if (row < 0 || row >= file.dims)
      throw invalid(options.source, `bucket ${row} is outside 0…${file.dims - 1}`);
    weights.set(packed.subarray(i * c, i * c + c), row * c);
  }
  return {
    kind: file.kind,
    version: file.version,
    dims: file.dims,
    classes: file.classes,
    weights,
    bias: Float32Array.from(file.bias),
  };
}
