/**
 * A self-exciting (Hawkes) process for daily event counts, in discrete time: the count on day d
 * is Poisson with intensity
 *
 *   λ_d = μ + α·S_d,   S_d = κ·S_{d−1} + (1 − κ)·N_{d−1},   κ = e^{−β},
 *
 * so each event raises the following days' intensity by α·(1 − κ)·κ^(k−1) on day k after it:
 * an exponential kernel whose total weight α is the branching ratio (mean number of events one
 * event triggers; α < 1 keeps the process stationary) and 1/β its mean delay in days. μ, α
 * and β are fitted by maximum likelihood with Nelder–Mead on (log μ, logit α, log β).
 */
import { nelderMead } from "./optimize.ts";
import { poisson, type Uniform } from "./random.ts";

export interface HawkesParams {
  /** Background events per day. */
  mu: number;
  /** Branching ratio, in [0, MAX_BRANCHING). */
  alpha: number;
  /** Decay per day. */
  beta: number;
}

export interface HawkesFit extends HawkesParams {
  logLik: number;
  days: number;
  events: number;
  /** Excitation S for the day after the last one fitted: where a simulation starts. */
  state: number;
}

const MAX_BRANCHING = 0.99;

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function paramsOf(theta: ArrayLike<number>): HawkesParams {
  return {
    mu: Math.exp(theta[0] ?? 0),
    alpha: MAX_BRANCHING * logistic(theta[1] ?? 0),
    beta: Math.exp(theta[2] ?? 0),
  };
}

function meanCount(counts: ArrayLike<number>): number {
  let sum = 0;
  for (let d = 0; d < counts.length; d++) sum += counts[d] ?? 0;
  return counts.length === 0 ? 0 : sum / counts.length;
}

/**
 * Log-likelihood of daily counts (dropping the constant −Σ log N_d!) and the excitation after
 * the last day. The excitation starts at the mean count, as if the process had been running.
 */
export function hawkesLogLik(
  params: HawkesParams,
  counts: ArrayLike<number>,
): { logLik: number; state: number } {
  const kappa = Math.exp(-params.beta);
  let state = meanCount(counts);
  let logLik = 0;
  for (let d = 0; d < counts.length; d++) {
    const n = counts[d] ?? 0;
    const lambda = params.mu + params.alpha * state;
    logLik += (n > 0 ? n * Math.log(lambda) : 0) - lambda;
    state = kappa * state + (1 - kappa) * n;
  }
  return { logLik, state };
}

/** Maximum-likelihood fit; null when there are no events to fit. */
export function fitHawkes(counts: ArrayLike<number>): HawkesFit | null {
  const mean = meanCount(counts);
  let events = 0;
  for (let d = 0; d < counts.length; d++) events += counts[d] ?? 0;
  if (events === 0) return null;
  // Start at half the rate in the background, half excited, with a one-week half-life.
  const start = [Math.log(mean / 2), 0, Math.log(Math.LN2 / 7)];
  const { x } = nelderMead((theta) => -hawkesLogLik(paramsOf(theta), counts).logLik, start, {
    step: 1,
    maxEvaluations: 600,
    tolerance: 1e-7,
  });
  const params = paramsOf(x);
  const { logLik, state } = hawkesLogLik(params, counts);
  return { ...params, logLik, state, days: counts.length, events };
}

/** One simulated path of daily counts for `days` days after the fitted ones. */
export function simulateHawkes(
  fit: HawkesParams & { state: number },
  days: number,
  rand: Uniform,
): Int32Array {
  const kappa = Math.exp(-fit.beta);
  const out = new Int32Array(days);
  let state = fit.state;
  for (let d = 0; d < days; d++) {
    const n = poisson(rand, fit.mu + fit.alpha * state);
    out[d] = n;
    state = kappa * state + (1 - kappa) * n;
  }
  return out;
}
