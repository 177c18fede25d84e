/**
 * Seeded random numbers for forecast samples. Every draw comes from a generator built from a
 * seed the caller passes in, so a forecast is reproducible to the last sample.
 */

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** mulberry32 (Tommy Ettinger's 32-bit generator): fast, small state, good enough for sampling. */
export function mulberry32(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed from a base seed and labels (model, origin month, target), by FNV-1a, so each
 * forecast draws its own stream whatever order forecasts are made in.
 */
export function deriveSeed(seed: number, ...labels: readonly (string | number)[]): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const char of labels.join("\u0000")) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Standard normal by the Marsaglia polar method. */
export function normal(rand: Uniform): number {
  for (;;) {
    const u = 2 * rand() - 1;
    const v = 2 * rand() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, scale) by Marsaglia & Tsang (2000); shape < 1 through the boost U^(1/shape). */
export function gamma(rand: Uniform, shape: number, scale: number): number {
  if (shape < 1) {
    const u = 1 - rand();
    return gamma(rand, shape + 1, scale) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x = normal(rand);
    let v = 1 + c * x;
    while (v <= 0) {
      x = normal(rand);
      v = 1 + c * x;
    }
    v = v * v * v;
    const u = 1 - rand();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return d * v * scale;
    }
  }
}

/**
 * Poisson(lambda): multiplication of uniforms below 10, Hörmann's transformed rejection (PTRS,
 * 1993, as numpy implements it) above, which stays exact and fast for any large rate.
 */
export function poisson(rand: Uniform, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 10) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = rand();
    while (product > limit) {
      k++;
      product *= rand();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rand() - 0.5;
    const v = rand();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
    if (lhs <= -lambda + k * logLambda - logGamma(k + 1)) return k;
  }
}

/** Negative binomial with mean `mu` and NB2 dispersion `alpha` (variance mu + alpha·mu²). */
export function negativeBinomial(rand: Uniform, mu: number, alpha: number): number {
  if (!(mu > 0)) return 0;
  if (!(alpha > 0)) return poisson(rand, mu);
  return poisson(rand, gamma(rand, 1 / alpha, alpha * mu));
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9), about 15 digits. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
