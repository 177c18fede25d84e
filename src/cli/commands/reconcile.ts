import type { Command } from "commander";
import { AppError } from "../../domain/errors.ts";
import { actorParentsOf } from "../../reconcile/index.ts";
import type { Db } from "../../store/db.ts";
import {
  type AuditEntry,
  type ClusterChange,
  type DecisionResult,
  listReconcileAudit,
  loadEventSources,
  type ReconcileReport,
  type ReconcileStoreOptions,
  reconcileStore,
  reconcileTotals,
  recordDecision,
  type SourceTotals,
} from "../../store/reconcile-queries.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function parseSince(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new AppError("INVALID_INPUT", `--since "${value}" is not a date (YYYY-MM-DD)`);
  }
  return value;
}

function parseEventId(value: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
    throw new AppError("INVALID_INPUT", `"${value}" is not an event id`);
  }
  return id;
}

function defaultAuthor(): string {
  return process.env.USER?.trim() || "analyst";
}

async function storeOptions(db: Db): Promise<ReconcileStoreOptions> {
  return { actorParents: actorParentsOf(await ensureProfile(db)) };
}

function killed(f: ClusterChange["fatalities"]): string {
  if (f.best === null) return "killed ?";
  return f.low === f.best && f.high === f.best
    ? `killed ${f.best}`
    : `killed ${f.best} (${f.low ?? "?"}–${f.high ?? "?"})`;
}

function formatChange(sign: string, c: ClusterChange): string {
  const reports = c.reports > 1 ? `, ${c.reports} GDELT reports` : "";
  return `  ${sign} event ${c.eventId}  ${c.date}  ${c.place ?? "(no place)"}  ${killed(c.fatalities)}  score ≥ ${c.minScore}${reports}\n      ${c.keys.join("  ")}`;
}

const newestFirst = (a: ClusterChange, b: ClusterChange) =>
  b.date.localeCompare(a.date) || a.eventId - b.eventId;

export function formatReport(
  report: ReconcileReport,
  totals: SourceTotals,
  options: { limit: number; isFull: boolean },
): string {
  const looked = options.isFull ? "all reconsidered" : `${report.dirty} new or changed`;
  const lines = [
    `reconciled ${report.records} records (${looked}): ${report.created.length} events merged, ${report.changed.length} changed, ${report.dissolved.length} dissolved`,
  ];
  const limit = options.limit;
  const shown = [
    ...[...report.created].sort(newestFirst).map((c) => formatChange("+", c)),
    ...[...report.changed].sort(newestFirst).map((c) => formatChange("~", c)),
  ];
  lines.push(...shown.slice(0, limit));
  if (shown.length > limit) lines.push(`  … and ${shown.length - limit} more (--json lists all)`);
  if (report.dissolved.length > 0) lines.push(`  - events ${report.dissolved.join(", ")}`);
  const perSource = Object.entries(totals.records)
    .map(([d, n]) => `${d} ${n}`)
    .join(", ");
  lines.push(
    `store: ${totals.events} events (${totals.clusters} from several records); source records: ${perSource || "none"}`,
  );
  return lines.join("\n");
}

function formatDecision(kind: string, r: DecisionResult): string {
  return `${kind} stored (decision ${r.decisionId}): events ${r.eventsBefore.join(", ")} → ${r.eventsAfter.join(", ")}`;
}

function formatAudit(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return "no merges or splits by analysts yet";
  return entries
    .map(
      (e) =>
        `${e.createdAt.slice(0, 16).replace("T", " ")}  ${e.action} by ${e.author}: "${e.reason}"  events ${e.eventsBefore.join(", ")} → ${e.eventsAfter.join(", ")}\n    ${e.recordKeys.join("  ")}${e.apartKeys.length > 0 ? `\n    apart from: ${e.apartKeys.join("  ")}` : ""}`,
    )
    .join("\n");
}

interface RunFlags {
  since?: string;
  all?: boolean;
  json?: boolean;
  limit: string;
}

interface DecisionFlags {
  reason?: string;
  author?: string;
  json?: boolean;
}

