/**
 * Count regressions with a log link, fitted by iteratively reweighted least squares (IRLS):
 * Poisson, and negative binomial (NB2, variance μ + α·μ²) with α at the maximum of the profile
 * likelihood. A small ridge penalty on every coefficient but the intercept keeps collinear lag
 * features (and constant series) solvable.
 */
import { cholesky, choleskyInverse, choleskySolve, type Matrix, zeros } from "./linalg.ts";
import { goldenSection } from "./optimize.ts";
import { logGamma } from "./random.ts";

export interface GlmFit {
  beta: Float64Array;
  /** NB2 dispersion; 0 for Poisson. */
  alpha: number;
  /** Covariance of `beta`: the inverse (penalised) Fisher information; null if not computed. */
  covariance: Matrix | null;
  /** Square roots of the covariance's diagonal (NaN when not computed). */
  standardErrors: Float64Array;
  logLik: number;
  converged: boolean;
}

export interface GlmOptions {
  /** Ridge penalty on the non-intercept coefficients (the first column is the intercept). */
  ridge?: number;
  maxIterations?: number;
  /** Compute standard errors (default true; the dispersion search skips them). */
  withErrors?: boolean;
}

/** Linear predictors are kept within ±MAX_ETA so exp() never overflows on a wild step. */
const MAX_ETA = 25;

function linearPredictor(x: readonly Float64Array[], beta: Float64Array): Float64Array {
  return Float64Array.from(x, (row) => {
    let eta = 0;
    for (let j = 0; j < beta.length; j++) eta += (row[j] ?? 0) * (beta[j] ?? 0);
    return Math.min(Math.max(eta, -MAX_ETA), MAX_ETA);
  });
}

/** Log-likelihood of counts y at means mu: Poisson for alpha = 0, NB2 otherwise. */
export function countLogLik(y: ArrayLike<number>, mu: ArrayLike<number>, alpha: number): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i] ?? 0;
    const mi = mu[i] ?? 0;
    if (alpha <= 0) {
      sum += (yi > 0 ? yi * Math.log(mi) : 0) - mi - logGamma(yi + 1);
    } else {
      const r = 1 / alpha;
      sum +=
        logGamma(yi + r) -
        logGamma(r) -
        logGamma(yi + 1) +
        r * Math.log(r / (r + mi)) +
        (yi > 0 ? yi * Math.log(mi / (r + mi)) : 0);
    }
  }
  return sum;
}

function penalty(beta: Float64Array, ridge: number): number {
  let sum = 0;
  for (let j = 1; j < beta.length; j++) sum += (beta[j] ?? 0) ** 2;
  return 0.5 * ridge * sum;
}

interface Step {
  beta: Float64Array;
  factor: Matrix | null;
}

/** One Newton (IRLS) step: solve (XᵀWX + ridge·P)·β = XᵀWz. */
function irlsStep(
  x: readonly Float64Array[],
  y: ArrayLike<number>,
  beta: Float64Array,
  alpha: number,
  ridge: number,
): Step {
  const p = beta.length;
  const eta = linearPredictor(x, beta);
  const information = zeros(p);
  const score = new Float64Array(p);
  x.forEach((row, i) => {
    const mu = Math.exp(eta[i] ?? 0);
    const w = mu / (1 + alpha * mu);
    const z = (eta[i] ?? 0) + ((y[i] ?? 0) - mu) / mu;
    for (let j = 0; j < p; j++) {
      const wx = w * (row[j] ?? 0);
      score[j] = (score[j] ?? 0) + wx * z;
      const infoRow = information[j];
      if (infoRow === undefined) continue;
      for (let k = 0; k <= j; k++) infoRow[k] = (infoRow[k] ?? 0) + wx * (row[k] ?? 0);
    }
  });
  for (let j = 0; j < p; j++) {
    const infoRow = information[j];
    if (infoRow === undefined) continue;
    if (j > 0) infoRow[j] = (infoRow[j] ?? 0) + ridge;
    for (let k = 0; k < j; k++) {
      const mirror = information[k];
      if (mirror) mirror[j] = infoRow[k] ?? 0;
    }
  }
  const factor = cholesky(information);
  return { beta: factor ? choleskySolve(factor, score) : beta, factor };
}

function penalisedLogLik(
  x: readonly Float64Array[],
  y: ArrayLike<number>,
  beta: Float64Array,
  alpha: number,
  ridge: number,
): number {
  const mu = linearPredictor(x, beta).map(Math.exp);
  return countLogLik(y, mu, alpha) - penalty(beta, ridge);
}

