import { type Command, Option } from "commander";
import {
  buildTrendRows,
  type Comparison,
  crossBorderGroup,
  type Figures,
  formatEventRef,
  type PeriodUnit,
  type TrendRow,
} from "../../analysis/index.ts";
import {
  CROSS_BORDER_GROUP,
  computeTrends,
  TREND_UNITS,
  type TrendGrouping,
  type TrendsResult,
} from "../../app/trends.ts";
import { csvField } from "../../domain/csv.ts";
import { AppError } from "../../domain/errors.ts";
import { TREND_GROUPS } from "../../store/queries/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

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
  return [
    header.join(","),
    ...records.map((rec) => rec.map(([, v]) => csvField(v)).join(",")),
  ].join("\n");
}

interface TrendsFlags {
  by: (typeof TREND_UNITS)[number];
  group: TrendGrouping;
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