function requireReason(flags: DecisionFlags): string {
  if (flags.reason === undefined || flags.reason.trim() === "") {
    throw new AppError("INVALID_INPUT", "--reason is required: say why, for the audit log");
  }
  return flags.reason;
}

function registerDecisions(reconcile: Command, io: Io): void {
  reconcile
    .command("merge")
    .description("make these events one event (kept on every later run, audited)")
    .argument("<event-ids...>", "two or more event ids")
    .option("--reason <text>", "why (required)")
    .option("--author <name>", "who merges (default: $USER)")
    .option("--json", "print JSON")
    .action(async (ids: string[], flags: DecisionFlags, command: Command) => {
      const reason = requireReason(flags);
      const eventIds = ids.map(parseEventId);
      const author = flags.author ?? defaultAuthor();
      const result = await withStore(command, io, async (db) =>
        recordDecision(db, { kind: "merge", eventIds, author, reason }, await storeOptions(db)),
      );
      if (flags.json) printJson(io, result);
      else io.out(formatDecision("merge", result));
    });
  reconcile
    .command("split")
    .description("take these records out of an event, as one event of their own (audited)")
    .argument("<event-id>", "the event")
    .argument("<record-keys...>", "records to take out, as <dataset>:<native id>")
    .option("--reason <text>", "why (required)")
    .option("--author <name>", "who splits (default: $USER)")
    .option("--json", "print JSON")
    .action(async (id: string, keys: string[], flags: DecisionFlags, command: Command) => {
      const reason = requireReason(flags);
      const eventId = parseEventId(id);
      const author = flags.author ?? defaultAuthor();
      const result = await withStore(command, io, async (db) =>
        recordDecision(
          db,
          { kind: "split", eventId, keys, author, reason },
          await storeOptions(db),
        ),
      );
      if (flags.json) printJson(io, result);
      else io.out(formatDecision("split", result));
    });
}

function registerViews(reconcile: Command, io: Io): void {
  reconcile
    .command("log")
    .description("the analysts' merges and splits, newest first")
    .option("--json", "print JSON")
    .action(async (flags: { json?: boolean }, command: Command) => {
      const entries = await withStore(command, io, (db) => listReconcileAudit(db));
      if (flags.json) printJson(io, entries);
      else io.out(formatAudit(entries));
    });
  reconcile
    .command("sources")
    .description("the source records behind an event")
    .argument("<event-id>", "the event")
    .option("--json", "print JSON")
    .action(async (id: string, flags: { json?: boolean }, command: Command) => {
      const eventId = parseEventId(id);
      const sources = await withStore(command, io, (db) => loadEventSources(db, eventId));
      if (sources.length === 0) throw new AppError("NOT_FOUND", `event ${eventId} has no sources`);
      if (flags.json) printJson(io, sources);
      else {
        io.out(
          sources
            .map(
              (s) =>
                `${s.dataset}:${s.nativeId}  ${s.date}  ${s.place ?? ""}  killed ${s.fatalitiesBest ?? "?"}`,
            )
            .join("\n"),
        );
      }
    });
}

export function registerReconcile(program: Command, io: Io): void {
  const reconcile = program
    .command("reconcile")
    .description("merge the records that report one event into one event; print what merged")
    .option("--since <date>", "only new or changed records of events ending on or after this day")
    .option("--all", "reconsider every record, not only new or changed ones")
    .option("--limit <n>", "events to list", "50")
    .option("--json", "print JSON")
    .action(async (flags: RunFlags, command: Command) => {
      const since = parseSince(flags.since);
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 0) {
        throw new AppError("INVALID_INPUT", `--limit "${flags.limit}" is not a whole number`);
      }
      const { report, totals } = await withStore(command, io, async (db) => {
        const options = { ...(await storeOptions(db)), since, isFull: flags.all === true };
        const report = await reconcileStore(db, options);
        return { report, totals: await reconcileTotals(db) };
      });
      if (flags.json) printJson(io, { ...report, totals });
      else io.out(formatReport(report, totals, { limit, isFull: flags.all === true }));
    });
  registerDecisions(reconcile, io);
  registerViews(reconcile, io);
}
