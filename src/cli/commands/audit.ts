import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { AppError } from "../../domain/errors.ts";
import { allAudit } from "../../store/audit.ts";
import { type AuditEntry, verifyChain } from "../../verify/index.ts";
import { type Io, printJson, withStore } from "../context.ts";

/** `--head 41:9f2c…`: the sequence number and hash of a head recorded outside the database. */
function parseHead(value: string): { seq: number; hash: string } {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!match)
    throw new AppError(
      "INVALID_INPUT",
      `--head "${value}" is not SEQ:SHA256 (as printed by audit verify)`,
    );
  return { seq: Number(match[1]), hash: match[2] ?? "" };
}

export function registerAudit(program: Command, io: Io): void {
  const audit = program.command("audit").description("the hash-chained audit log");
  audit
    .command("verify")
    .description("walk the chain; name the first entry edited, deleted or reordered (exit 1)")
    .option("--head <seq:hash>", "also check against a head recorded earlier, outside the database")
    .option("--json", "print JSON")
    .action(async (flags: { head?: string; json?: boolean }, command: Command) => {
      const head = flags.head === undefined ? undefined : parseHead(flags.head);
      const result = await withStore(command, io, async (db) => {
        const entries: AuditEntry[] = [];
        for await (const entry of allAudit(db)) entries.push(entry);
        return verifyChain(entries, { head });
      });
      if (flags.json) printJson(io, result);
      if (!result.ok) throw new AppError("CONFLICT", `audit chain broken: ${result.message}`);
      if (!flags.json) {
        const at = result.head ? `head ${result.head.seq}:${result.head.hash}` : "empty";
        io.out(`audit chain intact: ${result.count} entries, ${at}`);
      }
    });

  audit
    .command("export")
    .description("write every entry as JSON Lines, in chain order (stdout, or --out FILE)")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (flags: { out?: string }, command: Command) => {
      const file = flags.out ? createWriteStream(flags.out, { flags: "wx" }) : null;
      const count = await withStore(command, io, async (db) => {
        let n = 0;
        for await (const entry of allAudit(db)) {
          const line = JSON.stringify(entry);
          if (file) {
            if (!file.write(`${line}\n`)) await once(file, "drain");
          } else io.out(line);
          n++;
        }
        return n;
      });
      if (file) {
        file.end();
        await once(file, "finish");
        io.err(`exported ${count} entries to ${flags.out}`);
      }
    });
}
