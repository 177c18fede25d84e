import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { createResolver, parseProfile } from "./index.ts";

const ROOT = join(import.meta.dirname, "../../..");
const DATA = join(ROOT, "../shared/data");
const profile = parseProfile(readFileSync(join(ROOT, "profiles/pak-afg.yaml"), "utf8"), {
  source: "profiles/pak-afg.yaml",
});
const resolver = createResolver(profile);

describe("resolver.actor()", () => {
  // Spellings as UCDP GED, ACLED, GDELT (CAMEO codes and names) and the press write them.
  const cases: Array<[string, string | null, string?]> = [
    ["Government of Pakistan", "pak-government"],
    ["Military Forces of Pakistan (2018-)", "pak-military"],
    ["Military Forces of Pakistan (2018-2022)", "pak-military"],
    ["Police Forces of Pakistan (2022-)", "pak-police"],
    ["Police Forces of Pakistan (2022-) Frontier Corps", "pak-fc"],
    ["Police Forces of Pakistan (2022-) Counter Terrorism Department", "pak-ctd"],
    ["Police Forces of Pakistan (2022-) Coast Guard", "pak-police"],
    ["Pakistani security forces", "pak-military"],
    ["PAKMIL", "pak-military"],
    ["PAK", "pak-government"],
    ["PAKISTAN", "pak-government"],
    ["Government of Afghanistan", "afg-taliban"],
    ["Government of Afghanistan", "afg-taliban", "2026-03-01"],
    ["Government of Afghanistan", "afg-republic", "2019-06-01"],
    ["Government of Afghanistan (2014-)", "afg-republic"],
    ["Military Forces of Afghanistan (2014-)", "afg-republic-forces"],
    ["Military Forces of Afghanistan (2014-2021)", "afg-republic-forces"],
    ["Military Forces of Afghanistan (2021-)", "afg-taliban-forces"],
    ["Military Forces of Afghanistan (2021-) Taliban", "afg-taliban-forces"],
    [
      "Police Forces of Afghanistan (2014-) National Directorate of Security",
      "afg-republic-forces",
    ],
    ["AFGMIL", "afg-republic-forces", "2019-01-21"],
    ["AFGMIL", "afg-taliban-forces", "2024-01-01"],
    ["AFGINSTAL", "afg-taliban"],
    ["AFGINSTALUAF", "afg-taliban"],
    ["TAL", "afg-taliban"],
    ["Taliban", "afg-taliban"],
    ["TALEBAN", "afg-taliban"],
    ["Taliban - Red Unit", "afg-taliban"],
    ["TTP", "ttp"],
    ["Tehrik-i-Taliban Pakistan", "ttp"],
    ["Tehrik-e-Taliban Pakistan (TTP)", "ttp"],
    ["Tehreek-e-Taliban", "ttp"],
    ["TTP: Tehreek-i-Taliban Pakistan", "ttp"],
    ["tehrik e taliban  PAKISTAN", "ttp"],
    ["Fitna al Khawarij", "ttp"],
    ["Jamaat-ul-Ahrar", "jamaat-ul-ahrar"],
    ["Lashkar of Orakzai", "lashkar-orakzai"],
    ["IMP", "imp"],
    ["IS", "iskp"],
    ["ISKP", "iskp"],
    ["Islamic State Khorasan Province", "iskp"],
    ["Islamic State (Afghanistan)", "iskp"],
    ["Islamic State (Pakistan)", "is-pakistan"],
    ["al-Qa'ida", "al-qaeda"],
    ["BLA: Baloch Liberation Army", "bla"],
    ["BLA-AA: Baloch Liberation Army-Aslam Acho", "bla-jeeyand"],
    ["BLF", "blf"],
    ["BLF: Baloch Liberation Front", "blf"],
    ["BRAS: Baloch Raaji Ajoi e Sangar", "bras"],
    ["Baloch Separatists (Pakistan)", "baloch-separatists"],
    ["Baluch separatists", "baloch-separatists"],
    ["SRA", "sra"],
    ["LeT: Lashkar-e-Taiba", "lashkar-e-taiba"],
    ["Lashkar-i-Jhangvi", "lashkar-e-jhangvi"],
    ["Unidentified Armed Group (Pakistan)", "unidentified-pak"],
    ["XXX770", "unidentified-pak"],
    ["XXX700", "unidentified-afg"],
    ["Civilians (Pakistan)", "civilians"],
    ["Militia (Pro-Government)", "pro-government-militia"],
    ["NRF", "nrf"],
    ["Türkiye", "turkiye"],
    ["Turkey", "turkiye"],
    ["QAT", "qatar"],
    ["IGOUNO", "un"],
    ["UNAMA", "unama"],
    // Not profile actors, or too vague to pin on one.
    ["PAKMED", null],
    ["Taliban and/or Islamic State (Afghanistan)", null],
    ["Government of Iraq", null],
    ["", null],
  ];
  for (const [name, expected, date] of cases) {
    it(`resolves ${JSON.stringify(name)}${date ? ` on ${date}` : ""} to ${expected}`, () => {
      expect(resolver.actor(name, date === undefined ? {} : { date })?.id ?? null).toBe(expected);
    });
  }
});

