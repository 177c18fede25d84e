import { describe, expect, it } from "vitest";
import { addSentenceToll, extractCasualties } from "./casualties.ts";
import { parseCount } from "./numbers.ts";

describe("extractCasualties()", () => {
  it.each([
    ["Security forces raided a hideout, killing 15 militants.", 15, null],
    ["At least a dozen soldiers were killed in the ambush.", 12, null],
    ["Two policemen were martyred and three others injured.", 2, 3],
    ["The blast left 3 dead and 11 injured.", 3, 11],
    ["A suicide bomber killed 15 people and wounded 40 in Peshawar.", 15, 40],
    ["The death toll rose to 27 on Tuesday.", 27, null],
    ["1 fatality and 1 injured.", 1, 1],
    ["A soldier was martyred in the exchange of fire.", 1, null],
    ["Forces killed 15 militants, while two soldiers were martyred.", 17, null],
    ["No casualties were reported.", 0, 0],
    ["19 militants were killed in Zabul. Fatalities split across 3 events (6).", 6, null],
    ["BRG claimed all were killed. Unspecified number of fatalities coded as 3.", 3, null],
    ["A suicide bomber attacked the convoy in 2019.", null, null],
    ["Militants attacked a checkpost in Bannu.", null, null],
    ["Militants seized 3 vehicles and 2 motorbikes.", null, null],
  ])("%s", (sentence, killed, injured) => {
    const counts = extractCasualties(sentence);
    expect(counts.killed?.best ?? null).toBe(killed);
    expect(counts.injured?.best ?? null).toBe(injured);
  });

  it("keeps the bound of 'at least'", () => {
    expect(extractCasualties("killing at least 30 people").killed).toMatchObject({
      best: 30,
      low: 30,
      high: null,
    });
  });

  it.each([
    // killing X and injuring Y
    ["Militants attacked a post, killing 4 soldiers and injuring 2.", 4, 2],
    ["Taliban militants ambushed and killed 4 Afghan soldiers, and injured 1, in Paktia.", 4, 1],
    // number words, capitalised at the start of a sentence
    ["Eleven FC personnel were killed and another seven were left injured.", 11, 7],
    // groups joined by "and" add up; a list "A, B, and C" too
    ["On 12 July 2023, 3 soldiers and 2 BLT militants were killed in Sui.", 5, null],
    ["Two soldiers and one civilian were killed and three persons were left injured.", 3, 3],
    ["Over 24 hours, 28 Taliban militants, 3 soldiers, and 1 policeman were killed.", 32, null],
    [
      "After an exchange of fire five militants were killed and eight injured and four FC soldiers were killed and six injured.",
      9,
      14,
    ],
    ["Forces raided the compound, killing 3 militants and 2 civilians.", 5, null],
    // a breakdown of the count is not more deaths
    [
      "An exchange of fire took place, killing 14 people, seven soldiers and seven guards.",
      14,
      null,
    ],
    // a group of another kind after "and" is not counted
    ["Special forces killed 4 militants and 3 arrested in Delaram.", 4, null],
    // a list that is another verb's object is not the next verb's subject
    [
      "Taliban militants attacked a post, injuring 6 soldiers and 2 militants, and 1 militant was killed.",
      1,
      8,
    ],
    ["Airstrikes killed 6 Taliban militants, and 5 injured, in Tarinkot.", 6, 5],
    ["Militants attacked a convoy, wounding 3 soldiers and 2 were killed.", 2, 3],
    // "X people including Y …": the Y are among the X
    ["66 Afghan security personnel including 5 commanders were killed.", 66, null],
    [
      "NDS forces attacked Taliban positions, killing 13 Taliban militants, including 4 commanders.",
      13,
      null,
    ],
    ["Five persons including one policeman and four workers were killed.", 5, null],
    ["13 Taliban militants, including a commander, and 4 civilians were killed.", 17, null],
    ["At least 7 people, including the union council chairman, were killed.", 7, null],
    ["Over 24 hours, 8 Taliban militants including 2 commanders were killed.", 8, null],
    // "and/or", "and" inside one group's name
    ["5 Taliban and/or Islamic State militants were killed during operations.", 5, null],
    ["14 Taliban and IS militants were killed by airstrikes.", 14, null],
    // a parenthesis between the number and its verb
    ["2 security forces (coded as military) were killed and 3 injured in Chagai.", 2, 3],
    // "two of them"
    ["Militants abducted five workers; two of them were killed later.", 2, null],
    // one person: "a", "he", "the …", "him"
    ["BLA militants shot dead a shopkeeper in Turbat.", 1, null],
    ["Unidentified gunmen gunned down a student in Khuzdar.", 1, null],
    ["Militants shot a levies soldier in Tilli, killing him.", 1, null],
    ["He was killed in the attack.", 1, null],
    ["The deputy of the registration department was kidnapped and killed by militants.", 1, null],
    [
      "The militia member was killed along with his wife who was also killed in the crossfire.",
      2,
      null,
    ],
    ["Assailants shot dead the central leader of the ANP near Quetta.", 1, null],
    ["1 US NATO Special Forces soldier was shot and killed in combat.", 1, null],
    // not one person
    ["Gunmen killed a number of villagers.", null, null],
    ["Assailants shot dead the guards of the minister.", null, null],
    // bodies found
    ["The bodies of 5 persons were found in Harnai district.", 5, null],
    // who killed is not who died
    ["2 Pashtun policemen killed 9 fellow policemen in an insider attack.", 9, null],
  ])("%s", (sentence, killed, injured) => {
    const counts = extractCasualties(sentence);
    expect(counts.killed?.best ?? null).toBe(killed);
    expect(counts.injured?.best ?? null).toBe(injured);
  });

  it("reads a range as its low end, keeping the high one", () => {
    expect(
      extractCasualties("4-12 policemen were killed and 4 were wounded.").killed,
    ).toMatchObject({
      best: 4,
      low: 4,
      high: 12,
    });
  });

  it("halves an undivided 'killed and wounded' count, as ACLED codes it", () => {
    expect(
      extractCasualties("6 Afghan soldiers were killed and wounded by Taliban militants.").killed,
    ).toMatchObject({ best: 3, low: 0, high: 6 });
  });

  it.each([
    ["BLA claimed that 64 security personnel were killed.", 64, "claimed"],
    ["Nine military personnel were claimed to be killed in the attack.", 9, "claimed"],
    ["BLA claims, however, that 8 army personnel were killed.", 8, "claimed"],
    // a reported count wins over a claimed one in the same sentence
    [
      "Two navy personnel were killed; however, BLA claimed that it had killed four.",
      2,
      "reported",
    ],
    [
      "BLA claims that three personnel were killed, however, sources identified only one person killed.",
      1,
      "reported",
    ],
    // claiming an attack is no claim about its toll
    ["The TTP claimed responsibility for the attack that killed 3 soldiers.", 3, "reported"],
  ])("%s", (sentence, best, basis) => {
    expect(extractCasualties(sentence).killed).toMatchObject({ best, basis });
  });

  it("applies ACLED's statement to the count of its own sentence", () => {
    const killed = extractCasualties(
      "A Taliban commander and 11 other militants were killed (12 fatalities coded across 3 events) while 13 were detained.",
    ).killed;
    expect(killed).toMatchObject({ best: 4, basis: "coded" });
  });
});

