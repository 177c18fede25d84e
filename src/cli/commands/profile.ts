import type { Command } from "commander";
import { type Io, printJson } from "../context.ts";
import { readProfileFile } from "../profile-file.ts";

export function registerProfile(program: Command, io: Io): void {
  const profile = program.command("profile").description("work with crisis profile files");
  profile
    .command("check")
    .description("validate a profile file; an error names the path of the bad field")
    .argument("<file>", "profile file (YAML or JSON) or a built-in profile name")
    .option("--json", "print a summary as JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const { profile: p, source } = await readProfileFile(file);
      const summary = {
        source,
        id: p.id,
        name: p.name,
        parties: p.parties.map((x) => x.iso3),
        actors: p.actors.length,
        demands: p.demands.map((d) => d.id),
        watchQuestions: p.watchQuestions.length,
        ladderRungs: p.escalationLadder.length,
        admin1: Object.values(p.region.admin1).reduce((n, list) => n + list.length, 0),
        crossings: p.region.crossings.length,
      };
      if (opts.json) printJson(io, { ok: true, ...summary });
      else
        io.out(
          `${source}: ok — ${summary.id} (${summary.name}): ${summary.parties.join(", ")}; ` +
            `${summary.actors} actors, ${summary.demands.length} demands, ` +
            `${summary.watchQuestions} watch questions, ${summary.ladderRungs} ladder rungs`,
        );
    });
}