describe("resolver.admin()", () => {
  const cases: Array<[string | null, string | null, 1 | 2, string | null, string?]> = [
    ["Pakistan", "Khyber Pakhtunkwa province", 1, "Khyber Pakhtunkhwa"],
    ["PAK", "NWFP", 1, "Khyber Pakhtunkhwa"],
    ["PK", "K.P.", 1, "Khyber Pakhtunkhwa"],
    [null, "PK03", 1, "Khyber Pakhtunkhwa"],
    [null, "PK.02", 1, "Balochistan"],
    [null, "AF-PKA", 1, "Paktika"],
    ["Pakistan", "Baluchistan", 1, "Balochistan"],
    ["Pakistan", "Sind", 1, "Sindh"],
    ["Pakistan", "F.C.T.", 1, "Islamabad Capital Territory"],
    ["Pakistan", "Northern Areas", 1, "Gilgit-Baltistan"],
    ["Pakistan", "Azad Jammu & Kashmir", 1, "Azad Jammu and Kashmir"],
    ["Afghanistan", "Konar", 1, "Kunar"],
    ["Afghanistan", "Hirat province", 1, "Herat"],
    ["Afghanistan", "Paktya province", 1, "Paktia"],
    ["Afghanistan", "Paktika", 1, "Paktika"],
    ["AF", "Urozgan", 1, "Uruzgan"],
    ["AFG", "Sar-e Pol Province", 1, "Sar-e Pol"],
    ["AFG", "Wilayat-e Nimroz", 1, "Nimroz"],
    [null, "Kunar", 1, "Kunar"],
    ["Pakistan", "North Waziristan", 2, "North Waziristan", "Khyber Pakhtunkhwa"],
    ["Pakistan", "Bājaur Agency", 2, "Bajaur", "Khyber Pakhtunkhwa"],
    ["Pakistan", "Killa Abdullah district", 2, "Killa Abdullah", "Balochistan"],
    ["Pakistan", "Sorab district", 2, "Surab", "Balochistan"],
    ["Afghanistan", "Tere Zayi district (Alisher)", 2, "Tere Zayi", "Khost"],
    ["Afghanistan", "Fayzabad district (Badakhshan)", 2, "Fayzabad", "Badakhshan"],
    [null, "Spin Boldak", 2, "Spin Boldak", "Kandahar"],
    // Wrong level, wrong country, unknown, empty.
    ["Pakistan", "North Waziristan", 1, null],
    ["Afghanistan", "Balochistan", 1, null],
    ["Pakistan", "Atlantis", 1, null],
    ["Narnia", "Kunar", 1, null],
    ["Pakistan", null, 1, null],
  ];
  for (const [country, name, level, expected, admin1] of cases) {
    it(`finds ${JSON.stringify(name)} (${country ?? "any country"}, level ${level})`, () => {
      const found = resolver.admin(country, name, level);
      expect(found?.name ?? null).toBe(expected);
      if (admin1 !== undefined) expect(found?.admin1).toBe(admin1);
    });
  }

  it("records FATA's merger and the tribal districts' former province", () => {
    expect(resolver.admin("PAK", "Federally Administered Tribal Areas", 1)?.mergedInto).toBe(
      "Khyber Pakhtunkhwa",
    );
    expect(resolver.admin("PAK", "Khyber Agency", 2)?.formerAdmin1).toBe(
      "Federally Administered Tribal Areas",
    );
    expect(resolver.admin("PAK", "Peshawar", 2)?.formerAdmin1).toBeNull();
  });
});

describe("resolver: crossings, region, actor relations", () => {
  it.each([
    ["Torkham", "torkham"],
    ["Torkham border crossing", "torkham"],
    ["Spin Boldak", "chaman-spin-boldak"],
    ["Friendship Gate", "chaman-spin-boldak"],
    ["Angur Ada", "angoor-adda"],
    ["ghulam khan border", "ghulam-khan"],
    ["Wagah", null],
  ])("crossing(%j) is %s", (name, id) => {
    expect(resolver.crossing(name)?.id ?? null).toBe(id);
  });

  it("knows the region, the bases and the faction tree", () => {
    expect([
      resolver.isInRegion("PAK"),
      resolver.isInRegion("afg"),
      resolver.isInRegion("IND"),
    ]).toEqual([true, true, false]);
    expect(resolver.basedIn("ttp")).toBe("AFG");
    expect(resolver.basedIn("bla")).toBe("PAK");
    expect(resolver.basedIn("nobody")).toBeNull();
    expect(resolver.isA("pak-ctd", "pak-government")).toBe(true);
    expect(resolver.isA("jamaat-ul-ahrar", "ttp")).toBe(true);
    expect(resolver.isA("ttp", "jamaat-ul-ahrar")).toBe(false);
    expect(resolver.country("Pakistani")).toBe("PAK");
    expect(resolver.country("AF")).toBe("AFG");
  });
});

