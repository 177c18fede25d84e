import { Command } from "commander";
import type { Io } from "../../src/cli/context.ts";
import type { NormalizedEvent } from "../../src/domain/event.ts";
import type { Db } from "../../src/store/db.ts";
import { type ImportItem, importFile } from "../../src/store/importer.ts";
import { makeRecord } from "../helpers/events.ts";

export interface CapturedIo extends Io {
  stdout: string[];
  stderr: string[];
}

export function capture(): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false };
}

/** Runs one command registered on a fresh program, in process, as `frontier ARGS`. */
export async function runCommand(
  register: (program: Command, io: Io) => void,
  args: readonly string[],
): Promise<CapturedIo> {
  const io = capture();
  const program = new Command("frontier").option("--data-dir <dir>").exitOverride();
  register(program, io);
  for (const sub of program.commands) sub.exitOverride();
  await program.parseAsync([...args], { from: "user" });
  return io;
}

/** Stores hand-built events as one imported file (its own sha256, so re-running adds a file). */
export async function importEvents(
  db: Db,
  file: string,
  events: readonly Partial<NormalizedEvent>[],
): Promise<void> {
  async function* items(): AsyncIterable<ImportItem> {
    for (const [i, event] of events.entries()) {
      yield { kind: "record", record: makeRecord(`${file}-${i}`, { event }), inRegion: true };
    }
  }
  await importFile(db, { dataset: "ucdp", name: `${file}.csv`, sha256: file, bytes: 1 }, items());
}

/** `n` events a month from `from` for `months` months, on days 1, 4, 7, … */
export function monthlyEvents(
  from: string,
  months: number,
  perMonth: (m: number) => number,
  event: Partial<NormalizedEvent> = {},
): Partial<NormalizedEvent>[] {
  const out: Partial<NormalizedEvent>[] = [];
  const [y, mo] = from.split("-").map(Number) as [number, number];
  for (let m = 0; m < months; m++) {
    const date = new Date(Date.UTC(y, mo - 1 + m, 1));
    for (let i = 0; i < perMonth(m); i++) {
      const day = new Date(date.getTime() + ((3 * i) % 28) * 86_400_000).toISOString().slice(0, 10);
      out.push({ dateStart: day, dateEnd: day, ...event });
    }
  }
  return out;
}
