import type { Command } from "commander";
import { z } from "zod";
import { AppError } from "../../domain/errors.ts";
import { createResolver } from "../../domain/profile/index.ts";
import {
  describeGaps,
  type FileOutcome,
  GDELT_BASE_URL,
  type GdeltSyncSummary,
  parseSlotBound,
  syncGdelt,
  syncUcdp,
  UCDP_BASE_URL,
  UCDP_DEFAULT_VERSION,
  type UcdpSyncSummary,
} from "../../sync/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

const httpUrl = z.string().refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
  message: "is not an http(s) URL",
});

const gdeltFlags = z.object({
  since: z.string().optional(),
  until: z.string().optional(),
  latest: z.boolean().optional(),
  baseUrl: httpUrl,
  all: z.boolean().optional(),
  keepFiles: z.boolean().optional(),
  json: z.boolean().optional(),
});

const ucdpFlags = z.object({
  version: z.string(),
  token: z.string().min(1).optional(),
  baseUrl: httpUrl,
  all: z.boolean().optional(),
  keepFiles: z.boolean().optional(),
  json: z.boolean().optional(),
});

function parseFlags<T extends z.ZodType>(schema: T, opts: unknown): z.infer<T> {
  const parsed = schema.safeParse(opts);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = String(issue?.path[0] ?? "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  throw new AppError("INVALID_INPUT", `--${flag} ${issue?.message ?? "is invalid"}`);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export function formatOutcome(outcome: FileOutcome, index: number, total: number): string {
  const at = `[${index + 1}/${total}] ${outcome.name}`;
  if (outcome.status === "failed") return `${at}: FAILED: ${outcome.reason}`;
  const r = outcome.result;
  if (r.alreadyImported) return `${at}: already in the database, nothing changed`;
  return `${at}: read ${r.read}, stored ${r.stored}, updated ${r.updated}, unchanged ${r.unchanged}, skipped by region ${r.skippedRegion}`;
}

export function formatGdeltSummary(s: GdeltSyncSummary): string {
  const window = `${s.since ?? "the start"} … ${s.until ?? "the end of the list"}`;
  const lines = [
    `GDELT sync from ${s.list}, slots ${window}: ${s.listed} export files listed, ` +
      `${s.alreadySynced} already synced, ${s.imported.length} imported, ${s.failed.length} failed` +
      (s.retries ? ` (${s.retries} retries)` : ""),
  ];
  const stored = s.imported.reduce((n, f) => n + f.result.stored, 0);
  const read = s.imported.reduce((n, f) => n + f.result.read, 0);
  if (s.imported.length) lines.push(`rows: read ${read}, stored ${stored}`);
  if (s.gaps.length) {
    lines.push(
      `gaps: ${plural(s.gaps.length, "slot")} with no export file in the list (GDELT published none):`,
    );
    lines.push(...describeGaps(s.gaps).map((g) => `  ${g}`));
  }
  if (s.listProblems.length) {
    lines.push("file list problems:", ...s.listProblems.map((p) => `  ${p}`));
  }
  if (s.failed.length) {
    lines.push("failed:", ...s.failed.map((f) => `  ${f.name}: ${f.reason}`));
  }
  return lines.join("\n");
}

export function formatUcdpSummary(s: UcdpSyncSummary): string {
  const head = `UCDP GED ${s.version}: ${s.rows} events in ${s.pages} pages (TotalCount ${s.totalCount}, TotalPages ${s.totalPages})`;
  const lines = [head + (s.retries ? ` (${s.retries} retries)` : "")];
  const r = s.import;
  if (r?.alreadyImported)
    lines.push("already imported: these pages are in the database, nothing changed");
  else if (r) {
    lines.push(
      `imported: read ${r.read}, stored ${r.stored}, updated ${r.updated}, unchanged ${r.unchanged}, skipped by region ${r.skippedRegion}, rejected ${r.rejected} (${r.seconds.toFixed(1)} s)`,
    );
  }
  if (s.problems.length) lines.push("not imported:", ...s.problems.map((p) => `  ${p}`));
  return lines.join("\n");
}

/** A one-line page counter on a terminal's stderr, like the import's progress bar. */
function drawPage(version: string, page: number, total: number): void {
  process.stderr.write(`\rUCDP GED ${version}: page ${page} of ${total}`);
}

export function registerSync(program: Command, io: Io): void {
  const sync = program
    .command("sync")
    .description("fetch new data from GDELT or the UCDP API and import it");
  registerGdelt(sync, io);
  registerUcdp(sync, io);
}

function registerGdelt(sync: Command, io: Io): void {
  sync
    .command("gdelt")
    .description(
      "follow GDELT 2.0's file list: download each missing export file, check size and md5, import it",
    )
    .option(
      "--since <date>",
      "first slot, UTC: YYYY-MM-DD[THH:MM] (default: where the last sync began)",
    )
    .option("--until <date>", "last slot, UTC (default: the end of the list)")
    .option("--latest", "only the newest slot, from lastupdate.txt")
    .option("--base-url <url>", "where the lists and files are", GDELT_BASE_URL)
    .option("--all", "keep rows outside the profile's region (default: skip and count them)")
    .option("--keep-files", "keep the downloaded zips in <data-dir>/sync/gdelt")
    .option("--json", "print the summary as JSON")
    .action(async (raw: unknown, command: Command) => {
      const opts = parseFlags(gdeltFlags, raw);
      if (opts.latest && (opts.since || opts.until)) {
        throw new AppError("INVALID_INPUT", "--latest cannot be combined with --since or --until");
      }
      const since = opts.since === undefined ? undefined : parseSlotBound(opts.since, "since");
      const until = opts.until === undefined ? null : parseSlotBound(opts.until, "until");
      const summary = await withStore(command, io, async (db, config) => {
        const profile = await ensureProfile(db);
        return syncGdelt(db, {
          dataDir: config.dataDir,
          profile,
          resolver: createResolver(profile),
          baseUrl: opts.baseUrl,
          since,
          until,
          isLatestOnly: opts.latest,
          keepOutsideRegion: opts.all,
          keepFiles: opts.keepFiles,
          onFile: (outcome, i, n) => {
            if (!opts.json) io.out(formatOutcome(outcome, i, n));
          },
        });
      });
      if (opts.json) printJson(io, summary);
      else io.out(formatGdeltSummary(summary));
      if (summary.failed.length > 0) {
        throw new AppError(
          "INTERNAL",
          `${plural(summary.failed.length, "GDELT file")} failed: ${summary.failed.map((f) => f.name).join(", ")}; the others were imported — run the same command again to retry them`,
        );
      }
    });
}

function registerUcdp(sync: Command, io: Io): void {
  sync
    .command("ucdp")
    .description(
      "page through the UCDP GED API and import the release in one all-or-nothing import",
    )
    .option("--version <version>", "GED version", UCDP_DEFAULT_VERSION)
    .option("--token <token>", "UCDP API access token (env UCDP_TOKEN)")
    .option("--base-url <url>", "the API's base URL", UCDP_BASE_URL)
    .option("--all", "keep rows outside the profile's region (default: skip and count them)")
    .option("--keep-files", "keep the fetched pages in <data-dir>/sync/ucdp")
    .option("--json", "print the summary as JSON")
    .action(async (raw: unknown, command: Command) => {
      const opts = parseFlags(ucdpFlags, raw);
      const showPages = io.isTty && !opts.json;
      const summary = await withStore(command, io, async (db, config) => {
        const profile = await ensureProfile(db);
        return syncUcdp(db, {
          dataDir: config.dataDir,
          profile,
          resolver: createResolver(profile),
          version: opts.version,
          token: opts.token ?? (process.env.UCDP_TOKEN || null),
          baseUrl: opts.baseUrl,
          keepOutsideRegion: opts.all,
          keepFiles: opts.keepFiles,
          onPage: showPages ? (page, total) => drawPage(opts.version, page, total) : undefined,
        });
      });
      if (showPages) process.stderr.write("\r\x1b[2K");
      if (opts.json) printJson(io, summary);
      else io.out(formatUcdpSummary(summary));
      if (summary.problems.length > 0) {
        throw new AppError(
          "INTERNAL",
          `UCDP GED ${summary.version} was not imported: ${summary.problems[0]}; run the same command again`,
        );
      }
    });
}
