import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import { codeText } from "./code-text.ts";
import { toSourceRecords } from "./records.ts";
import { FIXTURES, loadTestContext } from "./test-support.ts";

const context = loadTestContext();

const REPORT = [
  "Two policemen were martyred and three others injured when militants attacked a checkpost in Bannu on Monday.",
  "Pakistani forces killed at least a dozen TTP militants in North Waziristan yesterday, the ISPR said.",
  "Afghan forces did not fire on the Torkham crossing, officials said.",
].join(" ");

describe("codeText()", () => {
  const result = codeText(REPORT, { ...context, articleDate: "2024-03-14" });

  it.each([
    // trigger, category, actor, place, admin1, date, killed, injured
    ["attacked", "ASSAULT", "militants", "Bannu", "Khyber Pakhtunkhwa", "2024-03-11", 2, 3],
    [
      "killed",
      "ASSAULT",
      "pak-military",
      "North Waziristan",
      "Khyber Pakhtunkhwa",
      "2024-03-13",
      12,
      null,
    ],
  ])(
    "codes the report with %s",
    (trigger, category, actor, place, admin1, date, killed, injured) => {
      const event = result.events.find((e) => e.trigger.text === trigger);
      expect(event?.category).toBe(category);
      expect(event?.actor?.actorId ?? event?.actor?.name).toBe(actor);
      expect(event?.place?.name).toBe(place);
      expect(event?.place?.admin1).toBe(admin1);
      expect(event?.date?.start).toBe(date);
      expect(event?.casualties.killed?.best ?? null).toBe(killed);
      expect(event?.casualties.injured?.best ?? null).toBe(injured);
      expect(event?.modality).toEqual([]);
    },
  );

  it("names the TTP as the target of the Pakistani operation", () => {
    const event = result.events.find((e) => e.trigger.text === "killed");
    expect(event?.recipient?.actorId).toBe("ttp");
  });

  it("does not take the source of a report for its target", () => {
    const [event] = codeText(
      "Militants attacked a checkpost in Bannu, police said.",
      context,
    ).events;
    expect(event?.actor?.name).toBe("Militants");
    expect(event?.recipient).toBeNull();
  });

  it("codes the same text the same way twice", () => {
    expect(codeText(REPORT, { ...context, articleDate: "2024-03-14" })).toEqual(result);
  });

  it("reads an ACLED note with its date and its toll in a later sentence", () => {
    const note =
      "On 30 December 2024, BRG militants detonated an IED targeting a police vehicle near Mirpur area in Jhal Magsi district (Jhal Magsi, Balochistan). 3 fatalities.";
    const [event] = codeText(note, context).events;
    expect(event).toMatchObject({ category: "ASSAULT", subtype: "Remote explosive/landmine/IED" });
    expect(event?.actor?.actorId).toBe("brg");
    expect(event?.date?.start).toBe("2024-12-30");
    expect(event?.place?.admin1).toBe("Balochistan");
    expect(event?.casualties.killed?.best).toBe(3);
  });

  it("takes ACLED's coded toll over the text's when a note gives both", () => {
    const note =
      "As reported on September 29 2019, 19 Taliban militants were killed by Afghan forces airstrikes in Zabul. Fatalities split across 3 events (6).";
    const [event] = codeText(note, context).events;
    expect(event?.casualties.killed?.best).toBe(6);
  });

  it("applies ACLED's closing figure to the event however many sentences come between", () => {
    const note =
      "On 23 September 2024, BLA militants on a motorcycle shot dead a Punjabi barber on Brewery Road in Quetta city (Quetta, Balochistan). BLA claim the individual worked as a military informant in the area. Recently, Baloch separatist groups have increasingly warned non-locals in the province. 1 fatality.";
    // The toll is the shooting's, not that of the warning told after it.
    const events = codeText(note, context).events;
    expect(events.map((e) => [e.category, e.casualties.killed?.best ?? null])).toEqual([
      ["ASSAULT", 1],
      ["THREATEN", null],
    ]);
    expect(events[0]?.casualties.killed?.basis).toBe("coded");
  });

  it("codes an act told before an accusation, with its toll", () => {
    const [event] = codeText(
      "On 9 April 2023, BLA militants killed a man accusing him of spying for security forces in Panjgur town (Balochistan).",
      context,
    ).events;
    expect(event).toMatchObject({ category: "ASSAULT", trigger: { text: "killed" } });
    expect(event?.casualties.killed?.best).toBe(1);
    expect(event?.place?.admin1).toBe("Balochistan");
  });

  it.each([["urdu.txt"], ["french.txt"]])("reports %s as not coded, with nothing coded", (file) => {
    const text = readFileSync(`${FIXTURES}${file}`, "utf8");
    const coded = codeText(text, context);
    expect(coded.notCoded?.reason).toBe("not-english");
    expect(coded.notCoded?.detail).toMatch(/only English is coded/);
    expect([coded.events, coded.claims, coded.questions]).toEqual([[], [], []]);
  });

  it.each([["2024-02-30"], ["14/03/2024"], ["yesterday"]])(
    "refuses the article date %s",
    (articleDate) => {
      expect(() => codeText(REPORT, { ...context, articleDate })).toThrow(AppError);
    },
  );
});

describe("toSourceRecords()", () => {
  const result = codeText(REPORT, { ...context, articleDate: "2024-03-14" });
  const records = toSourceRecords(result, { resolver: context.resolver });

  it("keeps only dated reports of what happened", () => {
    expect(records.map((r) => r.raw)).toHaveLength(2);
    expect(records.every((r) => r.dataset === "text")).toBe(true);
  });

  it("gives stable native ids from the text's sha256 and the sentence", () => {
    const again = toSourceRecords(codeText(REPORT, { ...context, articleDate: "2024-03-14" }), {
      resolver: context.resolver,
    });
    expect(again.map((r) => r.nativeId)).toEqual(records.map((r) => r.nativeId));
    expect(records[0]?.nativeId).toMatch(/^[0-9a-f]{64}:0:/);
    expect(new Set(records.map((r) => r.nativeId)).size).toBe(records.length);
  });

  it("marks a TTP operation target, not the attacker, and a TTP attack in Pakistan as cross-border", () => {
    const ttpAttack = codeText(
      "On 3 March 2024, TTP militants attacked a checkpost in Bannu.",
      context,
    );
    const [record] = toSourceRecords(ttpAttack, { resolver: context.resolver });
    expect(record?.event.crossBorder).toEqual({ isCrossBorder: true, direction: "AFG->PAK" });
    expect(record?.event.actors).toEqual([
      { name: "Tehrik-i-Taliban Pakistan", role: "actor1", actorId: "ttp" },
    ]);
  });
});
