import { readFile, writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Argument, type Command, InvalidArgumentError } from "commander";
import {
  createRejectSink,
  type ImportPathResult,
  importPath,
  type PreviewResult,
  previewPath,
  type ReadingOptions,
  type RejectSink,
} from "../../app/import.ts";
import { refreshQuestions } from "../../app/questions.ts";
import { AppError } from "../../domain/errors.ts";
import type { Profile } from "../../domain/profile/index.ts";
import { createResolver } from "../../domain/profile/index.ts";
import {
  ACLED_COLUMNS,
  type FileKind,
  formatQualityMarkdown,
  formatQualitySummary,
  parseColumnRenames,
  parseCsvMapping,
  parseEncoding,
  type QualityReport,
  UCDP_COLUMNS,
} from "../../ingest/index.ts";
import type { Db } from "../../store/db.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";
import { createProgress } from "../progress.ts";

interface ImportOptions {
  all?: boolean;
  skipBad?: boolean;
  rejects?: string;
  progress?: boolean;
  json?: boolean;
  mapping?: string;
  encoding?: string;
  columns?: string;
  preview?: number;
  report?: string;
}

const DATASETS = ["acled", "ucdp", "gdelt", "csv", "ucdp-conflicts"] as const;
const SHIPPED_MAPPINGS = new URL("../../../mappings/", import.meta.url);
const DEFAULT_PREVIEW_ROWS = 20;

export function formatResult(r: ImportPathResult): string {
  if (r.alreadyImported) {
    return `${r.file}: already imported (sha256 ${r.sha256.slice(0, 12)}…), nothing changed`;
  }
  return (
    `${r.file}: read ${r.read}, stored ${r.stored}, updated ${r.updated}, unchanged ${r.unchanged}` +
    `${r.deleted ? `, deleted ${r.deleted}` : ""}, skipped by region ${r.skippedRegion}, ` +
    `rejected ${r.rejected}${r.skipped ? `, not events ${r.skipped}` : ""} (${r.seconds.toFixed(1)} s)`
  );
}

export function registerImport(program: Command, io: Io): void {
  program
    .command("import")
    .description(
      "import ACLED, UCDP (GED or UCDP/PRIO conflict-years), GDELT, or any CSV through a mapping; each file all-or-nothing",
    )
    .addArgument(new Argument("<dataset>", "the files' dataset").choices(DATASETS))
    .argument("<files...>", ".csv, .tsv, .json (UCDP API page), .zip or .gz files")
    .option("--all", "keep rows outside the profile's region (default: skip and count them)")
    .option("--skip-bad", "import the good rows and skip bad ones (needs --rejects)")
    .option("--rejects <file>", "write each skipped bad row with its reason to this CSV file")
    .option("--mapping <file>", "csv: the mapping (YAML), or the name of one in mappings/")
    .option("--encoding <name>", "the files' encoding: utf8 (default) or latin1")
    .option(
      "--columns <list>",
      "acled/ucdp: columns named otherwise, FILE_COLUMN=column,… (e.g. Type=event_type)",
    )
    .option(
      "--preview [rows]",
      `show the first mapped rows (default ${DEFAULT_PREVIEW_ROWS}) and every error; store nothing`,
      parseRows,
    )
    .option("--report <file>", "write the data-quality report to FILE (.md or .json)")
    .option("--progress", "print progress lines even when stderr is not a terminal")
    .option("--json", "print the summary as JSON")
    .action(async (dataset: FileKind, files: string[], opts: ImportOptions, command: Command) => {
      if (opts.skipBad && !opts.rejects) {
        throw new AppError(
          "INVALID_INPUT",
          "--skip-bad needs --rejects FILE to say where bad rows go",
        );
      }
      checkReportPath(opts.report);
      const reading = await readingOptions(dataset, opts);
      if (opts.preview !== undefined) {
        await preview(command, io, dataset, files, reading, opts);
        return;
      }
      const rejects: RejectSink | undefined =
        opts.skipBad && opts.rejects ? createRejectSink(opts.rejects) : undefined;
      const results: ImportPathResult[] = [];
      try {
        await withStore(command, io, async (db) => {
          const profile = await ensureProfile(db);
          const resolver = createResolver(profile);
          for (const file of files) {
            const progress = createProgress({
              label: file,
              mode: opts.progress ? "lines" : io.isTty && !opts.json ? "bar" : "off",
              write: (t) => process.stderr.write(t),
            });
            try {
              const result = await importPath(db, dataset, file, {
                ...reading,
                profile,
                resolver,
                keepOutsideRegion: opts.all,
                rejects,
                onProgress: (rows, read, total) => progress.update(rows, read, total),
              });
              progress.done();
              results.push(result);
              if (!opts.json) io.out(formatWithReport(result));
            } catch (error) {
              progress.done();
              const reason = error instanceof Error ? error.message : String(error);
              throw new AppError(
                "INVALID_INPUT",
                `${reason} — nothing from ${file} was stored; fix it and run the same command again (imported files are skipped)`,
                { cause: error },
              );
            }
          }
          if (results.some((r) => r.stored + r.updated + r.deleted > 0)) {
            await refreshAfterImport(db, profile, io, Boolean(opts.json));
          }
        });
      } finally {
        await rejects?.close();
        await writeReport(opts.report, reportsOf(results));
      }
      if (opts.json) printJson(io, { files: results, totals: totals(results) });
      else if (results.length > 1) io.out(`total: ${formatTotals(totals(results))}`);
    });
}

