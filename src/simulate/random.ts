/**
 * Seeded draws for the simulator: the same seed gives the same dataset, event for event.
 * mulberry32 (Tommy Ettinger's 32-bit generator) is small and fast, and good enough for
 * synthetic data; it is not for anything that needs unpredictability.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Poisson with mean `lambda` (Knuth below 30, a rounded normal above). */
  poisson(lambda: number): number;
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to `weights[i]` (cumulative sums given). */
  weighted(cumulative: readonly number[]): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    exponential(mean) {
      return -Math.log(1 - next()) * mean;
    },
    poisson(lambda) {
      if (lambda <= 0) return 0;
      if (lambda > 30) {
        const u = 1 - next();
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
        return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
      }
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new RangeError("pick() from an empty list");
      return item;
    },
    weighted(cumulative) {
      const total = cumulative.at(-1) ?? 0;
      const target = next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] ?? 0) > target) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

/** Running sums of weights, for `Random.weighted`. */
export function cumulativeWeights(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => {
    sum += Math.max(0, w);
    return sum;
  });
}
