import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { buildApp } from "../../api/app.ts";
import { AppError } from "../../domain/errors.ts";
import { openStore } from "../../store/open.ts";
import { configOf, type Io } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** The dashboard `npm run build:web` writes. */
export const DEFAULT_WEB_DIR = resolve(REPO_ROOT, "web/dist");
/** Boundaries beside the repository (they may not be committed); the map works without them. */
export const DEFAULT_GEO_DIR = resolve(REPO_ROOT, "../shared/data/geo");

interface ServeFlags {
  port: string;
  host: string;
  webDir?: string;
  geoDir?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError("INVALID_INPUT", `--port must be a number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** A directory given by flag must exist; the default one may be absent (with a warning). */
function directory(
  flag: string | undefined,
  fallback: string,
  name: string,
  io: Io,
  hint: string,
): string | null {
  const dir = flag === undefined ? fallback : resolve(flag);
  if (existsSync(dir)) return dir;
  if (flag !== undefined) throw new AppError("INVALID_INPUT", `${name} ${flag}: no such directory`);
  io.err(`warning: ${hint}`);
  return null;
}

export function registerServe(program: Command, io: Io): void {
  program
    .command("serve")
    .description(
      "serve the dashboard and the HTTP API (OpenAPI at /openapi.json) until interrupted",
    )
    .option("--port <port>", "port to listen on", "8080")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--web-dir <dir>", "the built dashboard (default: web/dist)")
    .option("--geo-dir <dir>", "boundary GeoJSON files for the map (default: ../shared/data/geo)")
    .action(async (opts: ServeFlags, command: Command) => {
      const port = parsePort(opts.port);
      const webDir = directory(
        opts.webDir,
        DEFAULT_WEB_DIR,
        "--web-dir",
        io,
        "the dashboard is not built (npm run build:web): serving the API only",
      );
      const geoDir = directory(
        opts.geoDir,
        DEFAULT_GEO_DIR,
        "--geo-dir",
        io,
        `no boundary files at ${DEFAULT_GEO_DIR}: the map shows events without outlines`,
      );
      const config = configOf(command);
      const db = await openStore({
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
        warn: (m) => io.err(`warning: ${m}`),
      });
      try {
        const profile = await ensureProfile(db);
        const app = await buildApp({ db, profile, webDir, geoDir });
        const address = await app.listen({ port, host: opts.host });
        io.out(`Frontier Watch dashboard: ${address}/`);
        io.out(`Frontier Watch API listening on ${address} (OpenAPI: ${address}/openapi.json)`);
        await new Promise<void>((resolveStop) => {
          const stop = () => resolveStop();
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
        await app.close();
      } finally {
        await db.close();
      }
    });
}
