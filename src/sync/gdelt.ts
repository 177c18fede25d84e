/**
 * `frontier sync gdelt`: follow GDELT 2.0's file list, fetch each export file not yet imported,
 * check its size and md5 against the list, import it (all-or-nothing per file), remember it.
 * One file failing never stops the others; every failure, and every 15-minute slot GDELT has no
 * export for, is named in the summary.
 */
import { createReadStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type ImportPathResult, importPath } from "../app/import.ts";
import { AppError } from "../domain/errors.ts";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";
import type { Db } from "../store/db.ts";
import {
  type ExportEntry,
  GDELT_BASE_URL,
  resolveFileUrl,
  type Window,
  withSlash,
} from "./gdelt-list.ts";
import { createListSelector, type Selection } from "./gdelt-select.ts";
import { DEFAULT_RETRY, describeError, download, md5File, type RetryOptions } from "./http.ts";
import {
  createStateStore,
  earlierSlot,
  hasFile,
  type StateStore,
  type SyncState,
} from "./state.ts";

export interface GdeltSyncOptions {
  /** Downloads go to `<dataDir>/sync/gdelt/`, the state to `<dataDir>/sync/gdelt-state.json`. */
  dataDir: string;
  profile: Profile;
  resolver: ProfileResolver;
  /** Default `http://data.gdeltproject.org/gdeltv2/`. */
  baseUrl?: string;
  /** Slot bounds (`YYYYMMDDHHMMSS`, inclusive); `since` defaults to the one the state remembers. */
  since?: string | null;
  until?: string | null;
  /** Follow `lastupdate.txt` (the newest slot only) instead of `masterfilelist.txt`. */
  isLatestOnly?: boolean;
  keepOutsideRegion?: boolean;
  /** Keep the downloaded zips (default: deleted once imported; the rows are in the database). */
  keepFiles?: boolean;
  retry?: RetryOptions;
  /**
   * The state is saved at most this often (default 1000 ms) and at the end: its size grows with
   * the files synced, so saving after every file would make a long backfill quadratic. A killed
   * run loses at most this much of the state; those files are fetched again but not re-imported
   * (the importer knows them by sha256).
   */
  saveIntervalMs?: number;
  now?: () => Date;
  /** Called after each file that was fetched or imported (not for files skipped as done). */
  onFile?: (outcome: FileOutcome, index: number, total: number) => void;
}

export type ImportedFile = Pick<
  ImportPathResult,
  "read" | "stored" | "updated" | "unchanged" | "skippedRegion" | "rejected" | "alreadyImported"
>;

export type FileOutcome =
  | { name: string; status: "imported"; result: ImportedFile }
  | { name: string; status: "failed"; reason: string };

export interface GdeltSyncSummary {
  list: string;
  since: string | null;
  until: string | null;
  /** Export files the list gives in the window. */
  listed: number;
  /** Of those, already synced before this run (nothing fetched). */
  alreadySynced: number;
  imported: { name: string; result: ImportedFile }[];
  failed: { name: string; reason: string }[];
  /** Slots in the window with no export file in the list, as `YYYYMMDDHHMMSS`. */
  gaps: string[];
  listProblems: string[];
  retries: number;
}

export async function syncGdelt(db: Db, options: GdeltSyncOptions): Promise<GdeltSyncSummary> {
  const syncDir = join(options.dataDir, "sync");
  const filesDir = join(syncDir, "gdelt");
  await mkdir(filesDir, { recursive: true });
  const stateStore = createStateStore(db, join(syncDir, "gdelt-state.json"));
  const state = await stateStore.load();
  const window = chooseWindow(options, state);
  let retries = 0;
  const run: RunContext = {
    ...options,
    base: withSlash(options.baseUrl ?? GDELT_BASE_URL),
    filesDir,
    retry: options.retry ?? DEFAULT_RETRY,
    onRetry: () => {
      retries++;
    },
  };
  const listName = window.isLatestOnly ? "lastupdate.txt" : "masterfilelist.txt";
  const listUrl = new URL(listName, run.base).toString();
  const selection = await readList(listUrl, join(filesDir, listName), {
    ...run,
    window,
    findGaps: !window.isLatestOnly,
  });
  if (!window.isLatestOnly) state.since = earlierSlot(state.since, window.since);
  const todo = selection.entries.filter((e) => !hasFile(state, e.name, e.md5));
  const summary: GdeltSyncSummary = {
    list: listUrl,
    since: window.since,
    until: window.until,
    listed: selection.entries.length,
    alreadySynced: selection.entries.length - todo.length,
    imported: [],
    failed: [],
    gaps: selection.gaps,
    listProblems: selection.problems,
    retries: 0,
  };
  try {
    await syncFiles(db, todo, { run, state, stateStore, summary });
  } finally {
    await stateStore.save(state);
  }
  summary.retries = retries;
  return summary;
}

