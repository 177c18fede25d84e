import { type Command, Option } from "commander";
import {
  assessDemand,
  type DemandAssessment,
  demandCategories,
  type Evidence,
  earlierDate,
  formatEventRef,
  isIsoDate,
  type Period,
  parsePeriodKey,
  periodsEndingAt,
  SCORE_LABELS,
} from "../../analysis/index.ts";
import { AppError } from "../../domain/errors.ts";
import { createResolver, type Profile } from "../../domain/profile/index.ts";
import type { Db } from "../../store/db.ts";
import {
  type AssessmentRow,
  latestAssessments,
  loadEvents,
  replaceEvidence,
  saveComputedAssessment,
  saveOverride,
} from "../../store/queries/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

export const DEMAND_UNITS = ["month", "quarter"] as const;
type DemandUnit = (typeof DEMAND_UNITS)[number];

export interface DemandView extends DemandAssessment {
  /** The latest analyst override of this demand and period, shown beside the computed score. */
  override: AssessmentRow | null;
  /** True when the computed score today differs from the one the override was made against. */
  isOverrideStale: boolean;
}

export interface DemandsResult {
  asOf: string;
  unit: DemandUnit;
  scale: typeof SCORE_LABELS;
  periods: {
    period: string;
    start: string;
    end: string;
    isComplete: boolean;
    demands: DemandView[];
  }[];
}

/** Today's date in UTC: the CLI's default `--as-of` (analysis code never reads the clock). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A day given on the command line (`--as-of`, `--since`); `--as-of` defaults to today. */
export function parseAsOf(value: string | undefined, flag = "--as-of"): string {
  if (value === undefined) return today();
  if (!isIsoDate(value.trim())) {
    throw new AppError("INVALID_INPUT", `${flag} "${value}" is not a date written YYYY-MM-DD`);
  }
  return value.trim();
}

/** Assesses every demand of the profile in one period and stores evidence and computed scores. */
async function assessPeriod(
  db: Db,
  profile: Profile,
  period: Period,
  asOf: string,
): Promise<DemandAssessment[]> {
  const events = await loadEvents(db, {
    from: period.start,
    to: earlierDate(asOf, period.end),
    categories: demandCategories(profile.demands),
  });
  const matches = createResolver(profile).matches;
  const assessments = profile.demands.map((demand) =>
    assessDemand(demand, events, { period, asOf, matches }),
  );
  await db.transaction(async (tx) => {
    for (const a of assessments) {
      const links = [
        ...a.progress.map((e) => ({ eventId: e.id, kind: "progress" as const, rules: e.rules })),
        ...a.breach.map((e) => ({ eventId: e.id, kind: "breach" as const, rules: e.rules })),
      ];
      await replaceEvidence(tx, a.demandId, a.period, links);
      await saveComputedAssessment(tx, {
        demandId: a.demandId,
        period: a.period,
        score: a.computed.score,
        reason: a.computed.reason,
      });
    }
  });
  return assessments;
}

export async function computeDemands(
  db: Db,
  profile: Profile,
  query: { unit: DemandUnit; asOf: string; periods: number },
): Promise<DemandsResult> {
  const periods = periodsEndingAt(query.asOf, query.unit, query.periods);
  const assessed: DemandAssessment[][] = [];
  for (const period of periods) assessed.push(await assessPeriod(db, profile, period, query.asOf));
  const { overrides } = await latestAssessments(
    db,
    periods.map((p) => p.key),
  );
  const overrideOf = (a: DemandAssessment) =>
    overrides.find((o) => o.demandId === a.demandId && o.period === a.period) ?? null;
  return {
    asOf: query.asOf,
    unit: query.unit,
    scale: SCORE_LABELS,
    periods: periods.map((period, i) => ({
      period: period.key,
      start: period.start,
      end: earlierDate(query.asOf, period.end),
      isComplete: query.asOf >= period.end,
      demands: (assessed[i] ?? []).map((a) => {
        const override = overrideOf(a);
        const isOverrideStale = override !== null && override.computedScore !== a.computed.score;
        return { ...a, override, isOverrideStale };
      }),
    })),
  };
}

export interface OverrideInput {
  demandId: string;
  period: string;
  score: string;
  reason: string;
  author: string;
  asOf: string;
}

/** Validates and stores an override; the period's computed assessment is brought up to date first. */
export async function overrideDemand(
  db: Db,
  profile: Profile,
  input: OverrideInput,
): Promise<{ override: AssessmentRow; computed: DemandAssessment }> {
  const demand = profile.demands.find((d) => d.id === input.demandId);
  if (demand === undefined) {
    const known = profile.demands.map((d) => d.id).join(", ");
    throw new AppError(
      "NOT_FOUND",
      `no demand "${input.demandId}" in profile ${profile.id} (${known})`,
    );
  }
  const period = parsePeriodKey(input.period);
  if (period === null || (period.unit !== "month" && period.unit !== "quarter")) {
    throw new AppError(
      "INVALID_INPUT",
      `period "${input.period}" is not a month (2026-03) or a quarter (2026-Q1)`,
    );
  }
  if (period.start > input.asOf) {
    throw new AppError("INVALID_INPUT", `period ${period.key} has not started by ${input.asOf}`);
  }
  if (!/^[0-3]$/.test(input.score.trim())) {
    throw new AppError("INVALID_INPUT", `score "${input.score}" is not 0, 1, 2 or 3`);
  }
  const reason = input.reason.trim();
  if (reason === "") throw new AppError("INVALID_INPUT", "--reason TEXT is required: say why");
  const author = input.author.trim();
  if (author === "") throw new AppError("INVALID_INPUT", "--author must not be empty");
  const assessed = await assessPeriod(db, profile, period, input.asOf);
  const computed = assessed.find((a) => a.demandId === demand.id);
  if (computed === undefined)
    throw new AppError("INTERNAL", `demand ${demand.id} was not assessed`);
  const override = await saveOverride(db, {
    demandId: demand.id,
    period: period.key,
    score: Number(input.score),
    computedScore: computed.computed.score,
    reason,
    author,
  });
  return { override, computed };
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
      const asOf = parseAsOf(flags.asOf);
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
          asOf: parseAsOf(flags.asOf),
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
