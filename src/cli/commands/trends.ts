import { type Command, Option } from "commander";
import {
  buildTrendRows,
  type Comparison,
  type CrossBorderItem,
  closureItems,
  closureRung,
  closures,
  countByPeriod,
  crossBorderGroup,
  type EventRef,
  eventRef,
  type Figures,
  formatEventRef,
  lookbackStart,
  type PeriodUnit,
  pairActors,
  pairOf,
  parseCrossBorderGroup,
  parseDateBound,
  periodOf,
  sumRows,
  type TrendCount,
  type TrendRow,
} from "../../analysis/index.ts";
import { AppError } from "../../domain/errors.ts";
import { createResolver, type Profile } from "../../domain/profile/index.ts";
import type { Sql } from "../../store/db.ts";
import {
  countCrossBorder,
  countTrends,
  eventDateRange,
  latestCrossBorder,
  loadEvents,
  loadEventsById,
  TREND_GROUPS,
  type TrendGroup,
} from "../../store/queries/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

export const TREND_UNITS = ["day", "week", "month"] as const;
export const CROSS_BORDER_GROUP = "crossborder";
type Grouping = TrendGroup | typeof CROSS_BORDER_GROUP;

export interface TrendsQuery {
  unit: PeriodUnit;
  group: Grouping;
  /** Date bounds as given (a day, a month or a year); default: the stored events' range. */
  from?: string;
  to?: string;
  explain?: boolean;
  /** Cross-border view: how many of the latest events to list. */
  latest?: number;
}

export interface TrendsResult {
  unit: PeriodUnit;
  group: Grouping;
  from: string | null;
  to: string | null;
  rows: TrendRow[];
  totals: Figures;
  /** Cross-border view: the latest events with their kind and sources. */
  latest?: CrossBorderItem[];
  /** With `explain`: every event behind the rows, by id. */
  events?: EventRef[];
}

function bound(value: string | undefined, side: "start" | "end", flag: string): string | null {
  if (value === undefined) return null;
  const date = parseDateBound(value, side);
  if (date === null) {
    throw new AppError(
      "INVALID_INPUT",
      `${flag} "${value}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`,
    );
  }
  return date;
}

/** The periods asked for, whole: from the start of `from`'s period to the end of `to`'s. */
async function resolveRange(
  db: Sql,
  query: TrendsQuery,
): Promise<{ from: string; to: string } | null> {
  const given = { from: bound(query.from, "start", "--from"), to: bound(query.to, "end", "--to") };
  const stored = given.from !== null && given.to !== null ? null : await eventDateRange(db);
  const from = given.from ?? stored?.first ?? null;
  const to = given.to ?? stored?.last ?? null;
  if (from === null || to === null) return null;
  if (from > to) throw new AppError("INVALID_INPUT", `--from ${from} is after --to ${to}`);
  return { from: periodOf(from, query.unit).start, to: periodOf(to, query.unit).end };
}

type CrossBorderFilter = {
  from: string;
  to: string;
  pair: [string, string];
  actors: ReturnType<typeof pairActors>;
};

/** The latest classified events, with their kind, direction and sources. */
async function latestClassified(
  db: Sql,
  filter: CrossBorderFilter,
  limit: number,
): Promise<CrossBorderItem[]> {
  const rows = await latestCrossBorder(db, { ...filter, limit });
  const events = new Map(
    (
      await loadEventsById(
        db,
        rows.map((r) => r.id),
      )
    ).map((e) => [e.id, e]),
  );
  return rows.flatMap((row) => {
    const event = events.get(row.id);
    const label = parseCrossBorderGroup(row.grp);
    return event === undefined || label === null ? [] : [{ ...eventRef(event), ...label }];
  });
}

