import { resolve } from "node:path";

/** Read once from flags and environment, validated, frozen, and passed down (STYLE.md). */
export interface Config {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
}

export function loadConfig(
  flags: { dataDir?: string },
  env: Record<string, string | undefined>,
  cwd: string,
): Config {
  const dataDir = flags.dataDir ?? env.FRONTIER_DATA_DIR ?? ".frontier";
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return Object.freeze({ dataDir: resolve(cwd, dataDir), databaseUrl });
}
