import { describe, expect, it } from "vitest";
import { linkedComponents, reconcile } from "./index.ts";
import { gdeltReport, makeRecord, PARENTS, pbcDrone } from "./test-support.ts";
import type { ReconcileRecord } from "./types.ts";

const options = { actorParents: PARENTS };

function keysOf(records: readonly ReconcileRecord[], opts = {}) {
  return reconcile(records, { ...options, ...opts }).clusters.map((c) => c.keys);
}

/** Fisher–Yates with a fixed LCG, so the test is the same every run. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

// Two strikes on one day in one agency, reported by UCDP and PBC, plus an unrelated clash.
const DAY = [
  makeRecord("ucdp", "1", { place: "Danday Darpakhel village", fatalitiesBest: 4 }),
  makeRecord("ucdp", "2", {
    place: "Mir Ali town",
    lat: 32.99,
    lon: 70.27,
    fatalitiesBest: 9,
    fatalitiesLow: 9,
    fatalitiesHigh: 9,
  }),
  pbcDrone("10", { place: "Dande Darpakhel", fatalitiesLow: 2, fatalitiesHigh: 4 }),
  pbcDrone("11", { place: "Mir Ali", fatalitiesBest: 9, fatalitiesLow: 8, fatalitiesHigh: 10 }),
  makeRecord("ucdp", "3", {
    dateStart: "2010-03-30",
    dateEnd: "2010-03-30",
    actors: [{ name: "TTP", role: "side_b", actorId: "ttp" }],
  }),
];

describe("reconcile()", () => {
  it("pairs each strike with its own report", () => {
    expect(keysOf(DAY)).toEqual([
      ["csv:pbc-drone-attacks:10", "ucdp:1"],
      ["csv:pbc-drone-attacks:11", "ucdp:2"],
      ["ucdp:3"],
    ]);
  });

  it("gives the same clusters whatever the input order", () => {
    const expected = reconcile(DAY, options);
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(reconcile(shuffled(DAY, seed), options)).toEqual(expected);
    }
  });

  it("never puts two records of one family in one event", () => {
    const twin = makeRecord("ucdp", "4", { place: "Danday Darpakhel village" });
    const clusters = reconcile([...DAY, twin], options).clusters;
    for (const c of clusters) {
      const families = c.keys.map((k) => k.split(":").slice(0, -1).join(":"));
      expect(new Set(families).size).toBe(families.length);
    }
  });

  it("does not chain: a record linking to two others 3 days apart joins one of them", () => {
    const a = makeRecord("ucdp", "a", { dateStart: "2010-02-17", dateEnd: "2010-02-17" });
    const b = pbcDrone("b", { dateStart: "2010-02-18", dateEnd: "2010-02-18" });
    const c = makeRecord("acled", "c", { dateStart: "2010-02-20", dateEnd: "2010-02-20" });
    const clusters = keysOf([a, b, c]);
    expect(clusters.some((k) => k.length === 3)).toBe(false);
  });

  it("builds the event from the most precise sources, with the fatality range", () => {
    const [cluster] = reconcile(
      [DAY[0], DAY[2]].filter((r) => r !== undefined),
      options,
    ).clusters;
    const e = cluster?.event;
    // Place from UCDP (exact) over PBC (the agency's point); type from PBC (a sub-event type).
    expect(e?.place).toBe("Danday Darpakhel village");
    expect(e?.geoPrecision).toBe("exact");
    expect(e?.subtype).toBe("Air/drone strike");
    // Deaths: UCDP's best; the range across both sources.
    expect(cluster?.fatalities).toEqual({ best: 4, low: 2, high: 4 });
    // 1 − (1 − 0.85)(1 − 0.6) = 0.94
    expect(e?.confidence).toBeCloseTo(0.94, 5);
    expect(e?.actors.map((a) => a.actorId)).toEqual(["usa", "al-qaeda", "us-military"]);
    expect(cluster?.sources).toEqual({ ucdp: 1, "pbc-drone-attacks": 1 });
  });

  it("collapses GDELT's repeated reports of one event and counts them", () => {
    const reports = [
      gdeltReport("901", "https://a.example/1"),
      gdeltReport("902", "https://b.example/2", { lat: 34.05, lon: 71.6 }),
      gdeltReport("903", "https://a.example/1"),
      // another root code: not the same event
      gdeltReport("904", "https://c.example/3", { sourceCode: "173", category: "COERCE" }),
      // next day
      gdeltReport("905", "https://d.example/4", { dateStart: "2019-10-25", dateEnd: "2019-10-25" }),
    ];
    const clusters = reconcile(reports, options).clusters;
    const big = clusters.find((c) => c.keys.length > 1);
    expect(big?.keys).toEqual(["gdelt:901", "gdelt:902", "gdelt:903"]);
    expect(big).toMatchObject({ reports: 3, urls: 2, mentions: 6, sources: { gdelt: 3 } });
    expect(clusters).toHaveLength(3);
  });

  it("lets a GDELT report join another family's event only on a near-certain score", () => {
    const ucdp = makeRecord("ucdp", "7", {
      dateStart: "2019-10-24",
      dateEnd: "2019-10-24",
      place: "Peshawar",
      mode: "heavy-weapons",
      admin1: "Khyber Pakhtunkhwa",
      admin2: "Peshawar",
      lat: 34.01,
      lon: 71.58,
      fatalitiesBest: null,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      actors: [],
    });
    const report = gdeltReport("901", "https://a.example/1");
    expect(keysOf([ucdp, report])).toEqual([["gdelt:901", "ucdp:7"]]);
    expect(keysOf([ucdp, report], { rules: { gdeltThreshold: 0.99 } })).toEqual([
      ["gdelt:901"],
      ["ucdp:7"],
    ]);
  });

  it("keeps an analyst's merge and split on every run, a later decision winning", () => {
    const later = { dateStart: "2010-02-25", dateEnd: "2010-02-25" };
    const records = [DAY[0], DAY[2], makeRecord("ucdp", "2", later)].filter((r) => r !== undefined);
    const split = {
      id: 1,
      kind: "split" as const,
      keys: ["csv:pbc-drone-attacks:10"],
      apart: ["ucdp:1"],
    };
    expect(keysOf(records, { decisions: [split] })).toEqual([
      ["csv:pbc-drone-attacks:10"],
      ["ucdp:1"],
      ["ucdp:2"],
    ]);
    const merge = { id: 2, kind: "merge" as const, keys: ["ucdp:1", "ucdp:2"] };
    expect(keysOf(records, { decisions: [split, merge] })).toEqual([
      ["csv:pbc-drone-attacks:10"],
      ["ucdp:1", "ucdp:2"],
    ]);
    const remerge = { id: 3, kind: "merge" as const, keys: ["ucdp:1", "csv:pbc-drone-attacks:10"] };
    expect(keysOf(records, { decisions: [split, merge, remerge] })).toEqual([
      ["csv:pbc-drone-attacks:10", "ucdp:1", "ucdp:2"],
    ]);
  });

  it("reports components: every record a link reaches, beyond its own cluster", () => {
    // PBC 10 also links (less well) to UCDP 2: the two strikes form one component.
    expect(
      linkedComponents(DAY, options)
        .map((c) => c.length)
        .sort(),
    ).toEqual([1, 4]);
    expect(reconcile(DAY, options).stats.records).toBe(5);
  });
});
