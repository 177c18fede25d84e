import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../domain/errors.ts";

/**
 * PGlite is single-process: two processes writing one data directory corrupt it.
 * The owner holds `<dataDir>/frontier.lock` (created exclusively, holding its pid);
 * a lock whose pid is no longer alive is stale and taken over with a warning.
 */
export const LOCK_FILE = "frontier.lock";

export interface DirectoryLock {
  readonly path: string;
  release(): void;
}

interface LockBody {
  pid: number;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(path: string): number | null {
  try {
    const body = JSON.parse(readFileSync(path, "utf8")) as Partial<LockBody>;
    return typeof body.pid === "number" ? body.pid : null;
  } catch {
    return null;
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, "wx");
    const body: LockBody = { pid: process.pid, startedAt: new Date().toISOString() };
    writeSync(fd, JSON.stringify(body));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

export function acquireLock(
  dataDir: string,
  options: { displayName: string; warn: (message: string) => void },
): DirectoryLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path)) {
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        if (readOwner(path) === process.pid) unlinkSync(path);
      };
      process.once("exit", release);
      return { path, release };
    }
    const owner = readOwner(path);
    if (owner !== null && owner !== process.pid && isAlive(owner)) {
      throw new AppError(
        "LOCKED",
        `data directory "${options.displayName}" is in use by process ${owner}`,
      );
    }
    options.warn(
      `taking over stale lock on data directory "${options.displayName}" (process ${owner ?? "unknown"} is gone)`,
    );
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  throw new AppError("LOCKED", `could not lock data directory "${options.displayName}"`);
}
