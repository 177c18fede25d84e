import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { PloverCategory } from "../plover.ts";
import {
  ACLED_EVENT_TYPES,
  ACLED_INTER_CODES,
  ACLED_SUB_EVENT_TYPES,
  acledToPlover,
  isPloverMode,
  PLOVER_MODES,
  parseAcledSubEventType,
} from "./index.ts";

function readShared(path: string): string {
  return readFileSync(new URL(`../../../../shared/data/${path}`, import.meta.url), "utf8");
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readShared(path), { columns: true, bom: true, skip_empty_lines: true });
}

describe("ACLED sub-event types against acledR_acled_event_categories.csv", () => {
  const rows = readCsv("acled/acledR_acled_event_categories.csv");

  it("has the file's 6 event types and 25 sub-event types", () => {
    expect(rows).toHaveLength(25);
    expect(ACLED_SUB_EVENT_TYPES).toHaveLength(25);
    expect([...new Set(rows.map((row) => row.event_type))].sort()).toEqual(
      [...ACLED_EVENT_TYPES].sort(),
    );
  });

  it.each(rows.map((row) => [row.sub_event_type ?? "", row] as const))(
    "%s has the file's event type and disorder flags, and a valid PLOVER type",
    (name, row) => {
      const info = ACLED_SUB_EVENT_TYPES.find((candidate) => candidate.name === name);
      expect(info).toBeDefined();
      expect(info?.eventType).toBe(row.event_type);
      const isPoliticalViolence = info?.disorderType.includes("Political violence") ?? false;
      const isDemonstration = info?.disorderType.includes("Demonstrations") ?? false;
      expect(isPoliticalViolence ? "1" : "0").toBe(row.political_violence);
      expect(isDemonstration ? "1" : "0").toBe(row.demonstrations);
      expect(info?.disorderType === "Strategic developments" ? "0" : "1").toBe(row.disorder);

      const mapped = acledToPlover(name);
      expect(mapped).toBeDefined();
      const category = mapped?.category ?? "AGREE";
      expect(mapped?.mode).toBeTypeOf("string");
      expect(isPloverMode(category, mapped?.mode ?? "")).toBe(true);
    },
  );
});

