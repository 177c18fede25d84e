import type { Command } from "commander";
import { z } from "zod";
import {
  addMonths,
  type BacktestRecord,
  defaultModels,
  type HorizonTable,
  isMonthKey,
  type ModelRow,
  type MonthlyHistory,
  runBacktest,
  summarizeBacktest,
} from "../../analysis/forecast/index.ts";
import { importPath } from "../../app/import.ts";
import { AppError } from "../../domain/errors.ts";
import { createResolver } from "../../domain/profile/index.ts";
import type { Db } from "../../store/db.ts";
import { openPglite } from "../../store/driver-pglite.ts";
import { migrate } from "../../store/migrate.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";
import {
  addModelFlags,
  datasetOf,
  loadHistory,
  modelFlagsSchema,
  parseFlags,
  type SeriesKey,
  seriesLabel,
} from "./forecast.ts";

/** Months of history before the first default origin, so the models have data to fit. */
const WARM_UP_MONTHS = 60;
const HORIZONS = 6;

const month = z.string().refine(isMonthKey, "must be a month written YYYY-MM");

const backtestFlagsSchema = modelFlagsSchema.extend({
  from: month.optional(),
  to: month.optional(),
  ucdp: z.array(z.string().min(1)).optional(),
  records: z.boolean().optional(),
});
type BacktestFlags = z.output<typeof backtestFlagsSchema>;

export interface SeriesBacktest {
  series: string;
  from: string | null;
  to: string | null;
  origins: number;
  table: HorizonTable[];
  records?: BacktestRecord[];
  /** Why there is no table, when there is none. */
  reason?: string;
}

function originRange(history: MonthlyHistory, flags: BacktestFlags): { from: string; to: string } {
  // A series shorter than twice the warm-up starts its origins halfway.
  const warmUp = Math.min(WARM_UP_MONTHS, Math.floor(history.values.length / 2));
  const from = flags.from ?? addMonths(history.start, warmUp);
  const to = flags.to ?? addMonths(history.start, history.values.length - 1);
  if (from > to) throw new AppError("INVALID_INPUT", `--from ${from} is after --to ${to}`);
  return { from, to };
}

async function backtestSeries(
  db: Db,
  key: SeriesKey,
  flags: BacktestFlags,
): Promise<SeriesBacktest> {
  const series = seriesLabel(key);
  const history = await loadHistory(db, key);
  if (history === null) {
    return {
      series,
      from: null,
      to: null,
      origins: 0,
      table: [],
      reason: "no imported file covers it",
    };
  }
  const range = originRange(history, flags);
  const records = runBacktest(history, {
    models: defaultModels(),
    ...range,
    horizons: HORIZONS,
    samples: flags.samples,
    seed: flags.seed,
  });
  const origins = new Set(records.map((r) => r.origin)).size;
  const result: SeriesBacktest = { series, ...range, origins, table: summarizeBacktest(records) };
  if (origins === 0) result.reason = "no origin in the range has a later month to score";
  if (flags.records) result.records = records;
  return result;
}

async function backtestAll(db: Db, flags: BacktestFlags): Promise<SeriesBacktest[]> {
  const profile = await ensureProfile(db);
  const out: SeriesBacktest[] = [];
  for (const country of flags.country ?? profile.region.countries) {
    const key = { country, admin1: null, target: flags.target, dataset: datasetOf(flags.dataset) };
    out.push(await backtestSeries(db, key, flags));
  }
  return out;
}

/** Imports the given UCDP files into a throwaway in-memory store and backtests on it. */
async function withImportedFiles<T>(
  files: readonly string[],
  io: Io,
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    const profile = await ensureProfile(db);
    const resolver = createResolver(profile);
    for (const file of files) {
      const result = await importPath(db, "ucdp", file, { profile, resolver });
      io.err(
        `${result.file}: ${result.stored} events in a temporary store (${result.seconds.toFixed(1)} s)`,
      );
    }
    return await fn(db);
  } finally {
    await db.close();
  }
}

function percent(value: number | undefined): string {
  return value === undefined || Number.isNaN(value)
    ? "—"
    : `${value >= 0 ? "+" : ""}${(value * 100).toFixed(0)}%`;
}

function formatRow(horizon: number, row: ModelRow): string {
  const cells = [
    String(horizon).padStart(2),
    row.model.padEnd(16),
    String(row.n).padStart(4),
    row.mseLog.toFixed(3).padStart(8),
    percent(row.skill?.mseLog).padStart(6),
    row.crps.toFixed(1).padStart(8),
    percent(row.skill?.crps).padStart(6),
    row.mis.toFixed(0).padStart(7),
    ...Object.values(row.brier).map((b) => b.toFixed(3).padStart(7)),
  ];
  return cells.join("  ");
}

function verdict(table: HorizonTable): string {
  const skillOf = (model: string, key: "mseLog" | "crps") =>
    table.rows.find((r) => r.model === model)?.skill?.[key];
  const { mseLog, crps } = table.best;
  const beats = mseLog !== "no-change" && crps !== "no-change";
  return `      best: MSE ${mseLog} (${percent(skillOf(mseLog, "mseLog"))}), CRPS ${crps} (${percent(skillOf(crps, "crps"))}) — ${beats ? "beats no-change on both" : "does not beat no-change on both"}`;
}

export function formatBacktest(results: readonly SeriesBacktest[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.table.length === 0) {
      lines.push(`${result.series}: no backtest (${result.reason ?? "no data"})`, "");
      continue;
    }
    const thresholds = Object.keys(result.table[0]?.rows[0]?.brier ?? {});
    lines.push(
      `${result.series} per month: rolling origins ${result.from} … ${result.to} (${result.origins} scored), reference no-change; skill = 1 − score/no-change's`,
      ` h  model               n  MSE(log1p)  skill     CRPS  skill    MIS90  ${thresholds.map((t) => `B(≥${t})`.padStart(7)).join("  ")}`,
    );
    for (const table of result.table) {
      for (const row of table.rows) lines.push(formatRow(table.horizon, row));
      lines.push(verdict(table));
    }
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

export function registerBacktest(program: Command, io: Io): void {
  addModelFlags(
    program
      .command("backtest")
      .description("score every model against no-change on rolling origins, 1–6 months ahead"),
  )
    .option("--from <YYYY-MM>", "first origin month (default: 5 years after the data start)")
    .option("--to <YYYY-MM>", "last origin month (default: the last month of data)")
    .option("--ucdp <files...>", "backtest on these UCDP files, imported into a temporary store")
    .option("--records", "with --json: every scored forecast")
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseFlags(backtestFlagsSchema, raw);
      const run = (db: Db) => backtestAll(db, flags);
      const results = flags.ucdp
        ? await withImportedFiles(flags.ucdp, io, run)
        : await withStore(command, io, run);
      if (flags.json) printJson(io, { target: flags.target, horizons: HORIZONS, series: results });
      else io.out(formatBacktest(results));
    });
}
