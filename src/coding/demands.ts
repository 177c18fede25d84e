/**
 * Matches a demand's words to the profile's demands. Each profile demand is
 * described by the stems of its title (weighted most), its description and
 * its evidence keywords; a claim matches the demand whose words it shares
 * most, when that is enough and clearly ahead of the next best. A few
 * synonyms bridge the ways a demand is put ("sanctuary", "refuge" → haven).
 */
import type { Demand, Profile } from "../domain/profile/index.ts";
import { contentStems, stem } from "./text-key.ts";
import type { DemandMatch } from "./types.ts";

/** Stems that name the same thing in demands about militant groups. */
const SYNONYMS: ReadonlyMap<string, string> = new Map(
  [
    ["deny", "denial"],
    ["sanctuari", "haven"],
    ["sanctuar", "haven"],
    ["refuge", "haven"],
    ["hideout", "haven"],
    ["soil", "territori"],
    ["land", "territori"],
    ["surveillance", "monitor"],
    ["information", "intelligence"],
    ["prosecut", "justice"],
    ["prosecution", "justice"],
    ["trial", "justice"],
    ["punish", "justice"],
    ["extradit", "justice"],
    // "hand over TTP leaders", "handed over militants": the prosecution demand.
    ["hand", "justice"],
    ["handov", "justice"],
  ].map(([from, to]): [string, string] => [stem(from ?? ""), stem(to ?? "")]),
);

function canonical(stems: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const s of stems) out.add(SYNONYMS.get(s) ?? s);
  return out;
}

interface DemandWords {
  demand: Demand;
  title: Set<string>;
  description: Set<string>;
  keywords: Set<string>;
  /** Description and keywords together. */
  described: Set<string>;
}

export interface MatchOptions {
  /** For "Label — text" list items: the label, weighted most. */
  label?: string | null;
  /** Who makes the claim: its party (ISO3) and profile actor ids; empty when unknown. */
  by?: readonly string[];
  /** The addressee's party (ISO3), when known. */
  of?: string | null;
}

export interface DemandMatcher {
  /** The best matching demand, given the claim's words and (for list items) its label. */
  match(what: string, options?: MatchOptions): DemandMatch | null;
}

const MIN_SCORE = 0.3;
const MIN_MARGIN = 0.1;

function keywordsOf(demand: Demand): string[] {
  return [...demand.evidence.progress, ...demand.evidence.breach].flatMap((p) => p.keywords ?? []);
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const s of a) if (b.has(s)) n += 1;
  return n;
}

/** Shared stems, each weighted by how few demands use it (1 for a stem of one demand only). */
function weightedOverlap(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  df: ReadonlyMap<string, number>,
) {
  let total = 0;
  for (const s of a) if (b.has(s)) total += 1 / (df.get(s) ?? 1);
  return total;
}

function score(
  words: DemandWords,
  text: ReadonlySet<string>,
  label: ReadonlySet<string>,
  df: ReadonlyMap<string, number>,
): number {
  const titleSize = Math.max(1, words.title.size);
  const labelCover = label.size === 0 ? 0 : overlap(words.title, label) / titleSize;
  const textCover = overlap(words.title, text) / titleSize;
  const described = weightedOverlap(words.described, text, df);
  return Math.min(1, 0.6 * labelCover + 0.45 * textCover + 0.15 * described);
}

/** A demand made by another party, or of another, is not a match. */
function fitsParties(
  demand: Demand,
  by: readonly string[] | undefined,
  of: string | null | undefined,
) {
  const byOk = by === undefined || by.length === 0 || by.includes(demand.by);
  const ofOk = of === null || of === undefined || demand.of === of;
  return byOk && ofOk;
}

export function createDemandMatcher(profile: Profile): DemandMatcher {
  const demands: DemandWords[] = profile.demands.map((demand) => {
    const description = canonical(contentStems(demand.description));
    const keywords = canonical(keywordsOf(demand).flatMap((k) => [...contentStems(k)]));
    return {
      demand,
      title: canonical(contentStems(demand.title)),
      description,
      keywords,
      described: new Set([...description, ...keywords]),
    };
  });
  const df = new Map<string, number>();
  for (const d of demands) {
    for (const s of new Set([...d.title, ...d.description, ...d.keywords]))
      df.set(s, (df.get(s) ?? 0) + 1);
  }
  return {
    match(what, options = {}) {
      const text = canonical(contentStems(`${options.label ?? ""} ${what}`));
      const label = canonical(contentStems(options.label ?? ""));
      const ranked = demands
        .filter((d) => fitsParties(d.demand, options.by, options.of))
        .map((d) => ({ d, score: score(d, text, label, df) }))
        .sort((a, b) => b.score - a.score);
      const [best, next] = ranked;
      if (best === undefined || best.score < MIN_SCORE) return null;
      if (next !== undefined && best.score - next.score < MIN_MARGIN) return null;
      return {
        demandId: best.d.demand.id,
        title: best.d.demand.title,
        score: Math.round(best.score * 100) / 100,
      };
    },
  };
}
