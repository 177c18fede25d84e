import type { z } from "zod";
import { AppError } from "../domain/errors.ts";
import { errorSchema, jsonSchema } from "./schemas.ts";

/** Parses a request part with its zod schema; the first issue becomes a 400 naming the field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join(".") || "request";
  throw new AppError("INVALID_INPUT", `${path}: ${issue?.message ?? "invalid"}`, {
    cause: result.error,
  });
}

/** The OpenAPI part of a GET route: its query schema and the JSON error it answers with. */
export function queryDoc(schema: z.ZodType, summary: string) {
  return {
    summary,
    querystring: jsonSchema(schema),
    response: { 400: jsonSchema(errorSchema, "output") },
  };
}
