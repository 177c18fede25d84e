/**
 * The four commands through commander, as `frontier` runs them: flags, --json, --csv, errors,
 * and the webhook from FRONTIER_WEBHOOK_URL. The store is a PGlite directory, or (with
 * DATABASE_URL) a schema of its own on the PostgreSQL server, reached through the URL.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAlerts } from "../../src/cli/commands/alerts.ts";
import { registerDemands } from "../../src/cli/commands/demands.ts";
import { registerEscalation } from "../../src/cli/commands/escalation.ts";
import { registerTrends } from "../../src/cli/commands/trends.ts";
import type { Io } from "../../src/cli/context.ts";
import { buildProgram } from "../../src/cli/main.ts";
import type { Db } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import { ALL_FIXTURES } from "../fixtures/analysis/events.ts";
import { openTestDb } from "../helpers/store.ts";
import { captureIo, loadFixtures, STORE, startWebhook } from "./support.ts";

const REGISTER: [string, (program: Command, io: Io) => void][] = [
  ["trends", registerTrends],
  ["demands", registerDemands],
  ["escalation", registerEscalation],
  ["alerts", registerAlerts],
];

/** The real program, with the analysis commands added unless main.ts registers them already. */
function program(io: Io): Command {
  const p = buildProgram(io);
  for (const [name, register] of REGISTER) {
    if (!p.commands.some((c) => c.name() === name)) register(p, io);
  }
  for (const c of p.commands) c.exitOverride();
  return p;
}

interface Target {
  args: string[];
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}

/** A store the CLI can open by itself, holding the fixtures. */
async function prepareStore(): Promise<Target> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const db = await openTestDb();
    await loadFixtures(db, ALL_FIXTURES);
    const [row] = await db.query<{ schema: string }>("SELECT current_schema() AS schema");
    const schemaUrl = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${row?.schema}`)}`;
    return { args: [], env: { DATABASE_URL: schemaUrl }, cleanup: () => db.close() };
  }
  const dir = await mkdtemp(join(tmpdir(), "fw-analysis-cli-"));
  const db: Db = await openStore({ dataDir: dir });
  await loadFixtures(db, ALL_FIXTURES);
  await db.close();
  return {
    args: ["--data-dir", dir],
    env: {},
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

describe(`the analysis commands on ${STORE}`, () => {
  let target: Target;
  const savedUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    target = await prepareStore();
  });
  afterAll(async () => {
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    await target.cleanup();
  });

  async function cli(args: string[], env: Record<string, string> = {}) {
    const io = captureIo();
    Object.assign(process.env, target.env, env);
    try {
      await program(io).parseAsync([...args, ...target.args], { from: "user" });
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
    }
    return { out: io.stdout.join("\n"), err: io.stderr.join("\n") };
  }

  it("trends --json: monthly counts with changes", async () => {
    const { out } = await cli(["trends", "--from", "2026-02", "--to", "2026-04", "--json"]);
    const result = JSON.parse(out);
    expect(
      result.rows.map((r: { period: string; events: number }) => [r.period, r.events]),
    ).toEqual([
      ["2026-02", 5],
      ["2026-03", 16],
      ["2026-04", 3],
    ]);
    expect(result.rows[1].vsPrevious).toMatchObject({ period: "2026-02", eventsChange: 11 });
  });

  it("trends --group crossborder --csv: closures, strikes and clashes of June", async () => {
    const { out } = await cli([
      "trends",
      "--group",
      "crossborder",
      "--from",
      "2026-06",
      "--to",
      "2026-06",
      "--csv",
    ]);
    const [header, ...lines] = out.split("\n");
    expect(header?.split(",").slice(0, 6)).toEqual([
      "period",
      "start",
      "end",
      "group",
      "events",
      "fatalities_best",
    ]);
    const rows = lines.map((l) => l.split(",").slice(3, 6));
    expect(rows).toEqual([
      ["border-closure", "1", "0"],
      ["state-clash AFG<->PAK", "10", "7000"],
      ["state-strike PAK->AFG", "1", "20"],
    ]);
  });

  it("demands prints computed scores; an override shows beside them", async () => {
    await cli([
      "demands",
      "override",
      "intelligence-sharing",
      "2026-03",
      "2",
      "--reason",
      "Joint cell met twice",
      "--author",
      "cli-test",
      "--as-of",
      "2026-04-30",
    ]);
    const { out } = await cli(["demands", "--period", "month", "--as-of", "2026-03-31"]);
    expect(out).toContain(
      "intelligence-sharing — Intelligence sharing and cooperation: computed 1 minimal",
    );
    expect(out).toContain("override: 2 intermediate by cli-test");
    const json = JSON.parse(
      (await cli(["demands", "--period", "quarter", "--as-of", "2026-03-31", "--json"])).out,
    );
    expect(json.periods[0].period).toBe("2026-Q1");
    expect(json.periods[0].demands[0].progress.length).toBe(6);
  });

  it("escalation posts new alerts to FRONTIER_WEBHOOK_URL; alerts lists them", async () => {
    const hook = await startWebhook(() => 200);
    try {
      const { out } = await cli(["escalation", "--as-of", "2026-06-30", "--days", "30"], {
        FRONTIER_WEBHOOK_URL: hook.url,
      });
      expect(out).toContain("alerts in the window: 8, new 8");
      expect(out).toContain("highest rung, last 7 days: 6 sustained-hostilities");
      expect(hook.received).toHaveLength(8);
      const listed = JSON.parse((await cli(["alerts", "--json", "--since", "2026-06-20"])).out);
      expect(listed.alerts.map((a: { day: string }) => a.day)).toEqual([
        "2026-06-30",
        "2026-06-28",
        "2026-06-28",
        "2026-06-26",
        "2026-06-20",
      ]);
      expect(listed.alerts[0].deliveries[0]).toMatchObject({ ok: true, status: 200 });
    } finally {
      await hook.close();
    }
  });

  it("escalation --json --explain carries the events behind every figure", async () => {
    const run = JSON.parse(
      (await cli(["escalation", "--as-of", "2026-06-20", "--days", "1", "--json", "--explain"]))
        .out,
    );
    expect(run.report.days).toHaveLength(1);
    const ids = run.report.days[0].contributions.map((c: { eventId: number }) => c.eventId);
    expect(run.events.filter((e: { id: number }) => ids.includes(e.id))[0].sources).toEqual([
      { dataset: "text", nativeId: "r5" },
    ]);
  });

  it("rejects bad values with the flag in the message", async () => {
    await expect(cli(["trends", "--from", "2026-13"])).rejects.toThrow(/--from "2026-13"/);
    await expect(cli(["escalation", "--as-of", "30/06/2026"])).rejects.toThrow(/--as-of/);
    await expect(cli(["escalation", "--days", "0"])).rejects.toThrow(/--days/);
    await expect(cli(["escalation", "--webhook", "ftp://x"])).rejects.toThrow(/http or https/);
    await expect(cli(["trends", "--by", "year"])).rejects.toMatchObject({
      code: "commander.invalidArgument",
    });
    await expect(cli(["demands", "override", "effective-action", "2026-03", "2"])).rejects.toThrow(
      /--reason TEXT is required/,
    );
    await expect(cli(["demands", "override", "--no-such-flag"])).rejects.toMatchObject({
      code: "commander.unknownOption",
    });
  });
});
