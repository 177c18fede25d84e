import type { Command } from "commander";
import { readStatus, type StoreStatus } from "../../store/status.ts";
import { type Io, printJson, withStore } from "../context.ts";

export function formatStatus(status: StoreStatus): string {
  const lines = [
    `database: ${status.kind === "pglite" ? "embedded (PGlite)" : "PostgreSQL"} at ${status.location}`,
    `schema:   version ${status.schemaVersion}`,
    `profile:  ${status.profile ? `${status.profile.id} — ${status.profile.name} (${status.profile.source})` : "none (run `frontier init`)"}`,
    `last import: ${status.lastImport ? `${status.lastImport.file} (${status.lastImport.dataset}, ${status.lastImport.rows} rows) at ${status.lastImport.at}` : "none"}`,
    "counts:",
    ...Object.entries(status.counts).map(([table, n]) => `  ${table.padEnd(20)} ${n}`),
  ];
  return lines.join("\n");
}

export function registerStatus(program: Command, io: Io): void {
  program
    .command("status")
    .description("show the database location and kind, the profile, counts per table, last import")
    .option("--json", "print machine-readable JSON")
    .action(async (opts: { json?: boolean }, command: Command) => {
      const status = await withStore(command, io, (db) => readStatus(db));
      if (opts.json) printJson(io, status);
      else io.out(formatStatus(status));
    });
}
