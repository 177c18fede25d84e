import type { Command } from "commander";
import { buildApp } from "../../api/app.ts";
import { AppError } from "../../domain/errors.ts";
import { openStore } from "../../store/open.ts";
import { configOf, type Io } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

export function registerServe(program: Command, io: Io): void {
  program
    .command("serve")
    .description("serve the HTTP API (OpenAPI at /openapi.json) until interrupted")
    .option("--port <port>", "port to listen on", "8080")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .action(async (opts: { port: string; host: string }, command: Command) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new AppError(
          "INVALID_INPUT",
          `--port must be a number from 0 to 65535, got "${opts.port}"`,
        );
      }
      const config = configOf(command);
      const db = await openStore({
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
        warn: (m) => io.err(`warning: ${m}`),
      });
      try {
        const profile = await ensureProfile(db);
        const app = await buildApp({ db, profile });
        const address = await app.listen({ port, host: opts.host });
        io.out(`Frontier Watch API listening on ${address} (OpenAPI: ${address}/openapi.json)`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
        await app.close();
      } finally {
        await db.close();
      }
    });
}
