/**
 * `frontier brief [--from] [--to] [--format md|html|pdf] [-o FILE]`: the situation report
 * (src/app/brief.ts gathers and renders it; this file parses flags and writes the result).
 */
import { writeFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import {
  BRIEF_FORMATS,
  type BriefFormat,
  collectBrief,
  DEFAULT_CHROMIUM,
  renderBrief,
} from "../../app/brief.ts";
import { type Io, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

interface BriefFlags {
  from?: string;
  to?: string;
  format: BriefFormat;
  output?: string;
}

export function registerBrief(program: Command, io: Io): void {
  program
    .command("brief")
    .description(
      "situation report in the shape of the seed article: trend, demands, figures, challenges, examples, what to watch",
    )
    .option("--from <date>", "first day (default: the 12 months ending with --to)")
    .option("--to <date>", "last day (default: the last day with stored events)")
    .addOption(
      new Option("--format <format>", "output format").choices(BRIEF_FORMATS).default("md"),
    )
    .option("-o, --output <file>", "write to FILE (a PDF needs one, or goes to standard output)")
    .action(async (flags: BriefFlags, command: Command) => {
      const today = new Date().toISOString().slice(0, 10);
      const input = await withStore(command, io, async (db) =>
        collectBrief(db, await ensureProfile(db), { from: flags.from, to: flags.to, today }),
      );
      const chromium = process.env.FRONTIER_CHROMIUM || DEFAULT_CHROMIUM;
      const rendered = await renderBrief(input, flags.format, { chromium });
      if (flags.output !== undefined) {
        await writeFile(flags.output, rendered.body);
        io.err(`wrote the ${flags.format} brief of ${input.from} … ${input.to} to ${flags.output}`);
      } else if (typeof rendered.body === "string") io.out(rendered.body);
      else process.stdout.write(rendered.body);
    });
}