interface RunContext extends GdeltSyncOptions {
  base: string;
  filesDir: string;
  retry: RetryOptions;
  onRetry: () => void;
}

function chooseWindow(options: GdeltSyncOptions, state: SyncState) {
  const isLatestOnly = options.isLatestOnly === true;
  const since = isLatestOnly ? null : (options.since ?? state.since);
  const until = isLatestOnly ? null : (options.until ?? null);
  if (!isLatestOnly && since === null) {
    throw new AppError(
      "INVALID_INPUT",
      "the first GDELT sync needs --since DATE (GDELT 2.0 adds 96 export files a day since 2015-02-18); later runs continue from it, or use --latest for the newest file only",
    );
  }
  if (since !== null && until !== null && since > until) {
    throw new AppError("INVALID_INPUT", `--since ${since} is after --until ${until}`);
  }
  return { isLatestOnly, since, until };
}

/** One file after another; the state is updated in place and saved now and then. */
async function syncFiles(
  db: Db,
  todo: ExportEntry[],
  context: { run: RunContext; state: SyncState; stateStore: StateStore; summary: GdeltSyncSummary },
): Promise<void> {
  const { run, state, stateStore, summary } = context;
  const saveIntervalMs = run.saveIntervalMs ?? 1000;
  let savedAt = performance.now();
  for (const [i, entry] of todo.entries()) {
    const outcome = await syncFile(db, entry, run);
    if (outcome.status === "failed") {
      summary.failed.push({ name: entry.name, reason: outcome.reason });
      run.onFile?.({ name: entry.name, ...outcome }, i, todo.length);
      continue;
    }
    summary.imported.push({ name: entry.name, result: outcome.result });
    state.files[entry.name] = {
      md5: entry.md5,
      bytes: entry.bytes,
      sha256: outcome.sha256,
      importedAt: (run.now?.() ?? new Date()).toISOString(),
    };
    if (performance.now() - savedAt >= saveIntervalMs) {
      await stateStore.save(state);
      savedAt = performance.now();
    }
    run.onFile?.({ name: entry.name, status: "imported", result: outcome.result }, i, todo.length);
  }
}

/** Downloads the list to a file (retrying as a whole), then reads it line by line. */
async function readList(
  url: string,
  path: string,
  options: { window: Window; findGaps: boolean; retry: RetryOptions; onRetry: () => void },
): Promise<Selection> {
  try {
    await download(url, path, { retry: options.retry, onRetry: options.onRetry });
  } catch (error) {
    throw new AppError("INTERNAL", `cannot fetch the GDELT file list: ${describeError(error)}`, {
      cause: error,
    });
  }
  const listName = url.slice(url.lastIndexOf("/") + 1);
  const selector = createListSelector(listName, options.window, { findGaps: options.findGaps });
  try {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    for await (const line of lines) selector.add(line);
  } finally {
    await rm(path, { force: true });
  }
  return selector.finish();
}

type SyncFileResult =
  | { status: "imported"; result: ImportedFile; sha256: string }
  | { status: "failed"; reason: string };

async function syncFile(db: Db, entry: ExportEntry, options: RunContext): Promise<SyncFileResult> {
  const path = join(options.filesDir, entry.name);
  const expected = { bytes: entry.bytes, md5: entry.md5 };
  try {
    if (!(await isDownloaded(path, expected))) {
      const url = resolveFileUrl(entry.url, options.base);
      await download(url, path, { retry: options.retry, expected, onRetry: options.onRetry });
    }
  } catch (error) {
    return { status: "failed", reason: describeError(error) };
  }
  let result: ImportPathResult;
  try {
    result = await importPath(db, "gdelt", path, {
      profile: options.profile,
      resolver: options.resolver,
      keepOutsideRegion: options.keepOutsideRegion,
    });
  } catch (error) {
    // The file is complete and checked: it stays, so a re-run imports it without a download.
    return {
      status: "failed",
      reason: `not imported, nothing from it stored (kept as ${path}): ${describeError(error)}`,
    };
  }
  if (!options.keepFiles) await rm(path, { force: true });
  const { read, stored, updated, unchanged, skippedRegion, rejected, alreadyImported } = result;
  return {
    status: "imported",
    result: { read, stored, updated, unchanged, skippedRegion, rejected, alreadyImported },
    sha256: result.sha256,
  };
}

/** A file left by an interrupted run is used if it matches the list; otherwise it is fetched again. */
async function isDownloaded(path: string, expected: { bytes: number; md5: string }) {
  const info = await stat(path).catch(() => null);
  if (info === null) return false;
  const got = await md5File(path);
  if (got.bytes === expected.bytes && got.md5 === expected.md5) return true;
  await rm(path, { force: true });
  return false;
}
