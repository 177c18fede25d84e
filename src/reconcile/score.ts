/**
 * The match score of two prepared records (docs/reconcile.md, "Match score"): six parts, each
 * 0–1, weighted. A part of 0 from date, place or category means "cannot be the same event" and
 * the pair is not scored at all. Every part is symmetric, so score(a, b) = score(b, a) exactly.
 */
import { distanceKm, nameOverlap } from "./geo.ts";
import type { Prepared } from "./prepare.ts";
import type { MatchRules, PairScore } from "./types.ts";

// Score of a gap of 0, 1, 2, … days between the two date ranges.
const GAP_SCORE = [1, 0.6, 0.25, 0.1];

/** Date: the gap between the ranges, discounted when either range is wider than a day. */
export function dateScore(a: Prepared, b: Prepared, rules: MatchRules): number {
  const gap = Math.max(0, b.dayStart - a.dayEnd, a.dayStart - b.dayEnd);
  if (gap > rules.maxGapDays) return 0;
  const span = Math.max(a.span, b.span);
  return (GAP_SCORE[Math.min(gap, GAP_SCORE.length - 1)] ?? 0) * (3 / (span + 2));
}

/**
 * Place: distance against the two records' precision radii (full score within a quarter of
 * the allowance, falling to 0.3 at it), or failing that the same second-order unit (0.8), the
 * same place name in the same province (0.9), a place named like the other's second-order unit
 * (0.7: PBC's "City" is often the district, "Swat", with the district's point), the same
 * province for a record known only to it (0.4), two country-level records (0.2).
 */
export function placeScore(a: Prepared, b: Prepared): number {
  let s = 0;
  if (a.hasPoint && b.hasPoint) {
    const allowance = Math.max(5, a.radiusKm + b.radiusKm);
    const d = distanceKm(a.lat, a.lon, b.lat, b.lon);
    const near = allowance / 4;
    if (d <= near) s = 1;
    else if (d <= allowance) s = 1 - (0.7 * (d - near)) / (allowance - near);
  }
  if (a.admin2 !== "" && a.admin2 === b.admin2) s = Math.max(s, 0.8);
  const sameAdmin1 = a.admin1 !== "" && a.admin1 === b.admin1;
  const admin1Agrees = sameAdmin1 || a.admin1 === "" || b.admin1 === "";
  if (a.place !== "" && a.place === b.place && admin1Agrees) s = Math.max(s, 0.9);
  const namesUnit = (x: Prepared, y: Prepared) => x.place !== "" && x.place === y.admin2;
  if ((namesUnit(a, b) || namesUnit(b, a)) && admin1Agrees) s = Math.max(s, 0.7);
  if ((a.isCoarse || b.isCoarse) && sameAdmin1) s = Math.max(s, 0.4);
  if (a.isCountryLevel && b.isCountryLevel) s = Math.max(s, 0.2);
  return s;
}

// Modes that say nothing of the weapon: UCDP's two-sided violence, and no mode at all.
const GENERIC_MODES = new Set(["sideAB"]);
// Modes one attack is often reported under: a blast is an IED, a suicide bombing or a rocket
// depending on the source; a gun attack and an armed clash are told apart by who fired first.
const MODE_CLASS: Record<string, string> = {
  explosives: "blast",
  "suicide-attack": "blast",
  "heavy-weapons": "blast",
  firearms: "arms",
};
// Categories that can describe the same violent act (ACLED "Looting/property destruction" is
// ASSAULT, "Arrests" COERCE).
const MATERIAL_CONFLICT = new Set(["ASSAULT", "COERCE"]);

/** Category and mode compatibility through the PLOVER ontology; 0 = incompatible. */
export function categoryScore(a: Prepared, b: Prepared): number {
  if (a.category === null || b.category === null) return 0.5;
  if (a.category !== b.category) {
    return MATERIAL_CONFLICT.has(a.category) && MATERIAL_CONFLICT.has(b.category) ? 0.3 : 0;
  }
  const ma = a.mode;
  const mb = b.mode;
  if (ma === mb) return 1;
  if (ma === null || mb === null || GENERIC_MODES.has(ma) || GENERIC_MODES.has(mb)) return 0.8;
  const ca = MODE_CLASS[ma];
  const cb = MODE_CLASS[mb];
  if (ca !== undefined && ca === cb) return 0.7;
  return ca !== undefined && cb !== undefined ? 0.5 : 0.4;
}

