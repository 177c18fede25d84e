/**
 * Poisson and negative binomial regressions of a month's count on the series' recent levels,
 * its covariates, a trend and the season: one direct model per horizon, refitted at every
 * origin on the `window` months before it. Samples come from the fitted distribution at the
 * forecast row; parameter uncertainty is left out (it is small beside NB dispersion).
 */
import { featureRow, trainingSet } from "./features.ts";
import { fitNegBin, fitPoisson, type GlmFit, meanStandardError, predictMean } from "./glm.ts";
import { mulberry32, negativeBinomial, poisson } from "./random.ts";
import type { ForecastModel, HorizonForecast } from "./types.ts";

export interface CountModelOptions {
  /** Months of origins to train on (default 120). */
  window?: number;
  /** Fewer training rows than this and the model does not forecast (default 36). */
  minRows?: number;
  /** Ridge penalty on the non-intercept coefficients (default 1). */
  ridge?: number;
}

/** What a fitted horizon model looked like, for `details` and tests. */
export interface CountModelFit {
  horizon: number;
  fit: GlmFit;
  rows: number;
  /** The forecast mean exp(x·β) at the origin's row, and its delta-method standard error. */
  mean: number;
  standardError: number;
}

/** Fits the horizon-h model at the history's last month; null when it lacks data. */
export function fitCountModel(
  family: "poisson" | "negbin",
  history: Parameters<ForecastModel["forecast"]>[0],
  horizon: number,
  options: CountModelOptions = {},
): CountModelFit | null {
  const origin = history.values.length - 1;
  const { x, y } = trainingSet(history, horizon, origin, options.window ?? 120);
  const row = featureRow(history, origin, horizon, origin);
  if (row === null || x.length < (options.minRows ?? 36)) return null;
  const glmOptions = { ridge: options.ridge ?? 1 };
  const fit = family === "poisson" ? fitPoisson(x, y, glmOptions) : fitNegBin(x, y, glmOptions);
  return {
    horizon,
    fit,
    rows: x.length,
    mean: predictMean(fit, row),
    standardError: meanStandardError(fit, row),
  };
}

export function countModel(
  family: "poisson" | "negbin",
  options: CountModelOptions = {},
): ForecastModel {
  return {
    name: family,
    forecast(history, forecastOptions) {
      const rand = mulberry32(forecastOptions.seed);
      const out: HorizonForecast[] = [];
      for (let horizon = 1; horizon <= forecastOptions.horizons; horizon++) {
        const model = fitCountModel(family, history, horizon, options);
        if (model === null) return null;
        const { mean, fit } = model;
        const samples = Float64Array.from({ length: forecastOptions.samples }, () =>
          family === "poisson" ? poisson(rand, mean) : negativeBinomial(rand, mean, fit.alpha),
        );
        out.push({ horizon, samples });
      }
      return out;
    },
  };
}
