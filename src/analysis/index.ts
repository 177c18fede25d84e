/**
 * Situation analysis, pure: period arithmetic and trend changes, the cross-border view,
 * demand compliance (0–3 with evidence), the escalation index, ladder and alerts. Nothing here
 * reads the database, the clock or the environment; callers pass events and `asOf`.
 */
export type {
  Alert,
  AlertLevel,
} from "./alerts.ts";
export {
  assessDemand,
  type ComplianceScore,
  type DemandAssessment,
  demandCategories,
  type Evidence,
  SCORE_LABELS,
  type ScoreResult,
  scoreCompliance,
} from "./compliance.ts";
export {
  type CrossBorderItem,
  closureItems,
  closureRung,
  closures,
  countByPeriod,
  crossBorderGroup,
  parseCrossBorderGroup,
} from "./cross-border.ts";
export type {
  Contribution,
  RungReach,
} from "./escalation.ts";
export {
  buildEscalationReport,
  type EscalationDay,
  type EscalationReport,
  escalationStart,
} from "./escalation-report.ts";
export {
  type PairRelation,
  pairActors,
  pairOf,
} from "./pair.ts";
export {
  earlierDate,
  isIsoDate,
  type Period,
  type PeriodUnit,
  parseDateBound,
  parsePeriodKey,
  periodOf,
  periodsEndingAt,
} from "./periods.ts";
export {
  buildTrendRows,
  type Comparison,
  type Figures,
  lookbackStart,
  sumRows,
  type TrendCount,
  type TrendRow,
} from "./trends.ts";
export {
  type EventRef,
  eventRef,
  formatEventRef,
  type Matcher,
  type SourceRef,
  type StoredEvent,
} from "./types.ts";
