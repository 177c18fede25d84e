import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { AppError } from "../domain/errors.ts";
import { type Profile, parseProfile } from "../domain/profile/index.ts";
import type { Sql } from "../store/db.ts";
import { loadActiveProfileBody, saveProfile } from "../store/profiles.ts";

export const DEFAULT_PROFILE = "pak-afg";
const BUILTIN_DIR = new URL("../../profiles/", import.meta.url);

/** A built-in profile name (`pak-afg`) or a path to a YAML/JSON file. */
export function profilePath(nameOrPath: string): string {
  return /^[a-z0-9-]+$/.test(nameOrPath)
    ? fileURLToPath(new URL(`${nameOrPath}.yaml`, BUILTIN_DIR))
    : nameOrPath;
}

export async function readProfileFile(
  nameOrPath: string,
): Promise<{ profile: Profile; source: string }> {
  const path = profilePath(nameOrPath);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new AppError("INVALID_INPUT", `cannot read profile "${nameOrPath}": ${reason}`, {
      cause: error,
    });
  }
  const source = /^[a-z0-9-]+$/.test(nameOrPath) ? `profiles/${nameOrPath}.yaml` : nameOrPath;
  return { profile: parseProfile(text, { source }), source };
}

/** The store's active profile; a store without one gets the default profile loaded first. */
export async function ensureProfile(db: Sql): Promise<Profile> {
  const stored = await loadActiveProfileBody(db);
  if (stored) {
    return parseProfile(JSON.stringify(stored.body), { source: stored.source, format: "json" });
  }
  const { profile, source } = await readProfileFile(DEFAULT_PROFILE);
  await saveProfile(db, profile, source);
  return profile;
}
