/**
 * The first acceptance test of the coder (issue 5): the seed article in
 * ../shared/seeds. Expected values are read from the article itself, by a
 * person, not from the coder's output.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { codeText } from "./code-text.ts";
import { loadTestContext, SEEDS_DIR } from "./test-support.ts";
import type { CodeResult } from "./types.ts";

const seedFile = readdirSync(SEEDS_DIR).find((name) => name.endsWith(".txt"));
const text = readFileSync(`${SEEDS_DIR}${seedFile ?? "missing.txt"}`, "utf8");
const context = loadTestContext();
const result: CodeResult = codeText(text, context);

/** The five demands as the article lists them, with the profile demand each is. */
const DEMAND_ITEMS = [
  ["Effective action", "effective-action"],
  ["Border monitoring", "border-monitoring"],
  ["Denial of safe havens", "deny-safe-havens"],
  ["Intelligence sharing and cooperation", "intelligence-sharing"],
  ["Swift prosecution", "swift-prosecution"],
] as const;

/** The kinds of action the article reports, with the words that name them. */
const REPORTED_ACTIONS = [
  ["intelligence-based operations", "ASSAULT", "Pakistan has carried out"],
  ["summoned", "ACCUSE", "In past incidents"],
  ["cross-border strikes", "ASSAULT", "At times"],
] as const;

const WATCH_QUESTIONS = [
  ["Will Afghanistan respond with new operations", "afghan-crackdown"],
  ["How will Pakistan and Afghanistan coordinate", "bilateral-coordination"],
  ["Will there be international mediation", "outside-mediation"],
  ["Could escalation happen", "militant-backlash"],
] as const;

describe("codeText() on the seed article", () => {
  it("reads it as English and codes it", () => {
    expect(result.notCoded).toBeUndefined();
    expect(result.language.code).toBe("en");
  });

  it("has Pakistan as the demanding party and the Afghan government as the addressee", () => {
    expect(result.parties.demanding[0]).toBe("pak-government");
    expect(result.parties.addressed[0]).toBe("afg-taliban");
    const first = result.claims.find(
      (c) => c.kind === "demand" && c.evidence.text.includes("called upon"),
    );
    expect(first?.by?.party).toBe("PAK");
    expect(first?.of?.text).toBe("Afghan government");
    expect(first?.of?.party).toBe("AFG");
  });

  it("names the TTP as the group", () => {
    expect(result.parties.groups).toContain("ttp");
    const linked = result.claims.find((c) => c.of?.actorId === "ttp");
    expect(linked?.kind).toBe("accusation");
  });

  it.each(DEMAND_ITEMS)("matches the list item %s to the profile demand %s", (label, demandId) => {
    const claim = result.claims.find((c) => c.evidence.text.startsWith(label));
    expect(claim?.kind).toBe("demand");
    expect(claim?.demand?.demandId).toBe(demandId);
    expect(claim?.by?.actorId).toBe("pak-government");
    expect(claim?.of?.party).toBe("AFG");
  });

  it("maps no claim to a demand of another pair of parties", () => {
    for (const claim of result.claims.filter((c) => c.demand !== null)) {
      expect(claim.by?.party).toBe("PAK");
      expect(claim.of?.party).toBe("AFG");
    }
  });

  it.each(REPORTED_ACTIONS)(
    "reports %s as a generic, undated %s event",
    (words, category, sentenceStart) => {
      const event = result.events.find((e) => e.trigger.text === words);
      expect(event?.category).toBe(category);
      expect(event?.evidence.text.startsWith(sentenceStart)).toBe(true);
      expect(event?.modality).toContain("generic");
      expect(event?.date).toBeNull();
      expect(event?.actor?.party).toBe("PAK");
    },
  );

  it("finds the accusation that militants are backed from Afghanistan", () => {
    const backed = result.claims.find((c) => c.evidence.text.includes("“backed”"));
    expect(backed?.kind).toBe("accusation");
    expect(backed?.of?.party).toBe("AFG");
  });

  it.each(WATCH_QUESTIONS)("matches the question “%s…” to %s", (start, questionId) => {
    const question = result.questions.find((q) => q.text.startsWith(start));
    expect(question?.questionId).toBe(questionId);
    expect(question?.isWatchSection).toBe(true);
  });

  it("matches exactly the four watch questions", () => {
    const matched = result.questions.filter((q) => q.questionId !== null);
    expect(matched.map((q) => q.questionId).sort()).toEqual(
      WATCH_QUESTIONS.map(([, id]) => id).sort(),
    );
  });

  it("invents no date, no place finer than a country and no casualty count", () => {
    expect(result.events.filter((e) => e.date !== null)).toEqual([]);
    expect(
      result.events.filter((e) => e.place !== null && e.place.precision !== "country"),
    ).toEqual([]);
    const counted = result.events.filter(
      (e) => e.casualties.killed !== null || e.casualties.injured !== null,
    );
    expect(counted).toEqual([]);
  });

  it("gives every span the words it claims to", () => {
    for (const event of result.events) {
      expect(text.slice(event.trigger.start, event.trigger.end)).toBe(event.trigger.text);
      expect(text.slice(event.evidence.start, event.evidence.end)).toBe(event.evidence.text);
    }
    for (const claim of result.claims) {
      expect(text.slice(claim.what.start, claim.what.end)).toBe(claim.what.text);
    }
  });
});
