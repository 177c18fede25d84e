import { z } from "zod";
import { isIsoDate, parseDateBound } from "../analysis/index.ts";
import { TREND_GROUPS } from "../store/queries/index.ts";

/** Query schemas of the analysis routes; they validate requests and make the OpenAPI document. */

const dateBound = z
  .string()
  .refine(
    (v) => parseDateBound(v, "start") !== null,
    "must be a day, month or year: YYYY-MM-DD, YYYY-MM or YYYY",
  );
/** A day of the calendar (2026-02-30 is not one). */
const day = z.string().refine(isIsoDate, "must be a date written YYYY-MM-DD");
const flag = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();
const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const trendsQuerySchema = z.strictObject({
  unit: z.enum(["day", "week", "month"]).default("month"),
  group: z.enum([...TREND_GROUPS, "crossborder"]).default("none"),
  from: dateBound.optional(),
  to: dateBound.optional(),
  explain: flag,
  latest: whole(0, 1000, 10),
});

export const crossBorderQuerySchema = trendsQuerySchema.omit({ group: true });

export const demandsQuerySchema = z.strictObject({
  unit: z.enum(["month", "quarter"]).default("quarter"),
  periods: whole(1, 24, 1),
  asOf: day.optional(),
});

/** The CLI's limit on the window (`frontier escalation --days`). */
export const MAX_ESCALATION_DAYS = 3660;

export const escalationQuerySchema = z.strictObject({
  asOf: day.optional(),
  days: whole(1, MAX_ESCALATION_DAYS, 90),
  explain: flag,
});

export const alertsQuerySchema = z.strictObject({
  since: day.optional(),
  limit: whole(1, 1000, 100),
});

export const emptyQuerySchema = z.strictObject({});
