import { type Command, Option } from "commander";
import { z } from "zod";
import {
  buildHistory,
  defaultModels,
  forecastSeries,
  type HorizonSummary,
  lastDayOfMonth,
  type MonthlyHistory,
  type SeriesForecast,
  TARGETS,
  type Target,
} from "../../analysis/forecast/index.ts";
import { AppError } from "../../domain/errors.ts";
import type { Sql } from "../../store/db.ts";
import {
  admin1Units,
  coverageSpans,
  datedEvents,
  type ForecastInsert,
  hasForecast,
  monthlyTotals,
  saveForecasts,
} from "../../store/forecast-queries.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

/** One series to forecast: a country, or an admin1 unit in it. */
export interface SeriesKey {
  country: string;
  admin1: string | null;
  target: Target;
  /** Only events with a record from this dataset; null for every dataset. */
  dataset: string | null;
}

export function seriesLabel(key: SeriesKey): string {
  return [key.target, key.country, ...(key.admin1 === null ? [] : [key.admin1])].join(":");
}

/** The monthly history of one series; null when no imported file covers the country. */
export async function loadHistory(db: Sql, key: SeriesKey): Promise<MonthlyHistory | null> {
  const filter = { country: key.country, admin1: key.admin1, dataset: key.dataset };
  const [months, events, coverage] = await Promise.all([
    monthlyTotals(db, filter),
    datedEvents(db, filter),
    coverageSpans(db, { country: key.country, dataset: key.dataset }),
  ]);
  return buildHistory({ target: key.target, months, events, coverage });
}

/** Flags shared by `forecast` and `backtest`, validated once. */
export const modelFlagsSchema = z.object({
  target: z.enum(TARGETS).default("fatalities"),
  country: z.array(z.string().regex(/^[A-Z]{3}$/, "must be ISO3 such as PAK")).optional(),
  dataset: z.string().min(1).default("ucdp"),
  samples: z.coerce.number().int().min(10).max(100_000).default(1000),
  seed: z.coerce.number().int().min(0).default(1),
  json: z.boolean().optional(),
});

