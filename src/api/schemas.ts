import { z } from "zod";
import type { EventFilter } from "../store/event-list.ts";

/** Comma-separated list in a query string: `?country=PAK,AFG`. */
const list = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .optional();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");

export const eventQuerySchema = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  category: list,
  subtype: list,
  country: list,
  admin1: list,
  actor: list,
  dataset: list,
  crossBorder: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}_\d+$/, "must be a cursor returned by a previous page")
    .optional(),
});

export type EventQuery = z.output<typeof eventQuerySchema>;

export const errorSchema = z.object({ code: z.string(), message: z.string() });

/** A JSON Schema for OpenAPI, from the same zod schema that validates the request. */
export function jsonSchema(
  schema: z.ZodType,
  io: "input" | "output" = "input",
): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

/** The filter part of an events query: paging fields are not filters. */
export function toEventFilter(q: EventQuery): EventFilter {
  const { limit: _limit, cursor: _cursor, ...filter } = q;
  return filter;
}
