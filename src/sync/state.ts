/**
 * What a GDELT sync has: each export file imported, with the checksum the list gave for it.
 * Kept in `<dataDir>/sync/gdelt-state.json` (written to a temporary file and renamed, so a
 * killed process leaves the old state or the new, never half of one) and in the `meta` table
 * under `sync.gdelt`, so a team sharing one PostgreSQL shares what it has. The two are merged on
 * load. Losing a state entry costs a download only: the importer skips a file it has by sha256.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { AppError } from "../domain/errors.ts";
import type { Sql } from "../store/db.ts";
import { getMeta, setMeta } from "../store/meta.ts";

const fileStateSchema = z.object({
  md5: z.string(),
  bytes: z.number().int().min(0),
  sha256: z.string(),
  importedAt: z.string(),
});

const stateSchema = z.object({
  version: z.literal(1),
  /** The earliest `--since` ever synced from: later runs without `--since` continue from it. */
  since: z.string().nullable(),
  files: z.record(z.string(), fileStateSchema),
});

export type SyncedFile = z.infer<typeof fileStateSchema>;
export type SyncState = z.infer<typeof stateSchema>;

export const META_KEY = "sync.gdelt";

export function emptyState(): SyncState {
  return { version: 1, since: null, files: {} };
}

/** Union of two states: for a file both have, the later import wins; `since` is the earlier. */
export function mergeStates(a: SyncState, b: SyncState): SyncState {
  const files: Record<string, SyncedFile> = { ...a.files };
  for (const [name, file] of Object.entries(b.files)) {
    const mine = files[name];
    if (!mine || file.importedAt > mine.importedAt) files[name] = file;
  }
  return { version: 1, since: earlierSlot(a.since, b.since), files };
}

/** True when the file the list names (by its md5) is the one already imported. */
export function hasFile(state: SyncState, name: string, md5: string): boolean {
  return state.files[name]?.md5 === md5;
}

/** The earlier of two slot bounds, null meaning none. */
export function earlierSlot(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function parseState(value: unknown, where: string): SyncState {
  const parsed = stateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    "INVALID_INPUT",
    `${where} is not a sync state${issue ? ` (${issue.path.join(".") || "top level"}: ${issue.message})` : ""}; delete it to start over (files already imported are still skipped)`,
  );
}

export interface StateStore {
  load(): Promise<SyncState>;
  save(state: SyncState): Promise<void>;
}

/** The state in its JSON file and in the `meta` table, merged on load and written to both. */
export function createStateStore(db: Sql, path: string): StateStore {
  return {
    async load() {
      return mergeStates(await loadFile(path), await loadMeta(db));
    },
    async save(state) {
      await saveFile(path, state);
      await setMeta(db, META_KEY, state);
    },
  };
}

async function loadFile(path: string): Promise<SyncState> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      "INVALID_INPUT",
      `${path} is not valid JSON; delete it to start over (files already imported are still skipped)`,
      { cause: error },
    );
  }
  return parseState(json, path);
}

async function loadMeta(db: Sql): Promise<SyncState> {
  const value = await getMeta(db, META_KEY);
  return value === undefined ? emptyState() : parseState(value, `meta key ${META_KEY}`);
}

async function saveFile(path: string, state: SyncState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(state)}\n`);
  await rename(temp, path);
}
