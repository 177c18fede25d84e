import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerQuestions } from "../../src/cli/commands/questions.ts";
import type { Db } from "../../src/store/db.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";
import { importEvents, runCommand } from "./support.ts";

/**
 * `frontier questions` in process on a store of hand-built events: the TTP attacks in Pakistan
 * (helpers/events.ts makes TTP vs the Pakistani military, ASSAULT, in North Waziristan).
 */
const TTP_ATTACKS = JSON.stringify({
  category: "ASSAULT",
  actor: "ttp",
  country: "PAK",
  minFatalities: 10,
});

interface View {
  id: string;
  status: string;
  probability: number | null;
  method: string | null;
  history: { dataEnd: string; probability: number }[];
  resolvedOn: string | null;
  resolution: { events?: { id: number; date: string }[] } | null;
  score: { brier: number; forecasts: number } | null;
}

describe("frontier questions", () => {
  let store: CliStore;
  let dataDir: string[];
  const withDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const db = await store.open();
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  const list = async () => {
    const io = await runCommand(registerQuestions, ["questions", "--json", ...dataDir]);
    return JSON.parse(io.stdout.join("")) as {
      questions: View[];
      calibration: { n: number; observedRate: number | null }[];
    };
  };
  const add = (id: string, opens: string, days: string, extra: string[] = []) =>
    runCommand(registerQuestions, [
      "questions",
      "add",
      "--id",
      id,
      "--text",
      `Will ${id} happen?`,
      "--pattern",
      TTP_ATTACKS,
      "--count",
      "2",
      "--window-days",
      "30",
      "--horizon-days",
      days,
      "--opens",
      opens,
      "--json",
      ...dataDir,
      ...extra,
    ]);

  beforeAll(async () => {
    store = await createCliStore();
    process.env.DATABASE_URL = store.env.DATABASE_URL;
    dataDir = ["--data-dir", store.dataDir];
    // January–March 2026: two big TTP attacks in March, 15 days apart; small ones before.
    await withDb((db) =>
      importEvents(db, "q1", [
        { dateStart: "2026-01-02", fatalitiesBest: 2 },
        { dateStart: "2026-02-11", fatalitiesBest: 3 },
        { dateStart: "2026-03-05", fatalitiesBest: 12 },
        { dateStart: "2026-03-20", fatalitiesBest: 15 },
      ]),
    );
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it("resolves an added question yes from the events that meet its rule, and cites them", async () => {
    const io = await add("march-attacks", "2026-03-01", "60");
    const view = JSON.parse(io.stdout.join("")) as View;
    expect(view).toMatchObject({
      status: "resolved_yes",
      resolvedOn: "2026-03-20",
      probability: 1,
    });
    expect(view.resolution?.events?.map((e) => e.date)).toEqual(["2026-03-05", "2026-03-20"]);
  });

  it("resolves no when the data pass the horizon without the rule met", async () => {
    const io = await add("january-attacks", "2026-01-01", "30");
    expect(JSON.parse(io.stdout.join(""))).toMatchObject({
      status: "resolved_no",
      resolvedOn: "2026-01-30",
    });
  });

  it("gives an open question a probability, once per state of the data, and Brier-scores it when it resolves", async () => {
    await add("spring-attacks", "2026-03-25", "90");
    let view = (await list()).questions.find((q) => q.id === "spring-attacks");
    expect(view?.status).toBe("open");
    expect(view?.method).toBe("base-rate");
    expect(view?.history).toHaveLength(1);
    expect(view?.history[0]?.dataEnd).toBe("2026-03-31");
    const first = view?.probability ?? Number.NaN;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1);
    // Same data: listing again stores nothing new.
    expect((await list()).questions.find((q) => q.id === "spring-attacks")?.history).toHaveLength(
      1,
    );
    // April brings two attacks 5 days apart: the question resolves yes on the second.
    await withDb((db) =>
      importEvents(db, "q2", [
        { dateStart: "2026-04-10", fatalitiesBest: 11 },
        { dateStart: "2026-04-15", fatalitiesBest: 10 },
      ]),
    );
    const after = await list();
    view = after.questions.find((q) => q.id === "spring-attacks");
    expect(view).toMatchObject({ status: "resolved_yes", resolvedOn: "2026-04-15" });
    expect(view?.score?.forecasts).toBe(1);
    expect(view?.score?.brier).toBeCloseTo((1 - first) ** 2, 12);
    const bin = after.calibration.find((b) => b.n > 0);
    expect(bin).toMatchObject({ n: 1, observedRate: 1 });
  });

  it("lists the profile's questions with probabilities", async () => {
    const { questions } = await list();
    expect(questions.map((q) => q.id)).toEqual(
      expect.arrayContaining([
        "afghan-crackdown",
        "bilateral-coordination",
        "outside-mediation",
        "militant-backlash",
      ]),
    );
    for (const q of questions) expect(q.probability).not.toBeNull();
  });

  it("prints the list as text", async () => {
    const io = await runCommand(registerQuestions, ["questions", "--no-refresh", ...dataDir]);
    const text = io.stdout.join("\n");
    expect(text).toContain("spring-attacks [resolved_yes]");
    expect(text).toContain("Brier");
    expect(text).toMatch(/calibration \(forecasts of resolved questions\)/);
  });

  it.each([
    [["--pattern", "{not json"], /--pattern: is not JSON/],
    [["--pattern", '{"actor":"no-such-actor"}'], /questions add: .*actor.*no-such-actor/],
    [["--pattern", '{"category":"PARTY"}'], /category/],
    [["--count", "0"], /--count/],
    [["--opens", "March"], /--opens: must be a date/],
  ])("rejects bad input %j", async (override, message) => {
    const args = [
      "questions",
      "add",
      "--text",
      "Bad?",
      "--pattern",
      TTP_ATTACKS,
      "--count",
      "1",
      "--window-days",
      "1",
      "--horizon-days",
      "1",
      ...dataDir,
    ];
    for (let i = 0; i < override.length; i += 2) {
      const at = args.indexOf(override[i] ?? "");
      if (at >= 0) args[at + 1] = override[i + 1] ?? "";
      else args.push(override[i] ?? "", override[i + 1] ?? "");
    }
    await expect(runCommand(registerQuestions, args)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message,
    });
  });

  it("treats a missing required flag as wrong usage (exit code 2)", async () => {
    const args = ["questions", "add", "--pattern", TTP_ATTACKS, "--count", "1", ...dataDir];
    await expect(runCommand(registerQuestions, args)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("required option '--text'"),
    });
  });

  it("refuses a duplicate id", async () => {
    await expect(add("march-attacks", "2026-03-01", "60")).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
