/** Derivative-free optimisers for the few parameters the models fit by maximum likelihood. */

/** Minimum of a unimodal f on [lo, hi] by golden-section search. */
export function goldenSection(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tolerance = 1e-4,
): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tolerance) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

export interface NelderMeadOptions {
  /** Initial step along each axis. */
  step?: number;
  maxEvaluations?: number;
  /** Stop when the simplex's function values differ by less than this. */
  tolerance?: number;
}

interface Vertex {
  x: Float64Array;
  value: number;
}

function along(from: Float64Array, to: Float64Array, t: number): Float64Array {
  return from.map((v, i) => v + t * ((to[i] ?? 0) - v));
}

/**
 * One Nelder–Mead move on a simplex sorted best first: reflect the worst vertex through the
 * centroid of the others, expand or contract that step, or shrink towards the best vertex.
 */
function step(simplex: Vertex[], evaluate: (x: Float64Array) => number): void {
  const n = simplex.length - 1;
  const best = simplex[0];
  const worst = simplex[n];
  const second = simplex[n - 1];
  if (best === undefined || worst === undefined || second === undefined) return;
  const centroid = new Float64Array(n);
  for (const point of simplex.slice(0, n)) {
    for (let i = 0; i < n; i++) centroid[i] = (centroid[i] ?? 0) + (point.x[i] ?? 0) / n;
  }
  const reflected = along(centroid, worst.x, -1);
  const reflectedValue = evaluate(reflected);
  if (reflectedValue < best.value) {
    const expanded = along(centroid, worst.x, -2);
    const expandedValue = evaluate(expanded);
    simplex[n] =
      expandedValue < reflectedValue
        ? { x: expanded, value: expandedValue }
        : { x: reflected, value: reflectedValue };
    return;
  }
  if (reflectedValue < second.value) {
    simplex[n] = { x: reflected, value: reflectedValue };
    return;
  }
  const contracted = along(centroid, worst.x, 0.5);
  const contractedValue = evaluate(contracted);
  if (contractedValue < worst.value) {
    simplex[n] = { x: contracted, value: contractedValue };
    return;
  }
  for (const point of simplex.slice(1)) {
    point.x = along(best.x, point.x, 0.5);
    point.value = evaluate(point.x);
  }
}

/** Minimum of f near `start` by the Nelder–Mead simplex (standard coefficients 1, 2, ½, ½). */
export function nelderMead(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): { x: Float64Array; value: number; evaluations: number } {
  const n = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: Float64Array) => {
    evaluations++;
    const value = f(x);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  const simplex: Vertex[] = Array.from({ length: n + 1 }, (_, i) => {
    const x = Float64Array.from(start);
    if (i > 0) x[i - 1] = (x[i - 1] ?? 0) + (options.step ?? 0.5);
    return { x, value: evaluate(x) };
  });
  for (;;) {
    simplex.sort((p, q) => p.value - q.value);
    const spread = (simplex[n]?.value ?? 0) - (simplex[0]?.value ?? 0);
    if (evaluations >= maxEvaluations || Math.abs(spread) < tolerance) break;
    step(simplex, evaluate);
  }
  const best = simplex[0] ?? { x: Float64Array.from(start), value: Number.POSITIVE_INFINITY };
  return { x: best.x, value: best.value, evaluations };
}
