/**
 * Forecasting, pure: monthly fatality and event forecasts as predictive samples (baselines,
 * Poisson and negative binomial regressions, a Hawkes process, a skill-weighted ensemble),
 * their scores, the rolling-origin backtest, and watch-question probabilities, resolutions and
 * calibration. Nothing here reads the database, files, the clock or the environment: callers
 * pass the data, the last day of data and the random seed.
 */
export {
  type BacktestOptions,
  type BacktestRecord,
  historyUntil,
  runBacktest,
} from "./backtest.ts";
export {
  type CalibrationBin,
  calibrationTable,
  type IssuedProbability,
  type QuestionRecord,
  type QuestionScore,
  scoredPairs,
  scoreQuestion,
} from "./calibration.ts";
export { QUANTILE_LEVELS, type Summary, summarize } from "./distribution.ts";
export {
  forecastSeries,
  type HorizonSummary,
  type ModelForecast,
  type SeriesForecast,
  type SeriesForecastOptions,
} from "./forecast.ts";
export { defaultModels } from "./models.ts";
export {
  addMonths,
  dateOfDay,
  dayNumber,
  isMonthKey,
  lastDayOfMonth,
  monthNumber,
} from "./months.ts";
export {
  closesOn,
  type DayRange,
  describeMethod,
  type MatchedEvent,
  type ProbabilityMethod,
  type QuestionProbability,
  type QuestionRule,
  type QuestionTerms,
  questionProbability,
  type Resolution,
  resolveQuestion,
} from "./questions.ts";
export { deriveSeed } from "./random.ts";
export { crps, intervalScore, squaredLogError, THRESHOLDS } from "./scores.ts";
export {
  buildHistory,
  type CoverageSpan,
  coverageEnd,
  coveredDays,
  type DatedEvent,
  type MonthTotals,
  TARGETS,
  type Target,
} from "./series.ts";
export { type HorizonTable, type ModelRow, summarizeBacktest } from "./summary.ts";
export type {
  ForecastModel,
  ForecastOptions,
  HorizonForecast,
  ModelName,
  MonthlyHistory,
  Scores,
} from "./types.ts";