describe("acledToPlover()", () => {
  const cases: [string, PloverCategory, string][] = [
    ["Air/drone strike", "ASSAULT", "heavy-weapons"],
    ["Shelling/artillery/missile attack", "ASSAULT", "heavy-weapons"],
    ["Remote explosive/landmine/IED", "ASSAULT", "explosives"],
    ["Grenade", "ASSAULT", "explosives"],
    ["Suicide bomb", "ASSAULT", "suicide-attack"],
    ["Chemical weapon", "ASSAULT", "unconventional"],
    ["Armed clash", "ASSAULT", "sideAB"],
    ["Government regains territory", "ASSAULT", "sideAB"],
    ["Non-state actor overtakes territory", "ASSAULT", "sideAB"],
    ["Attack", "ASSAULT", "firearms"],
    ["Sexual violence", "ASSAULT", "sexual"],
    ["Abduction/forced disappearance", "ASSAULT", "abduct"],
    ["Peaceful protest", "PROTEST", "demo"],
    ["Protest with intervention", "PROTEST", "demo"],
    ["Excessive force against protesters", "ASSAULT", "beat"],
    ["Violent demonstration", "PROTEST", "riot"],
    ["Mob violence", "ASSAULT", "beat"],
    ["Agreement", "RETREAT", "ceasefire"],
    ["Arrests", "COERCE", "arrest"],
    ["Change to group/activity", "MOBILIZE", "militia"],
    ["Disrupted weapons use", "MOBILIZE", "police"],
    ["Headquarters or base established", "MOBILIZE", "militia"],
    ["Looting/property destruction", "ASSAULT", "destroy"],
    ["Non-violent transfer of territory", "RETREAT", "withdraw"],
    ["Other", "COERCE", "restrict"],
  ];
  it.each(cases)("maps %j to %s %s", (name, category, mode) => {
    expect(acledToPlover(name)).toEqual({ category, mode });
  });

  it.each([
    ["AIR/DRONE STRIKE", "Air/drone strike"],
    ["  armed   clash ", "Armed clash"],
    ["Remote explosive / landmine / IED", "Remote explosive/landmine/IED"],
    ["Excessive force against protestors", "Excessive force against protesters"],
    ["Battle-No change of territory", "Armed clash"],
    ["Battle - Government regains territory", "Government regains territory"],
    ["SUIC_BOMB", "Suicide bomb"],
    ["ART_MISS_ATTACK", "Shelling/artillery/missile attack"],
  ])("reads %j as %j", (spelling, name) => {
    expect(parseAcledSubEventType(spelling)).toBe(name);
    expect(acledToPlover(spelling)).toEqual(acledToPlover(name));
  });

  it.each(["", "Battles", "Drone strike", "DIPLO", "constructor", "Armed clash;Attack"])(
    "gives undefined for %j",
    (name) => {
      expect(acledToPlover(name)).toBeUndefined();
    },
  );

  it("maps every sub-event type of the ACLED files in shared/data", () => {
    const names = new Set<string>();
    for (const row of readCsv("acled/pakistan_balochistan_2020-2024_acled_subset.csv")) {
      names.add(row.sub_event_type ?? "");
    }
    for (const row of readCsv("acled/afghanistan_2019_election_period_acled_subset.csv")) {
      names.add(row.Sub_type ?? "");
    }
    for (const row of readCsv("acled/acled_argentina_2022_sample.csv")) {
      names.add(row.sub_event_type ?? "");
    }
    expect(names.size).toBeGreaterThan(20);
    expect([...names].filter((name) => !acledToPlover(name))).toEqual([]);
  });

  it("maps every sub-event type the acledR codebook lists", () => {
    const row = readCsv("acled/acledR_acled_codebook.csv").find(
      (candidate) => candidate.Variable === "sub_event_type",
    );
    const names = (row?.Values ?? "").split(";").map((name) => name.trim());
    expect(names).toHaveLength(25);
    expect(names.filter((name) => !acledToPlover(name))).toEqual([]);
  });

  it("maps the CASE 2021 labels of ACLED's 25 types, and only those", () => {
    const rows = parse(readShared("text/case2021_task2_test_set_final_release_with_labels.tsv"), {
      columns: true,
      delimiter: "\t",
      quote: false,
      relax_column_count: true,
    }) as Record<string, string>[];
    const labels = new Set(rows.map((row) => row.SubType ?? ""));
    const unmapped = [...labels].filter((label) => !acledToPlover(label)).sort();
    expect(unmapped).toEqual([
      "ATTRIB",
      "DIPLO",
      "MAN_MADE_DISASTER",
      "NATURAL_DISASTER",
      "ORG_CRIME",
    ]);
    const targets = new Set([...labels].map((label) => parseAcledSubEventType(label)));
    targets.delete(undefined);
    expect(targets.size).toBe(25);
  });

  it("never returns a mode outside its category", () => {
    for (const { name } of ACLED_SUB_EVENT_TYPES) {
      const mapped = acledToPlover(name);
      const modes: readonly string[] = mapped ? PLOVER_MODES[mapped.category] : [];
      expect(modes, name).toContain(mapped?.mode);
    }
  });
});

describe("ACLED_INTER_CODES", () => {
  it("matches acledR_acled_interaction_codes.csv", () => {
    const rows = readCsv("acled/acledR_acled_interaction_codes.csv");
    expect(rows.map((row) => [Number(row["Numeric Code"]), row["Inter1/Inter2"]])).toEqual(
      ACLED_INTER_CODES.map(({ code, label }) => [code, label]),
    );
  });

  it("names every actor type in the text `interaction` field of the Balochistan subset", () => {
    const types = new Set<string>();
    for (const row of readCsv("acled/pakistan_balochistan_2020-2024_acled_subset.csv")) {
      for (const part of (row.interaction ?? "").split("-")) {
        types.add(part.replace(/ only$/, ""));
      }
    }
    const known: string[] = ACLED_INTER_CODES.map(({ actorType }) => actorType);
    expect([...types].filter((type) => !known.includes(type))).toEqual([]);
  });
});
