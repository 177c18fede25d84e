/**
 * Reconciliation: source records → events, across datasets (DESIGN.md, "Data flow"). Pure:
 * candidate pairs by blocking, a documented match score, constrained clustering, merged events
 * with their provenance; analyst decisions replayed on every run. The store writes the result
 * (store/reconcile-queries.ts). Other folders import only from this file.
 */
export type { Link } from "./cluster.ts";
export {
  clusterIndex,
  fatalitiesByMonth,
  fatalityTotals,
  type LabelledPair,
  type PairwiseScores,
  pairwiseScores,
} from "./evaluate.ts";
export { scoreRecords } from "./explain.ts";
export { mergeCluster } from "./merge.ts";
export { type ActorParents, dayNumber } from "./prepare.ts";
export { linkedComponents, type ReconcileOptions, reconcile } from "./reconcile.ts";
export { actorParentsOf, familyOf, fromSourceRecord, recordKey } from "./records.ts";
export { DEFAULT_RULES, withRules } from "./rules.ts";
export { assignClusterIds, mergeRanges } from "./stable-ids.ts";
export type {
  Cluster,
  Decision,
  FatalityRange,
  MatchRules,
  MatchWeights,
  PairScore,
  ReconcileRecord,
  ReconcileResult,
  SourceCounts,
} from "./types.ts";
