import { type Command, Option } from "commander";
import { type Evidence, formatEventRef, SCORE_LABELS } from "../../analysis/index.ts";
import {
  computeDemands,
  DEMAND_UNITS,
  type DemandsResult,
  type DemandUnit,
  type DemandView,
  type OverrideInput,
  overrideDemand,
  parseAsOf,
} from "../../app/demands.ts";
import { AppError } from "../../domain/errors.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

/** Today's date in UTC: the CLI's default `--as-of` (the clock is read here, at the edge). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const SHOWN_EVIDENCE = 3;

function formatEvidence(label: string, list: readonly Evidence[], explain: boolean): string[] {
  if (list.length === 0) return [`    ${label}: none`];
  const shown = explain ? list : list.slice(-SHOWN_EVIDENCE);
  const more =
    explain || list.length <= SHOWN_EVIDENCE
      ? ""
      : `, latest ${SHOWN_EVIDENCE} (--explain lists all)`;
  return [
    `    ${label}: ${list.length} event${list.length === 1 ? "" : "s"}${more}`,
    ...shown.map((e) => `      ${formatEventRef(e)} rule ${e.rules.map((r) => r + 1).join(",")}`),
  ];
}

function formatOverride(view: DemandView): string[] {
  const o = view.override;
  if (o === null) return [];
  const stale = view.isOverrideStale
    ? ` — computed was ${o.computedScore ?? "?"} then, is ${view.computed.score} now`
    : "";
  return [
    `    override: ${o.score} ${SCORE_LABELS[o.score as 0 | 1 | 2 | 3] ?? ""} by ${o.author}, ${o.createdAt.slice(0, 16).replace("T", " ")}: "${o.reason}"${stale}`,
  ];
}

export function formatDemands(result: DemandsResult, explain: boolean): string {
  const lines = [
    `Demand compliance as of ${result.asOf}, Peace Accords Matrix scale: ${Object.entries(
      result.scale,
    )
      .map(([score, label]) => `${score} ${label}`)
      .join(", ")}`,
  ];
  for (const p of result.periods) {
    const running = p.isComplete ? "" : ", still running";
    lines.push(`\n${p.period} (${p.start} … ${p.end}${running})`);
    for (const d of p.demands) {
      lines.push(
        `  ${d.demandId} — ${d.title}: computed ${d.computed.score} ${d.computed.label} (${d.computed.basis})`,
      );
      lines.push(...formatOverride(d));
      lines.push(...formatEvidence("progress", d.progress, explain));
      lines.push(...formatEvidence("breach", d.breach, explain));
    }
    const datasets = p.demands[0]?.datasets ?? [];
    lines.push(
      `  datasets examined: ${datasets.length === 0 ? "none (no events in the period)" : datasets.join(", ")}`,
    );
  }
  return lines.join("\n");
}

interface DemandsFlags {
  period: DemandUnit;
  asOf?: string;
  periods: string;
  json?: boolean;
  explain?: boolean;
}

function parseCount(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new AppError(
      "INVALID_INPUT",
      `${flag} "${value}" is not a whole number from 1 to ${max}`,
    );
  }
  return n;
}

function defaultAuthor(): string {
  return process.env.USER?.trim() || "analyst";
}

export function registerDemands(program: Command, io: Io): void {
  const demands = program
    .command("demands")
    .description(
      "compliance with each demand of the profile (0–3, with evidence), computed and overridden",
    )
    .addOption(new Option("--period <unit>", "period").choices(DEMAND_UNITS).default("quarter"))
    .option("--as-of <date>", "the day to assess up to (default: today)")
    .option("--periods <n>", "how many periods, ending with the one holding --as-of", "1")
    .option("--explain", "list every evidence event")
    .option("--json", "print JSON")
    .action(async (flags: DemandsFlags, command: Command) => {
      const asOf = parseAsOf(flags.asOf, today);
      const periods = parseCount(flags.periods, "--periods", 120);
      const result = await withStore(command, io, async (db) =>
        computeDemands(db, await ensureProfile(db), { unit: flags.period, asOf, periods }),
      );
      if (flags.json) printJson(io, result);
      else io.out(formatDemands(result, flags.explain === true));
    });
  registerOverride(demands, io);
}

function registerOverride(demands: Command, io: Io): void {
  demands
    .command("override")
    .description("store an analyst's score for a demand and period, beside the computed one")
    .argument("<demand>", "demand id, e.g. effective-action")
    .argument("<period>", "month (2026-03) or quarter (2026-Q1)")
    .argument("<score>", "0 not initiated, 1 minimal, 2 intermediate, 3 full")
    // Checked in the action, not by commander, so that an unknown flag is reported first.
    .option("--reason <text>", "why the computed score is wrong (required)")
    .option("--author <name>", "who overrides (default: $USER)")
    .option("--as-of <date>", "the day to assess the computed score up to (default: today)")
    .option("--json", "print JSON")
    .action(
      async (
        demandId: string,
        period: string,
        score: string,
        flags: { reason?: string; author?: string; asOf?: string; json?: boolean },
        command: Command,
      ) => {
        const input: OverrideInput = {
          demandId,
          period,
          score,
          reason: flags.reason ?? "",
          author: flags.author ?? defaultAuthor(),
          asOf: parseAsOf(flags.asOf, today),
        };
        const result = await withStore(command, io, async (db) =>
          overrideDemand(db, await ensureProfile(db), input),
        );
        if (flags.json) printJson(io, result);
        else {
          const { override: o, computed: c } = result;
          io.out(
            `stored override of ${o.demandId} ${o.period}: ${o.score} by ${o.author} ("${o.reason}"); computed score stays ${c.computed.score} ${c.computed.label} (${c.computed.basis})`,
          );
        }
      },
    );
}
