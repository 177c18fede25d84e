/**
 * Links → clusters. Greedy best-first: links are taken from the highest score down (ties by
 * record order, so the result never depends on input order), and two clusters join only when
 * - no source family (GDELT aside) would give the event two records,
 * - every cross pair of their non-GDELT records passes the hard gates (date window, place,
 *   category), so a chain of near matches cannot glue two different attacks together,
 * - no analyst split keeps them apart.
 * Analyst merges are applied first, newest first.
 */
import type { Prepared } from "./prepare.ts";
import { scorePair } from "./score.ts";
import type { Decision, MatchRules } from "./types.ts";

export interface Link {
  i: number;
  j: number;
  score: number;
}

export interface Constraints {
  /** Pairs an analyst merged, with the deciding decision's id. */
  must: { i: number; j: number; decision: number }[];
  /** Per record, the records an analyst split it from. */
  cannot: Map<number, Set<number>>;
}

/** The effective pairwise constraints of the decisions: a later decision wins on a pair. */
export function constraintsOf(
  decisions: readonly Decision[],
  indexOf: ReadonlyMap<string, number>,
): Constraints {
  const pairs = new Map<
    string,
    { kind: "must" | "cannot"; decision: number; i: number; j: number }
  >();
  const set = (a: string, b: string, kind: "must" | "cannot", decision: number) => {
    const x = indexOf.get(a);
    const y = indexOf.get(b);
    if (x === undefined || y === undefined || x === y) return;
    const [i, j] = x < y ? [x, y] : [y, x];
    pairs.set(`${i},${j}`, { kind, decision, i, j });
  };
  for (const d of [...decisions].sort((a, b) => a.id - b.id)) {
    for (const [n, a] of d.keys.entries()) {
      for (const b of d.keys.slice(n + 1)) set(a, b, "must", d.id);
    }
    if (d.kind === "split")
      for (const a of d.keys) for (const b of d.apart) set(a, b, "cannot", d.id);
  }
  const must: Constraints["must"] = [];
  const cannot = new Map<number, Set<number>>();
  const addCannot = (a: number, b: number) => {
    const s = cannot.get(a);
    if (s === undefined) cannot.set(a, new Set([b]));
    else s.add(b);
  };
  for (const p of pairs.values()) {
    if (p.kind === "must") must.push({ i: p.i, j: p.j, decision: p.decision });
    else {
      addCannot(p.i, p.j);
      addCannot(p.j, p.i);
    }
  }
  must.sort((a, b) => b.decision - a.decision || a.i - b.i || a.j - b.j);
  return { must, cannot };
}

/** Union-find over record indices, keeping each cluster's members and families. */
class Clusters {
  readonly parent: Int32Array;
  readonly members: number[][];
  readonly minScore: Float64Array;
  constructor(readonly records: readonly Prepared[]) {
    this.parent = new Int32Array(records.length).map((_, i) => i);
    this.members = records.map((_, i) => [i]);
    this.minScore = new Float64Array(records.length).fill(1);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    let x = i;
    while (this.parent[x] !== r) {
      const next = this.parent[x] ?? r;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number, score: number): void {
    const [big, small] =
      (this.members[a]?.length ?? 0) >= (this.members[b]?.length ?? 0) ? [a, b] : [b, a];
    this.parent[small] = big;
    const into = this.members[big] ?? [];
    for (const x of this.members[small] ?? []) into.push(x);
    this.members[small] = [];
    this.minScore[big] = Math.min(this.minScore[big] ?? 1, this.minScore[small] ?? 1, score);
  }
}

function isSplitApart(c: Clusters, a: number, b: number, cannot: Constraints["cannot"]): boolean {
  if (cannot.size === 0) return false;
  for (const x of c.members[a] ?? []) {
    for (const y of cannot.get(x) ?? []) if (c.find(y) === b) return true;
  }
  return false;
}

function canJoin(c: Clusters, a: number, b: number, rules: MatchRules): boolean {
  const left = (c.members[a] ?? []).map((i) => c.records[i]).filter((p) => p && !p.isGdelt);
  const right = (c.members[b] ?? []).map((i) => c.records[i]).filter((p) => p && !p.isGdelt);
  for (const x of left) {
    for (const y of right) {
      if (x === undefined || y === undefined) continue;
      if (x.family === y.family || scorePair(x, y, rules) === null) return false;
    }
  }
  return true;
}

/** Cluster roots per record after analyst merges and the greedy pass over `links`. */
export function clusterLinks(
  records: readonly Prepared[],
  links: readonly Link[],
  constraints: Constraints,
  rules: MatchRules,
): Clusters {
  const c = new Clusters(records);
  for (const m of constraints.must) {
    const a = c.find(m.i);
    const b = c.find(m.j);
    if (a !== b && !isSplitApart(c, a, b, constraints.cannot)) c.union(a, b, 1);
  }
  const sorted = [...links].sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const link of sorted) {
    const a = c.find(link.i);
    const b = c.find(link.j);
    if (a === b || isSplitApart(c, a, b, constraints.cannot)) continue;
    if (!canJoin(c, a, b, rules)) continue;
    c.union(a, b, link.score);
  }
  return c;
}

/** Connected components of links and analyst merges, as lists of record indices. */
export function componentsOf(size: number, links: readonly Link[], constraints: Constraints) {
  const parent = new Int32Array(size).map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  const join = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  for (const l of links) join(l.i, l.j);
  for (const m of constraints.must) join(m.i, m.j);
  return Array.from({ length: size }, (_, i) => find(i));
}