/**
 * Watch questions are recomputed after every import that changed data (issue 8). The import is
 * already committed, so a failure here is a warning, not a failed import.
 */
async function refreshAfterImport(db: Db, profile: Profile, io: Io, quiet: boolean): Promise<void> {
  try {
    const refreshed = await refreshQuestions(db, profile, { seed: 1 });
    const resolved = refreshed.resolved.length ? `, ${refreshed.resolved.length} resolved` : "";
    if (!quiet) io.out(`watch questions: ${refreshed.forecasts} probabilities updated${resolved}`);
  } catch (error) {
    io.err(
      `warning: watch questions not refreshed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function parseRows(value: string): number {
  const rows = Number(value);
  if (!Number.isSafeInteger(rows) || rows < 0) {
    throw new InvalidArgumentError("must be a whole number of rows");
  }
  return rows;
}

function checkReportPath(path: string | undefined): void {
  if (path === undefined) return;
  const ext = extname(path).toLowerCase();
  if (ext !== ".md" && ext !== ".json") {
    throw new AppError("INVALID_INPUT", `--report ${path}: the file must end in .md or .json`);
  }
}

/** Flags that change how files are read, checked before any file is opened. */
async function readingOptions(dataset: FileKind, opts: ImportOptions): Promise<ReadingOptions> {
  const reading: ReadingOptions = {};
  if (opts.encoding !== undefined) {
    const encoding = parseEncoding(opts.encoding);
    if (encoding === null) {
      throw new AppError("INVALID_INPUT", `--encoding ${opts.encoding}: use utf8 or latin1`);
    }
    reading.encoding = encoding;
  }
  if (opts.columns !== undefined) {
    if (dataset !== "acled" && dataset !== "ucdp") {
      throw new AppError("INVALID_INPUT", "--columns is for acled and ucdp files");
    }
    const specs = dataset === "acled" ? ACLED_COLUMNS : UCDP_COLUMNS;
    reading.renames = parseColumnRenames(opts.columns, specs, dataset.toUpperCase());
  }
  if (dataset === "csv") {
    if (opts.mapping === undefined) {
      throw new AppError(
        "INVALID_INPUT",
        "import csv needs --mapping FILE (a YAML mapping; see docs/import.md and mappings/)",
      );
    }
    const path = mappingPath(opts.mapping);
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      const reason = error.code === "ENOENT" ? "no such file" : error.message;
      throw new AppError("INVALID_INPUT", `cannot read mapping ${opts.mapping}: ${reason}`, {
        cause: error,
      });
    });
    reading.mapping = parseCsvMapping(text, basename(path));
  } else if (opts.mapping !== undefined) {
    throw new AppError("INVALID_INPUT", "--mapping is for import csv");
  }
  return reading;
}

/** A name such as `pbc-drone-attacks` is a shipped mapping in mappings/; anything else a path. */
function mappingPath(nameOrPath: string): string {
  return /^[a-z0-9-]+$/.test(nameOrPath)
    ? fileURLToPath(new URL(`${nameOrPath}.yaml`, SHIPPED_MAPPINGS))
    : nameOrPath;
}

async function preview(
  command: Command,
  io: Io,
  dataset: FileKind,
  files: string[],
  reading: ReadingOptions,
  opts: ImportOptions,
): Promise<void> {
  const limit = typeof opts.preview === "number" ? opts.preview : DEFAULT_PREVIEW_ROWS;
  const previews: PreviewResult[] = [];
  await withStore(command, io, async (db) => {
    const profile = await ensureProfile(db);
    const resolver = createResolver(profile);
    for (const file of files) {
      const result = await previewPath(dataset, file, {
        ...reading,
        profile,
        resolver,
        keepOutsideRegion: opts.all,
        limit,
      });
      previews.push(result);
      if (!opts.json) io.out(formatPreview(result));
    }
  });
  await writeReport(
    opts.report,
    previews.map((p) => p.report),
  );
  if (opts.json) printJson(io, { preview: previews });
}

function formatPreview(result: PreviewResult): string {
  const lines = [`${result.file}: preview (${result.dataset}), nothing stored`];
  for (const row of result.rows) lines.push(`  ${previewLine(row.item, row.inRegion)}`);
  if (result.errors.length === 0) lines.push("  errors: none");
  else {
    lines.push(`  errors (${result.report.rows.rejected}):`);
    for (const error of result.errors) lines.push(`    ${error.message}`);
    if (result.report.rows.rejected > result.errors.length) {
      lines.push(`    … and ${result.report.rows.rejected - result.errors.length} more`);
    }
  }
  lines.push(...formatQualitySummary(result.report).map((line) => `  ${line}`));
  return lines.join("\n");
}

function previewLine(item: PreviewResult["rows"][number]["item"], inRegion: boolean): string {
  const outside = inRegion ? "" : " [outside the region]";
  if (item.kind === "conflict") {
    const c = item.conflict;
    const intensity = c.intensityLevel === 2 ? "war" : "minor";
    return `line ${item.line}: ${c.conflictId} ${c.year} ${c.location}: ${c.sideA} – ${c.sideB} (${intensity})${outside}`;
  }
  if (item.kind !== "record") return "";
  const { record, details } = item;
  const e = record.event;
  const where = [e.place, e.admin2, e.admin1, e.countryIso3].filter((p) => p !== null).join(", ");
  const coordinates = e.lat === null ? "" : ` (${e.lat}, ${e.lon})`;
  const type = [e.category, e.mode].filter((p) => p !== null).join("/") || "no type";
  const subtype = e.subtype === null ? "" : ` "${e.subtype}"`;
  const range =
    e.fatalitiesLow !== null || e.fatalitiesHigh !== null
      ? ` (${e.fatalitiesLow ?? "?"}–${e.fatalitiesHigh ?? "?"})`
      : "";
  const injured = details?.injured?.best == null ? "" : `, injured ${details.injured.best}`;
  const actors = e.actors.map((a) => `${a.name}${a.actorId === null ? "" : ` [${a.actorId}]`}`);
  return (
    `line ${record.line} ${record.nativeId}: ${e.dateStart}${e.dateEnd === e.dateStart ? "" : `..${e.dateEnd}`}` +
    ` ${where || "(no place)"}${coordinates}; ${type}${subtype}; fatalities ${e.fatalitiesBest ?? "?"}${range}${injured}` +
    `${actors.length > 0 ? `; ${actors.join(" / ")}` : ""}${outside}`
  );
}

function formatWithReport(result: ImportPathResult): string {
  const lines = [formatResult(result)];
  if (result.report !== null)
    lines.push(...formatQualitySummary(result.report).map((l) => `  ${l}`));
  const r = result.reconcile;
  if (r?.isOk)
    lines.push(
      `  reconciled: ${r.merged} records in ${r.created} new and ${r.changed} changed multi-source events, ${r.dissolved} dissolved`,
    );
  else if (r) lines.push(`  warning: ${r.error}`);
  return lines.join("\n");
}

function reportsOf(results: ImportPathResult[]): QualityReport[] {
  return results.flatMap((r) => (r.report === null ? [] : [r.report]));
}

async function writeReport(path: string | undefined, reports: QualityReport[]): Promise<void> {
  if (path === undefined) return;
  const body =
    extname(path).toLowerCase() === ".json"
      ? `${JSON.stringify({ reports }, null, 2)}\n`
      : formatQualityMarkdown(reports);
  await writeFile(path, body);
}

function totals(results: ImportPathResult[]) {
  const keys = [
    "read",
    "stored",
    "updated",
    "unchanged",
    "deleted",
    "skippedRegion",
    "rejected",
    "skipped",
    "seconds",
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, results.reduce((s, r) => s + r[k], 0)])) as Record<
    (typeof keys)[number],
    number
  >;
}

function formatTotals(t: ReturnType<typeof totals>): string {
  return `read ${t.read}, stored ${t.stored}, updated ${t.updated}, unchanged ${t.unchanged}, skipped by region ${t.skippedRegion}, rejected ${t.rejected} (${t.seconds.toFixed(1)} s)`;
}