/** Cross-border counts (SQL) plus border closures (matched on the closure rung's candidates). */
async function crossBorderCounts(
  db: Sql,
  profile: Profile,
  query: TrendsQuery & { readFrom: string; to: string },
): Promise<{ counts: TrendCount[]; latest: CrossBorderItem[] }> {
  const filter = {
    from: query.readFrom,
    to: query.to,
    pair: pairOf(profile),
    actors: pairActors(profile),
  };
  const limit = query.latest ?? 10;
  const counts = await countCrossBorder(db, {
    ...filter,
    unit: query.unit,
    withIds: query.explain,
  });
  const latest = await latestClassified(db, filter, limit);
  const rung = closureRung(profile);
  if (rung === null) return { counts, latest };
  const candidates = await loadEvents(db, {
    from: query.readFrom,
    to: query.to,
    categories: rung.pattern.category,
    modes: rung.pattern.mode,
    countries: rung.pattern.country,
  });
  const closed = closures(candidates, rung, createResolver(profile).matches);
  const group = crossBorderGroup("border-closure", null);
  const newestFirst = [...latest, ...closureItems(closed)].sort(
    (a, b) => b.date.localeCompare(a.date) || b.id - a.id,
  );
  return {
    counts: [...counts, ...countByPeriod(closed, query.unit, group, query.explain === true)],
    latest: newestFirst.slice(0, limit),
  };
}

/** Trend rows for the query, with the events behind them when `explain` is set. */
export async function computeTrends(
  db: Sql,
  profile: Profile,
  query: TrendsQuery,
): Promise<TrendsResult> {
  const range = await resolveRange(db, query);
  const base = { unit: query.unit, group: query.group };
  if (range === null) {
    return { ...base, from: null, to: null, rows: [], totals: sumRows([]) };
  }
  const readFrom = lookbackStart(range.from, query.unit);
  const group = query.group;
  const { counts, latest } =
    group === CROSS_BORDER_GROUP
      ? await crossBorderCounts(db, profile, { ...query, readFrom, to: range.to })
      : {
          counts: await countTrends(db, {
            unit: query.unit,
            group,
            from: readFrom,
            to: range.to,
            withIds: query.explain,
          }),
          latest: undefined,
        };
  const rows = buildTrendRows(counts, {
    unit: query.unit,
    ...range,
    grouped: query.group !== "none",
  });
  const result: TrendsResult = { ...base, ...range, rows, totals: sumRows(rows) };
  if (latest !== undefined) result.latest = latest;
  if (query.explain) {
    const events = await loadEventsById(
      db,
      rows.flatMap((r) => r.eventIds ?? []),
    );
    result.events = events.map(eventRef);
  }
  return result;
}

const UNIT_ADJECTIVE: Record<PeriodUnit, string> = {
  day: "daily",
  week: "weekly",
  month: "monthly",
  quarter: "quarterly",
};

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function change(delta: number, pct: number | null, base: number): string {
  if (base === 0) return delta === 0 ? "0" : `${signed(delta)} (new)`;
  return `${signed(delta)} (${pct === null ? "" : `${signed(pct)}%`})`;
}

function changes(c: Comparison): { events: string; fatalities: string } {
  return {
    events: change(c.eventsChange, c.eventsChangePct, c.events),
    fatalities: change(c.fatalitiesChange, c.fatalitiesChangePct, c.fatalities),
  };
}

function killed(f: Figures): string {
  const { best, low, high } = f.fatalities;
  return low === best && high === best ? String(best) : `${best} (${low}–${high})`;
}

