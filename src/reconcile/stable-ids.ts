/**
 * What an incremental run needs beyond the clusters: which stored cluster event each new cluster
 * keeps (so an event's id survives its growing by a record), and which date windows to load.
 */
import type { Cluster } from "./types.ts";

/**
 * New cluster → the stored cluster event holding most of its members (ties: the lowest id), each
 * stored id given once, larger clusters first; null where a new event is needed.
 */
export function assignClusterIds(
  clusters: readonly Cluster[],
  storedIdOf: (key: string) => number | null,
): Map<Cluster, number | null> {
  const order = [...clusters].sort(
    (a, b) => b.keys.length - a.keys.length || ((a.keys[0] ?? "") < (b.keys[0] ?? "") ? -1 : 1),
  );
  const taken = new Set<number>();
  const ids = new Map<Cluster, number | null>();
  for (const c of order) {
    const votes = new Map<number, number>();
    for (const k of c.keys) {
      const old = storedIdOf(k);
      if (old !== null && !taken.has(old)) votes.set(old, (votes.get(old) ?? 0) + 1);
    }
    const [best] = [...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    if (best !== undefined) taken.add(best[0]);
    ids.set(c, best?.[0] ?? null);
  }
  return ids;
}

/** Day ranges [from, to] merged where they overlap or touch, in order. */
export function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