/** Parses flags with `schema`; a bad flag is INVALID_INPUT naming it. */
export function parseFlags<T extends z.ZodType>(schema: T, flags: unknown): z.output<T> {
  const parsed = schema.safeParse(flags);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = String(issue?.path[0] ?? "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  throw new AppError("INVALID_INPUT", `--${flag}: ${issue?.message ?? "invalid value"}`);
}

/** `--dataset all` reads every dataset. */
export function datasetOf(flag: string): string | null {
  return flag === "all" ? null : flag;
}

export function addModelFlags(command: Command): Command {
  return command
    .addOption(new Option("--target <target>", "what to forecast").choices(TARGETS))
    .option("--country <iso3...>", "countries (default: the profile's)")
    .option("--dataset <name>", "count events from this dataset, or `all`", "ucdp")
    .option("--samples <n>", "predictive samples per forecast", "1000")
    .option("--seed <n>", "random seed", "1")
    .option("--json", "print machine-readable JSON");
}

const forecastFlagsSchema = modelFlagsSchema.extend({
  by: z.enum(["country", "admin1"]).default("country"),
  horizons: z.coerce.number().int().min(1).max(24).default(6),
  save: z.boolean().default(true),
});

export interface UnitForecast {
  series: string;
  country: string;
  admin1: string | null;
  forecast: SeriesForecast | null;
  /** Why there is no forecast, when there is none. */
  reason?: string;
}

/** Rows for the `forecasts` table: every model and horizon of one series. */
export function forecastRows(
  unit: UnitForecast,
  fingerprint: string,
  dataset: string | null,
): ForecastInsert[] {
  const forecast = unit.forecast;
  if (forecast === null) return [];
  const originEnd = lastDayOfMonth(forecast.origin);
  return forecast.models.flatMap((m) =>
    m.horizons.map((h: HorizonSummary) => ({
      questionId: null,
      target: unit.series,
      model: m.model,
      horizonDays: lastDayOfMonth(h.month) - originEnd,
      probability: null,
      point: h.point,
      quantiles: h.quantiles,
      details: {
        origin: forecast.origin,
        month: h.month,
        horizonMonths: h.horizon,
        mean: h.mean,
        exceedance: h.exceedance,
        dataset,
        fingerprint,
        ...(m.model === "ensemble" ? { weights: forecast.weights[String(h.horizon)] } : {}),
      },
    })),
  );
}

function fingerprintOf(
  history: MonthlyHistory,
  flags: { seed: number; samples: number; horizons: number },
): string {
  const observed = history.values.filter((v): v is number => v !== null);
  const total = observed.reduce((s, v) => s + v, 0);
  const last = history.events[history.events.length - 1]?.day ?? 0;
  return [
    history.start,
    history.values.length,
    observed.length,
    total,
    history.events.length,
    last,
    flags.seed,
    flags.samples,
    flags.horizons,
  ].join("|");
}

/** Forecasts one series and, unless told not to, stores them (once per data fingerprint). */
async function forecastUnit(
  db: Sql,
  key: SeriesKey,
  flags: z.output<typeof forecastFlagsSchema>,
): Promise<UnitForecast> {
  const series = seriesLabel(key);
  const base = { series, country: key.country, admin1: key.admin1 };
  const history = await loadHistory(db, key);
  if (history === null) return { ...base, forecast: null, reason: "no imported file covers it" };
  const forecast = forecastSeries(history, { ...flags, models: defaultModels() });
  if (forecast === null) {
    return { ...base, forecast: null, reason: "its last covered month has no data" };
  }
  const unit = { ...base, forecast };
  const fingerprint = fingerprintOf(history, flags);
  if (flags.save && !(await hasForecast(db, series, fingerprint))) {
    await saveForecasts(db, forecastRows(unit, fingerprint, key.dataset));
  }
  return unit;
}

async function forecastUnits(
  db: Sql,
  flags: z.output<typeof forecastFlagsSchema>,
  countries: readonly string[],
): Promise<UnitForecast[]> {
  const dataset = datasetOf(flags.dataset);
  const units: UnitForecast[] = [];
  for (const country of countries) {
    const admins = flags.by === "admin1" ? await admin1Units(db, { country, dataset }) : [null];
    for (const admin1 of admins) {
      units.push(await forecastUnit(db, { country, admin1, target: flags.target, dataset }, flags));
    }
  }
  return units;
}

function round(value: number): string {
  return value >= 10 ? String(Math.round(value)) : value.toFixed(1);
}

export function formatForecasts(units: readonly UnitForecast[], target: Target): string {
  const lines: string[] = [];
  for (const unit of units) {
    if (unit.forecast === null) {
      lines.push(`${unit.series}: no forecast (${unit.reason ?? "no data"})`, "");
      continue;
    }
    const { origin, models, weights, skillOrigins } = unit.forecast;
    const shown = models.find((m) => m.model === "ensemble") ?? models[0];
    const mix = Object.entries(weights["1"] ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([m, w]) => `${m} ${Math.round(w * 100)}%`)
      .join(", ");
    lines.push(
      `${unit.series} — monthly ${target} after ${origin} (${shown?.model ?? "no model"}; 1-month weights: ${mix || "equal"}, scored on ${skillOrigins} past origins)`,
      "  month     point   50% interval      90% interval       P(≥25)  P(≥100)",
    );
    for (const h of shown?.horizons ?? []) {
      const q = (level: string) => round(h.quantiles[level] ?? Number.NaN);
      lines.push(
        `  ${h.month}  ${round(h.point).padStart(6)}   ${`[${q("0.25")}, ${q("0.75")}]`.padEnd(16)}  ${`[${q("0.05")}, ${q("0.95")}]`.padEnd(17)}  ${(h.exceedance["25"] ?? 0).toFixed(2).padStart(6)}  ${(h.exceedance["100"] ?? 0).toFixed(2).padStart(7)}`,
      );
    }
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

export function registerForecast(program: Command, io: Io): void {
  addModelFlags(
    program
      .command("forecast")
      .description(
        "forecast monthly fatalities (or events) per country, 1–6 months ahead, with intervals",
      ),
  )
    .addOption(
      new Option("--by <unit>", "one series per country or per admin1 unit").choices([
        "country",
        "admin1",
      ]),
    )
    .option("--horizons <n>", "months ahead", "6")
    .option("--no-save", "do not store the forecasts")
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseFlags(forecastFlagsSchema, raw);
      const units = await withStore(command, io, async (db) => {
        const profile = await ensureProfile(db);
        return forecastUnits(db, flags, flags.country ?? profile.region.countries);
      });
      if (flags.json) printJson(io, { target: flags.target, dataset: flags.dataset, units });
      else io.out(formatForecasts(units, flags.target));
    });
}