function formatTable(rows: readonly string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function formatTrends(result: TrendsResult): string {
  if (result.from === null) return "no events in the store: import data first (frontier import …)";
  const head = `${UNIT_ADJECTIVE[result.unit]} events and fatalities, ${result.from} … ${result.to}${
    result.group === "none" ? "" : `, by ${result.group}`
  } (changes: against the previous period | the same period a year before)`;
  const table: string[][] = [
    ["period", "group", "events", "vs prev", "vs year", "killed (low–high)", "vs prev", "vs year"],
  ];
  const refs = new Map((result.events ?? []).map((e) => [e.id, e]));
  const lines: string[] = [];
  for (const row of result.rows) {
    const prev = changes(row.vsPrevious);
    const year = changes(row.vsYearBefore);
    table.push([
      row.period,
      row.group ?? "—",
      String(row.events),
      prev.events,
      year.events,
      killed(row),
      prev.fatalities,
      year.fatalities,
    ]);
  }
  lines.push(head, formatTable(table));
  const t = result.totals;
  lines.push(
    `total: ${t.events} events, ${killed(t)} killed (${t.withFatalities} events with an estimate)`,
  );
  if (result.events !== undefined) {
    for (const row of result.rows) {
      if ((row.eventIds ?? []).length === 0) continue;
      lines.push(`\n${row.period} ${row.group ?? ""}:`);
      for (const id of row.eventIds ?? []) {
        const ref = refs.get(id);
        if (ref !== undefined) lines.push(`  ${formatEventRef(ref)}`);
      }
    }
  }
  if (result.latest !== undefined) {
    lines.push("\nlatest cross-border events:");
    for (const item of result.latest) {
      lines.push(`  ${crossBorderGroup(item.kind, item.direction)}  ${formatEventRef(item)}`);
    }
  }
  return lines.join("\n");
}

function csvCell(value: Cell): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

type Cell = string | number | null;

function comparisonCells(prefix: string, c: Comparison): [string, Cell][] {
  return [
    [`${prefix}_period`, c.period],
    [`${prefix}_events`, c.events],
    [`${prefix}_fatalities`, c.fatalities],
    [`${prefix}_events_change_pct`, c.eventsChangePct],
    [`${prefix}_fatalities_change_pct`, c.fatalitiesChangePct],
  ];
}

/** One CSV record per row: its figures, then its two comparisons (and its events with --explain). */
function csvRecord(r: TrendRow, withIds: boolean): [string, Cell][] {
  const own: [string, Cell][] = Object.entries({
    period: r.period,
    start: r.start,
    end: r.end,
    group: r.group,
    events: r.events,
    fatalities_best: r.fatalities.best,
    fatalities_low: r.fatalities.low,
    fatalities_high: r.fatalities.high,
    events_with_fatalities: r.withFatalities,
  });
  const ids: [string, Cell][] = withIds ? [["event_ids", (r.eventIds ?? []).join(" ")]] : [];
  return [
    ...own,
    ...comparisonCells("prev", r.vsPrevious),
    ...comparisonCells("year_before", r.vsYearBefore),
    ...ids,
  ];
}

export function formatTrendsCsv(result: TrendsResult): string {
  const withIds = result.events !== undefined;
  const records = result.rows.map((row) => csvRecord(row, withIds));
  // Without rows, the names come from an empty row of any period.
  const [empty] = buildTrendRows([], {
    unit: "day",
    from: "2000-01-01",
    to: "2000-01-01",
    grouped: false,
  });
  const first = records[0] ?? (empty === undefined ? [] : csvRecord(empty, withIds));
  const header = first.map(([name]) => name);
  return [header.join(","), ...records.map((rec) => rec.map(([, v]) => csvCell(v)).join(","))].join(
    "\n",
  );
}

interface TrendsFlags {
  by: (typeof TREND_UNITS)[number];
  group: Grouping;
  from?: string;
  to?: string;
  json?: boolean;
  csv?: boolean;
  explain?: boolean;
  latest: string;
}

export function registerTrends(program: Command, io: Io): void {
  program
    .command("trends")
    .description(
      "events and fatalities per period and group, with changes; --group crossborder for the cross-border view",
    )
    .addOption(new Option("--by <unit>", "period").choices(TREND_UNITS).default("month"))
    .addOption(
      new Option("--group <group>", "group rows by")
        .choices([...TREND_GROUPS, CROSS_BORDER_GROUP])
        .default("none"),
    )
    .option("--from <date>", "first period: a day, month or year (default: the first event)")
    .option("--to <date>", "last period: a day, month or year (default: the last event)")
    .option("--latest <n>", "cross-border view: how many latest events to list", "10")
    .option("--explain", "list the events behind every row")
    .addOption(new Option("--json", "print JSON").conflicts("csv"))
    .option("--csv", "print CSV")
    .action(async (flags: TrendsFlags, command: Command) => {
      const latest = Number(flags.latest);
      if (!Number.isInteger(latest) || latest < 0 || latest > 1000) {
        throw new AppError(
          "INVALID_INPUT",
          `--latest "${flags.latest}" is not a whole number from 0 to 1000`,
        );
      }
      const result = await withStore(command, io, async (db) =>
        computeTrends(db, await ensureProfile(db), {
          unit: flags.by,
          group: flags.group,
          from: flags.from,
          to: flags.to,
          explain: flags.explain,
          latest,
        }),
      );
      if (flags.json) printJson(io, result);
      else if (flags.csv) io.out(formatTrendsCsv(result));
      else io.out(formatTrends(result));
    });
}
