import { Argument, type Command } from "commander";
import {
  type ImportPathResult,
  createRejectSink,
  importPath,
  type RejectSink,
} from "../../app/import.ts";
import { AppError } from "../../domain/errors.ts";
import { createResolver } from "../../domain/profile/index.ts";
import type { IngestDataset } from "../../ingest/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { createProgress } from "../progress.ts";
import { ensureProfile } from "../profile-file.ts";

interface ImportOptions {
  all?: boolean;
  skipBad?: boolean;
  rejects?: string;
  progress?: boolean;
  json?: boolean;
}

export function formatResult(r: ImportPathResult): string {
  if (r.alreadyImported) {
    return `${r.file}: already imported (sha256 ${r.sha256.slice(0, 12)}…), nothing changed`;
  }
  return (
    `${r.file}: read ${r.read}, stored ${r.stored}, updated ${r.updated}, unchanged ${r.unchanged}` +
    `${r.deleted ? `, deleted ${r.deleted}` : ""}, skipped by region ${r.skippedRegion}, ` +
    `rejected ${r.rejected} (${r.seconds.toFixed(1)} s)`
  );
}

export function registerImport(program: Command, io: Io): void {
  program
    .command("import")
    .description("import ACLED, UCDP GED or GDELT files; each file all-or-nothing")
    .addArgument(
      new Argument("<dataset>", "the files' dataset").choices(["acled", "ucdp", "gdelt"]),
    )
    .argument("<files...>", ".csv, .tsv, .json (UCDP API page), .zip or .gz files")
    .option("--all", "keep rows outside the profile's region (default: skip and count them)")
    .option("--skip-bad", "import the good rows and skip bad ones (needs --rejects)")
    .option("--rejects <file>", "write each skipped bad row with its reason to this CSV file")
    .option("--progress", "print progress lines even when stderr is not a terminal")
    .option("--json", "print the summary as JSON")
    .action(
      async (dataset: IngestDataset, files: string[], opts: ImportOptions, command: Command) => {
        if (opts.skipBad && !opts.rejects) {
          throw new AppError(
            "INVALID_INPUT",
            "--skip-bad needs --rejects FILE to say where bad rows go",
          );
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
                  profile,
                  resolver,
                  keepOutsideRegion: opts.all,
                  rejects,
                  onProgress: (rows, read, total) => progress.update(rows, read, total),
                });
                progress.done();
                results.push(result);
                if (!opts.json) io.out(formatResult(result));
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
          });
        } finally {
          await rejects?.close();
        }
        if (opts.json) printJson(io, { files: results, totals: totals(results) });
        else if (results.length > 1) io.out(`total: ${formatTotals(totals(results))}`);
      },
    );
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
