import type { Command } from "commander";
import { parseDay } from "../../app/demands.ts";
import { listReports, listRequests } from "../../store/verify-queries.ts";
import { computeFigures, type MechanismFigures } from "../../verify/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

function formatFigures(f: MechanismFigures): string {
  const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
  const days = (v: number | null) => (v === null ? "–" : `${v} d`);
  const lines = [
    `Mechanism figures as of ${f.asOf}`,
    "party     filed  investigated  median to finding  requests  overdue  late",
  ];
  for (const p of [...f.parties, { party: "all", ...f.overall }]) {
    lines.push(
      `${p.party.padEnd(9)} ${String(p.filed).padStart(5)}  ${pct(p.shareInvestigated).padStart(12)}  ${days(p.medianDaysToFinding).padStart(17)}  ${String(p.requests).padStart(8)}  ${String(p.overdue).padStart(7)}  ${String(p.late).padStart(4)}`,
    );
  }
  lines.push("", "reports per month:");
  for (const m of f.reportsPerMonth) lines.push(`  ${m.month}  ${m.party.padEnd(8)} ${m.count}`);
  return lines.join("\n");
}

/**
 * The operator's view: the command line has the database, so it sees every report, but it
 * prints metadata and figures only — report text is read through the API, by its readers.
 */
export function registerReports(program: Command, io: Io): void {
  const reports = program
    .command("reports")
    .description("incident reports of the verification mechanism");
  reports
    .command("list")
    .description("id, date, filer's party, marking and status of every report (no content)")
    .option("--json", "print JSON")
    .action(async (flags: { json?: boolean }, command: Command) => {
      const rows = await withStore(command, io, (db) => listReports(db));
      const items = rows.map((r) => ({
        id: r.id,
        createdAt: r.createdAt,
        filerParty: r.filerParty ?? "monitor",
        marking: r.marking,
        status: r.status,
        commitment: r.commitment,
      }));
      if (flags.json) return printJson(io, items);
      for (const r of items) {
        io.out(
          `${r.id}  ${r.createdAt.slice(0, 10)}  ${r.filerParty.padEnd(7)}  ${r.marking.padEnd(5)}  ${r.status.padEnd(18)}  ${r.commitment}`,
        );
      }
    });

  reports
    .command("figures")
    .description(
      "reports per party and month, share investigated, median days to finding, overdue requests",
    )
    .option(
      "--as-of <date>",
      "count the reports filed by this day and the requests overdue on it (default today)",
    )
    .option("--json", "print JSON")
    .action(async (flags: { asOf?: string; json?: boolean }, command: Command) => {
      const asOf =
        flags.asOf === undefined
          ? new Date().toISOString().slice(0, 10)
          : parseDay(flags.asOf, "--as-of");
      const figures = await withStore(command, io, async (db) => {
        const profile = await ensureProfile(db);
        const parties = profile.parties.map((p) => p.iso3);
        // computeFigures keeps what stood by `asOf`: reports filed, requests asked by then.
        return computeFigures(await listReports(db), await listRequests(db), { asOf, parties });
      });
      if (flags.json) printJson(io, figures);
      else io.out(formatFigures(figures));
    });
}