describe("resolver.basedIn() on a date", () => {
  // The shipped profile's bases over time: Pakistan's tribal areas until the army's operations of
  // 2014 (Zarb-e-Azb from 15 June, Khyber-1 from 17 October) drove the groups into Afghanistan.
  const cases: Array<[string, string | undefined, string | null]> = [
    ["ttp", undefined, "AFG"],
    ["ttp", "2009-10-17", "PAK"],
    ["ttp", "2014-06-14", "PAK"],
    ["ttp", "2014-06-15", "AFG"],
    ["ttp", "2026-03-01", "AFG"],
    ["ttp-sajna", "2014-05-01", "PAK"],
    ["ttp-shehryar", "2014-05-01", "PAK"],
    ["tariq-gidar-group", "2013-08-01", "PAK"],
    ["tariq-gidar-group", "2014-12-16", "AFG"],
    ["hafiz-gul-bahadur", "2012-01-01", "PAK"],
    ["hafiz-gul-bahadur", "2024-03-18", "AFG"],
    ["jamaat-ul-ahrar", "2014-03-03", "AFG"],
    ["lashkar-e-islam", "2012-06-04", "PAK"],
    ["lashkar-e-islam", "2014-10-16", "PAK"],
    ["lashkar-e-islam", "2014-10-17", "AFG"],
    ["imu", "2001-06-01", "AFG"],
    ["imu", "2007-03-06", "PAK"],
    ["imu", "2015-01-01", "AFG"],
    ["etim", "2003-10-02", "PAK"],
    ["al-qaeda", undefined, null],
    ["al-qaeda", "2010-01-01", null],
    ["al-qaeda", "2024-01-01", null],
    ["aqis", "2016-01-01", null],
    ["us-military", "2010-09-08", "USA"],
    ["usa", "2005-11-05", "USA"],
    ["bla", "2010-01-01", "PAK"],
    ["nobody", "2010-01-01", null],
  ];
  it.each(cases)("basedIn(%j, %j) is %j", (actorId, date, expected) => {
    expect(resolver.basedIn(actorId, date)).toBe(expected);
  });

  it("reads the day of a date with a time", () => {
    expect(resolver.basedIn("ttp", "2014-06-14 23:59:59.000")).toBe("PAK");
  });
});

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  return parse(readFileSync(join(DATA, file), "utf8"), { columns: true, bom: true });
}

/** Share of the distinct non-empty values that resolve, and the ones that do not. */
function coverage(
  values: Array<[string | null, string]>,
  resolve: (c: string | null, v: string) => unknown,
) {
  const distinct = new Map(
    values.filter(([, v]) => v !== "").map((pair) => [pair.join("|"), pair]),
  );
  const missed = [...distinct.values()].filter(([c, v]) => resolve(c, v) === null);
  return { share: 1 - missed.length / distinct.size, missed: missed.map((p) => p.join(": ")) };
}

describe("resolver on real data (../shared/data)", () => {
  const ucdp = [
    ...readCsv("ucdp/GEDEvent_v26_01_26_06_pak_afg.csv"),
    ...readCsv("ucdp/GEDEvent_v26_0_7_pak_afg.csv"),
  ];
  const acled = readCsv("acled/pakistan_balochistan_2020-2024_acled_subset.csv");

  const sides = ucdp.flatMap((r) => [r.side_a ?? "", r.side_b ?? ""]);
  const acledActors = acled.flatMap((r) => [r.actor1 ?? "", r.actor2 ?? ""]);
  it.each([
    ["UCDP GED side_a/side_b", sides],
    ["ACLED actor1/actor2", acledActors],
  ])("resolves the %s names", (_label, names) => {
    const values = names.map((name): [null, string] => [null, name]);
    const { share, missed } = coverage(values, (_c, name) => resolver.actor(name));
    expect(share, `unresolved: ${missed.join("; ")}`).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ["UCDP GED adm_1", ucdp.map((r): [string, string] => [r.country ?? "", r.adm_1 ?? ""]), 1],
    ["UCDP GED adm_2", ucdp.map((r): [string, string] => [r.country ?? "", r.adm_2 ?? ""]), 2],
    ["ACLED admin1", acled.map((r): [string, string] => ["Pakistan", r.admin1 ?? ""]), 1],
    ["ACLED admin2", acled.map((r): [string, string] => ["Pakistan", r.admin2 ?? ""]), 2],
  ] as const)("resolves the %s names", (_label, values, level) => {
    const { share, missed } = coverage([...values], (country, name) =>
      resolver.admin(country, name, level),
    );
    expect(share, `unresolved: ${missed.join("; ")}`).toBeGreaterThanOrEqual(0.95);
  });
});
