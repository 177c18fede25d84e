import { describe, expect, it } from "vitest";
import { findTrigger } from "./triggers.ts";

describe("findTrigger()", () => {
  it.each([
    [
      "A suicide bomber blew himself up near a mosque.",
      "ASSAULT",
      "suicide-attack",
      "Suicide bomb",
    ],
    [
      "Militants detonated an IED targeting a police vehicle.",
      "ASSAULT",
      "explosives",
      "Remote explosive/landmine/IED",
    ],
    ["Pakistani jets struck hideouts in Khost.", "ASSAULT", "heavy-weapons", "Air/drone strike"],
    [
      "Taliban militants shelled a base in Zadran.",
      "ASSAULT",
      "heavy-weapons",
      "Shelling/artillery/missile attack",
    ],
    ["Troops and militants exchanged fire for hours.", "ASSAULT", "sideAB", "Armed clash"],
    ["Gunmen shot dead a shopkeeper.", "ASSAULT", "firearms", "Attack"],
    ["Taliban militants attacked a police checkpoint.", "ASSAULT", "sideAB", "Armed clash"],
    ["Militants attacked soldiers and villagers at the market.", "ASSAULT", "firearms", "Attack"],
    ["Police arrested five suspects.", "COERCE", "arrest", "Arrests"],
    ["BLF militants fired at an FC post in Kalat.", "ASSAULT", "sideAB", "Armed clash"],
    ["Militants fired at a shopkeeper in Turbat.", "ASSAULT", "firearms", "Attack"],
    ["BLA targeted a hideout of the ISI in Mianaz.", "ASSAULT", "firearms", "Attack"],
    [
      "BRG militants blew up a gas pipeline in Pir Koh.",
      "ASSAULT",
      "explosives",
      "Remote explosive/landmine/IED",
    ],
    ["The bodies of 5 persons were found in Harnai.", "ASSAULT", "firearms", "Attack"],
    ["The bomb disposal squad defused a device.", "MOBILIZE", "police", "Disrupted weapons use"],
    ["Gunmen kidnapped two engineers.", "ASSAULT", "abduct", "Abduction/forced disappearance"],
    ["Traders held a protest against the closure.", "PROTEST", "demo", "Peaceful protest"],
    ["Islamabad summoned the Afghan charge d'affaires.", "ACCUSE", "disapprove", null],
    ["Pakistan closed the Torkham border on Friday.", "COERCE", "restrict", null],
    ["The Torkham crossing was reopened after talks.", "RETREAT", "access", null],
    ["Both sides agreed to a ceasefire.", "RETREAT", "ceasefire", "Agreement"],
  ])("%s", (sentence, category, mode, subtype) => {
    expect(findTrigger(sentence, 0)).toMatchObject({ category, mode, subtype });
  });

  it("gives the span of the words, offset by the base", () => {
    const trigger = findTrigger("Police arrested five suspects.", 10);
    expect(trigger).toMatchObject({ start: 17, end: 25, text: "arrested" });
  });

  it("finds nothing in a sentence that reports no act", () => {
    expect(
      findTrigger("Pakistan sees terrorism as an immediate threat to its citizens.", 0),
    ).toBeNull();
  });

  it("skips words the caller rules out", () => {
    const sentence = "Pakistan urged Kabul to arrest militants after an attack.";
    const trigger = findTrigger(sentence, 0, (start) => start < sentence.indexOf("attack"));
    expect(trigger?.text).toBe("attack");
  });
});
