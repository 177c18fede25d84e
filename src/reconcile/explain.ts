/** The score of two records with its parts, for `frontier reconcile explain` and tests. */
import type { ActorParents } from "./prepare.ts";
import { prepareRecord } from "./prepare.ts";
import { withRules } from "./rules.ts";
import { isLink, scorePair } from "./score.ts";
import type { MatchRules, PairScore, ReconcileRecord } from "./types.ts";

/** The pair's score parts and whether they link; null when a hard gate keeps them apart. */
export function scoreRecords(
  a: ReconcileRecord,
  b: ReconcileRecord,
  options: { actorParents?: ActorParents; rules?: Partial<MatchRules> } = {},
): (PairScore & { isLink: boolean }) | null {
  const rules = withRules(options.rules);
  const parents = options.actorParents ?? new Map();
  const pa = prepareRecord(a, rules, parents);
  const pb = prepareRecord(b, rules, parents);
  const s = scorePair(pa, pb, rules);
  return s === null ? null : { ...s, isLink: isLink(pa, pb, s, rules) };
}