/** IRLS at a fixed dispersion, from `start`, halving steps that lower the penalised likelihood. */
export function fitAtDispersion(
  x: readonly Float64Array[],
  y: ArrayLike<number>,
  alpha: number,
  options: GlmOptions & { start?: Float64Array } = {},
): GlmFit {
  const ridge = options.ridge ?? 1e-3;
  const maxIterations = options.maxIterations ?? 50;
  const p = x[0]?.length ?? 0;
  let beta = options.start ? Float64Array.from(options.start) : initialBeta(y, p);
  let logLik = penalisedLogLik(x, y, beta, alpha, ridge);
  let converged = false;
  for (let iteration = 0; iteration < maxIterations && !converged; iteration++) {
    const step = irlsStep(x, y, beta, alpha, ridge);
    let candidate = step.beta;
    let candidateLogLik = penalisedLogLik(x, y, candidate, alpha, ridge);
    for (let halving = 0; halving < 20 && !(candidateLogLik >= logLik); halving++) {
      candidate = candidate.map((b, j) => ((beta[j] ?? 0) + b) / 2);
      candidateLogLik = penalisedLogLik(x, y, candidate, alpha, ridge);
    }
    if (!(candidateLogLik >= logLik)) break;
    converged = candidateLogLik - logLik < 1e-8 * (Math.abs(logLik) + 1);
    beta = candidate;
    logLik = candidateLogLik;
  }
  const factor = options.withErrors === false ? null : irlsStep(x, y, beta, alpha, ridge).factor;
  const covariance = factor ? choleskyInverse(factor) : null;
  return {
    beta,
    alpha,
    covariance,
    standardErrors: Float64Array.from({ length: p }, (_, j) =>
      Math.sqrt(covariance?.[j]?.[j] ?? Number.NaN),
    ),
    logLik: logLik + penalty(beta, ridge),
    converged,
  };
}

function initialBeta(y: ArrayLike<number>, p: number): Float64Array {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += y[i] ?? 0;
  const beta = new Float64Array(p);
  beta[0] = Math.log(sum / Math.max(y.length, 1) + 0.1);
  return beta;
}

export function fitPoisson(
  x: readonly Float64Array[],
  y: ArrayLike<number>,
  options: GlmOptions = {},
): GlmFit {
  return fitAtDispersion(x, y, 0, options);
}

/** log α is searched on [−8, 3]: from nearly Poisson to far more spread than any series here. */
const LOG_ALPHA_RANGE = [-8, 3] as const;

/**
 * NB2 regression by alternating maximisation: α by golden-section search on the likelihood at
 * fixed means, then β by IRLS at that α, until log α moves less than 0.01 (a few rounds).
 */
export function fitNegBin(
  x: readonly Float64Array[],
  y: ArrayLike<number>,
  options: GlmOptions = {},
): GlmFit {
  let fit = fitPoisson(x, y, { ...options, withErrors: false });
  let logAlpha = Number.NaN;
  for (let round = 0; round < 8; round++) {
    const mu = linearPredictor(x, fit.beta).map(Math.exp);
    const next = goldenSection(
      (a) => -countLogLik(y, mu, Math.exp(a)),
      LOG_ALPHA_RANGE[0],
      LOG_ALPHA_RANGE[1],
      0.005,
    );
    const settled = Math.abs(next - logAlpha) < 0.01;
    logAlpha = next;
    fit = fitAtDispersion(x, y, Math.exp(logAlpha), {
      ...options,
      start: fit.beta,
      withErrors: settled,
    });
    if (settled) break;
  }
  return fit.covariance === null
    ? fitAtDispersion(x, y, fit.alpha, { ...options, start: fit.beta })
    : fit;
}

/** exp(x·β) for one row of features. */
export function predictMean(fit: GlmFit, row: ArrayLike<number>): number {
  let eta = 0;
  for (let j = 0; j < fit.beta.length; j++) eta += (row[j] ?? 0) * (fit.beta[j] ?? 0);
  return Math.exp(Math.min(Math.max(eta, -MAX_ETA), MAX_ETA));
}

/** Standard error of exp(x·β) by the delta method: mean · √(xᵀ·Cov(β)·x). */
export function meanStandardError(fit: GlmFit, row: ArrayLike<number>): number {
  if (fit.covariance === null) return Number.NaN;
  let quadratic = 0;
  fit.covariance.forEach((covRow, i) => {
    for (let j = 0; j < covRow.length; j++) {
      quadratic += (row[i] ?? 0) * (covRow[j] ?? 0) * (row[j] ?? 0);
    }
  });
  return predictMean(fit, row) * Math.sqrt(quadratic);
}
