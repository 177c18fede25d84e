/**
 * Read and aggregation queries for situation analysis (trends, cross-border view, demand
 * evidence and assessments, escalation alerts). One SQL dialect, run on PGlite and PostgreSQL.
 */
export {
  failedDeliveries,
  insertAlerts,
  listAlerts,
  recordDelivery,
  type StoredAlert,
} from "./alerts.ts";
export { crossBorderView } from "./cross-border.ts";
export {
  type AssessmentRow,
  latestAssessments,
  saveAssessments,
  saveOverride,
} from "./demands.ts";
export {
  eventDateRange,
  loadEvents,
  loadEventsById,
  type SourceRef,
  type StoredEvent,
} from "./events.ts";
export {
  countTrends,
  TREND_GROUPS,
  type TrendCountRow,
  type TrendGroup,
} from "./trends.ts";