/** Actors: shared profile actors (or ancestors) 1, none shared 0.2, too little known 0.5. */
export function actorScore(a: Prepared, b: Prepared): number {
  if (a.actors.length === 0 || b.actors.length === 0) return 0.5;
  for (const id of a.actors) if (b.actors.includes(id)) return 1;
  return 0.2;
}

/**
 * Fatalities: overlapping ranges 1; otherwise the ratio of the nearer ends (3 vs 5 → 0.67).
 * A zero against deaths is weak evidence (0.4): UCDP books a strike's deaths on one dyad's
 * event and leaves the other dyad's at 0. Unknown on either side 0.5.
 */
export function fatalityScore(a: Prepared, b: Prepared): number {
  if (a.fatLow === null || a.fatHigh === null || b.fatLow === null || b.fatHigh === null) {
    return 0.5;
  }
  if (a.fatLow <= b.fatHigh && b.fatLow <= a.fatHigh) return 1;
  if (a.fatHigh === 0 || b.fatHigh === 0) return 0.4;
  return (Math.min(a.fatHigh, b.fatHigh) + 1) / (Math.max(a.fatLow, b.fatLow) + 1);
}

/**
 * Place names: the share of the shorter name's words in the other, spellings one letter apart
 * allowed ("Danday Darpa Khel" ~ "Darpa Khel town"). Different names are weak evidence (0.3):
 * sources name a village, its town or its district; no name on either side 0.5.
 */
export function nameScore(a: Prepared, b: Prepared): number {
  if (a.placeWords.length === 0 || b.placeWords.length === 0) return 0.5;
  return 0.3 + 0.7 * nameOverlap(a.placeWords, b.placeWords);
}

/** GDELT's repeated reports of one event: same day, root code, actors and place. */
export function isGdeltRepeat(a: Prepared, b: Prepared, rules: MatchRules): boolean {
  if (!a.isGdelt || !b.isGdelt) return false;
  if (a.dayStart !== b.dayStart || a.dayEnd !== b.dayEnd || a.gdeltKey !== b.gdeltKey) {
    return false;
  }
  if (a.country !== b.country) return false;
  if (a.hasPoint && b.hasPoint) {
    return distanceKm(a.lat, a.lon, b.lat, b.lon) <= rules.gdeltNearbyKm;
  }
  return !a.hasPoint && !b.hasPoint && a.place === b.place;
}

/** Hard conditions for a pair to be scored at all. */
export function canPair(a: Prepared, b: Prepared): boolean {
  return (
    a.isMatchable &&
    b.isMatchable &&
    a.simulated === b.simulated &&
    a.country === b.country &&
    (a.family !== b.family || a.isGdelt)
  );
}

/** The pair's score, or null when a gate fails (different day window, place or category). */
export function scorePair(a: Prepared, b: Prepared, rules: MatchRules): PairScore | null {
  if (!canPair(a, b)) return null;
  if (a.isGdelt && b.isGdelt) {
    if (!isGdeltRepeat(a, b, rules)) return null;
    const one = { date: 1, place: 1, category: 1, actors: 1, fatalities: 1, name: 1 };
    return { ...one, score: 1, isGdeltRepeat: true };
  }
  const date = dateScore(a, b, rules);
  if (date === 0) return null;
  const category = categoryScore(a, b);
  if (category === 0) return null;
  const place = placeScore(a, b);
  if (place === 0) return null;
  const actors = actorScore(a, b);
  const fatalities = fatalityScore(a, b);
  const name = nameScore(a, b);
  const w = rules.weights;
  const score =
    w.date * date +
    w.place * place +
    w.category * category +
    w.actors * actors +
    w.fatalities * fatalities +
    w.name * name;
  return { date, place, category, actors, fatalities, name, score, isGdeltRepeat: false };
}

/** Whether a scored pair is a link: GDELT repeats always, GDELT with others on a higher bar. */
export function isLink(a: Prepared, b: Prepared, s: PairScore, rules: MatchRules): boolean {
  if (s.isGdeltRepeat) return true;
  const bar = a.isGdelt || b.isGdelt ? rules.gdeltThreshold : rules.threshold;
  return s.score >= bar;
}
