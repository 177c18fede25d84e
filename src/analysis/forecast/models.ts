/** The model set the backtest and the live forecasts run, in report order. */
import { historicalMean, noChange, seasonalMean } from "./baselines.ts";
import { countModel } from "./count-models.ts";
import { hawkesModel } from "./hawkes-model.ts";
import type { ForecastModel } from "./types.ts";

export function defaultModels(): ForecastModel[] {
  return [
    noChange,
    historicalMean(),
    seasonalMean(),
    countModel("poisson"),
    countModel("negbin"),
    hawkesModel(),
  ];
}
