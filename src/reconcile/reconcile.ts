/**
 * Records → events: prepare, block, score, link, cluster, merge. A pure function of the
 * records (in any order), the decisions and the rules; the same input gives the same clusters.
 */
import { forEachCandidate } from "./blocking.ts";
import { clusterLinks, componentsOf, constraintsOf, type Link } from "./cluster.ts";
import { mergeCluster } from "./merge.ts";
import { type ActorParents, type NameCache, type Prepared, prepareRecord } from "./prepare.ts";
import { withRules } from "./rules.ts";
import { isLink, scorePair } from "./score.ts";
import type { Cluster, Decision, MatchRules, ReconcileRecord, ReconcileResult } from "./types.ts";

export interface ReconcileOptions {
  /** Profile actor id → parent id: actors match through their ancestors (TTP factions, …). */
  actorParents?: ActorParents;
  decisions?: readonly Decision[];
  rules?: Partial<MatchRules>;
}

/** Records sorted by key and prepared; duplicate keys keep the last record given. */
export function prepareAll(
  records: readonly ReconcileRecord[],
  rules: MatchRules,
  parents: ActorParents,
): Prepared[] {
  const byKey = new Map<string, ReconcileRecord>();
  for (const r of records) byKey.set(r.key, r);
  const cache: NameCache = new Map();
  return [...byKey.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => prepareRecord(r, rules, parents, cache));
}

/** Every link between the prepared records, and how many candidate pairs were scored. */
export function findLinks(
  prepared: readonly Prepared[],
  rules: MatchRules,
): { links: Link[]; candidatePairs: number } {
  const links: Link[] = [];
  const candidatePairs = forEachCandidate(prepared, rules, (i, j) => {
    const a = prepared[i];
    const b = prepared[j];
    if (a === undefined || b === undefined) return;
    const s = scorePair(a, b, rules);
    if (s !== null && isLink(a, b, s, rules)) links.push({ i, j, score: s.score });
  });
  return { links, candidatePairs };
}

/** The linked components of the records (links and analyst merges), as lists of keys. */
export function linkedComponents(
  records: readonly ReconcileRecord[],
  options: ReconcileOptions = {},
): string[][] {
  const rules = withRules(options.rules);
  const prepared = prepareAll(records, rules, options.actorParents ?? new Map());
  const indexOf = new Map(prepared.map((p, i) => [p.record.key, i]));
  const constraints = constraintsOf(options.decisions ?? [], indexOf);
  const { links } = findLinks(prepared, rules);
  const byRoot = new Map<number, string[]>();
  componentsOf(prepared.length, links, constraints).forEach((root, i) => {
    const list = byRoot.get(root) ?? [];
    list.push(prepared[i]?.record.key ?? "");
    byRoot.set(root, list);
  });
  return [...byRoot.values()];
}

export function reconcile(
  records: readonly ReconcileRecord[],
  options: ReconcileOptions = {},
): ReconcileResult {
  const rules = withRules(options.rules);
  const prepared = prepareAll(records, rules, options.actorParents ?? new Map());
  const indexOf = new Map(prepared.map((p, i) => [p.record.key, i]));
  const constraints = constraintsOf(options.decisions ?? [], indexOf);
  const { links, candidatePairs } = findLinks(prepared, rules);
  const clusters = clusterLinks(prepared, links, constraints, rules);
  const out: Cluster[] = [];
  clusters.members.forEach((members, root) => {
    if (members.length === 0) return;
    const sorted = members.length === 1 ? members : [...members].sort((a, b) => a - b);
    const recs = sorted.flatMap((i) => (prepared[i] ? [prepared[i].record] : []));
    out.push(mergeCluster(recs, { minScore: clusters.minScore[root] ?? 1 }));
  });
  out.sort((a, b) => ((a.keys[0] ?? "") < (b.keys[0] ?? "") ? -1 : 1));
  return {
    clusters: out,
    stats: { records: prepared.length, candidatePairs, links: links.length },
  };
}
