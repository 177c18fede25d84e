/**
 * News text → coded events, claims and watch questions (DESIGN.md, "coding").
 * Pure: callers read files and pass text, the profile and the gazetteer in.
 */

export {
  type ClassScore,
  type Evaluation,
  formatEvaluation,
  type Split,
  scorePredictions,
  stratifiedSplit,
} from "./classifier/evaluate.ts";
export { type LabelledRows, labelledFromRows } from "./classifier/labelled.ts";
export {
  type ClassifierModel,
  type LabelledText,
  type Prediction,
  predict,
  type TrainOptions,
  trainClassifier,
} from "./classifier/model.ts";
export { parseModel, serializeModel } from "./classifier/model-file.ts";
export {
  type Coder,
  type CoderOptions,
  type CodeTextOptions,
  codeText,
  createCoder,
} from "./code-text.ts";
export { formatCodeResult } from "./format.ts";
export {
  buildGazetteer,
  type Gazetteer,
  type GazetteerAdminName,
  type GazetteerCity,
  type GazetteerData,
} from "./gazetteer.ts";
export {
  checkSize,
  DEFAULT_MAX_BYTES,
  type PreparedText,
  type PrepareOptions,
  prepareText,
} from "./input.ts";
export { isRecordable, sha256Hex, toNormalizedEvent, toSourceRecords } from "./records.ts";
export { classifyByRules } from "./rule-classify.ts";
export type {
  ActorMention,
  Casualties,
  ClaimKind,
  CodedClaim,
  CodedDate,
  CodedEvent,
  CodedPlace,
  CodedQuestion,
  CodeResult,
  Count,
  CountBasis,
  DemandMatch,
  DocumentParties,
  LanguageGuess,
  Modality,
  NotCoded,
  Sentence,
  Span,
} from "./types.ts";