describe("addSentenceToll()", () => {
  const event = extractCasualties("Militants killed 17 Taliban fighters in Nad Ali and Musa Qala.");

  it("splits the event's count as a later statement says", () => {
    const after = addSentenceToll(event, "Fatalities split across 2 events.", { isNear: false });
    expect(after.killed).toMatchObject({ best: 9, basis: "coded" });
  });

  it("takes a later closing figure however far it is", () => {
    const after = addSentenceToll(event, "4 fatalities.", { isNear: false });
    expect(after.killed?.best).toBe(4);
  });

  it("fills only what the event lacks, and only nearby", () => {
    const none = extractCasualties("Militants attacked a post in Kech.");
    const near = addSentenceToll(none, "Two soldiers were killed and one injured.", {
      isNear: true,
    });
    expect([near.killed?.best, near.injured?.best]).toEqual([2, 1]);
    const far = addSentenceToll(none, "Two soldiers were killed.", { isNear: false });
    expect(far.killed).toBeNull();
    const kept = addSentenceToll(event, "Two soldiers were killed.", { isNear: true });
    expect(kept.killed?.best).toBe(17);
  });
});

describe("parseCount()", () => {
  it.each([
    ["15", 15, null, null],
    ["1,200", 1200, null, null],
    ["twenty-five", 25, null, null],
    ["a dozen", 12, null, null],
    ["dozens", 24, 24, null],
    ["up to 30", 30, null, 30],
    ["more than 40", 40, 40, null],
    ["12 to 15", 12, 12, 15],
    ["1-4", 1, 1, 4],
    ["13–16", 13, 13, 16],
    ["two hundred", 200, null, null],
    ["a total of 12", 12, null, null],
  ])("%s", (phrase, best, low, high) => {
    expect(parseCount(phrase)).toMatchObject({ best, low, high });
  });

  it("rejects a range that runs backwards", () => {
    expect(parseCount("15 to 12")).toBeNull();
  });

  it("says every count it reads is reported", () => {
    expect(parseCount("3")?.basis).toBe("reported");
  });
});
