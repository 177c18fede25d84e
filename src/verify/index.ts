/** The verification mechanism's rules: roles, access, workflow, redaction, evidence, audit chain. */

export { canonicalJson, digestText, sha256Hex } from "../domain/audit/canonical.ts";
export {
  type AuditEntry,
  GENESIS_HASH,
  hashEntry,
  verifyChain,
} from "../domain/audit/chain.ts";
export {
  canAddEvidence,
  canFileReport,
  canManageAccounts,
  canReadAuditLog,
  canReadReport,
  canRespond,
  canSeeRequest,
  checkNewReport,
} from "./access.ts";
export {
  ACCEPTED_TYPES,
  downloadHeaders,
  MAX_EVIDENCE_BYTES,
  sanitizeFilename,
  sniffEvidenceType,
} from "./evidence.ts";
export {
  computeFigures,
  type MechanismFigures,
} from "./figures.ts";
export { checkLoginGate, type LoginHistory, loginWindowStart } from "./login-policy.ts";
export { buildPublicSummary, type Finding, type PublicSummary, redactText } from "./redact.ts";
export {
  checkAccountShape,
  MARKINGS,
  type Marking,
  type Member,
  type Principal,
  PUBLIC,
  ROLES,
  type Role,
} from "./roles.ts";
export * from "./schemas.ts";
export {
  checkPassword,
  csrfMatches,
  csrfTokenFor,
  hashPassword,
  ID_PATTERN,
  isApiTokenShape,
  newApiToken,
  newId,
  newSecret,
  secretHash,
} from "./secrets.ts";
export {
  isOpen,
  type Outcome,
  type ReportAction,
  type ReportStatus,
  transition,
} from "./workflow.ts";
