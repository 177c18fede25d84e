/**
 * What crosses the verification boundary, as zod schemas: request bodies (strict, so a body
 * that tries to set `status`, `party`, `filer` or any other field it may not is refused) and
 * the responses each role is given (plain objects, so an internal column is stripped).
 */
import { z } from "zod";
import { MARKINGS, ROLES } from "./roles.ts";
import { OUTCOMES, REPORT_STATUSES } from "./workflow.ts";

/** A calendar day written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "is not a calendar date");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const iso3 = z.string().regex(/^[A-Z]{3}$/, "must be a party's ISO 3166 alpha-3 code");

const accountName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "must be 2–63 lower-case letters, digits, '.', '_' or '-'");

const passwordSchema = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(1024, "must be at most 1024 characters");

export const newAccountSchema = z.strictObject({
  name: accountName,
  role: z.enum(ROLES),
  party: iso3.nullable().default(null),
  password: passwordSchema,
});

export const loginSchema = z.strictObject({
  name: z.string().min(1).max(100),
  password: z.string().min(1).max(1024),
});

export const newTokenSchema = z.strictObject({
  label: text(100).default("api"),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

const placeSchema = z
  .strictObject({
    name: text(200).nullable().default(null),
    lat: z.number().min(-90).max(90).nullable().default(null),
    lon: z.number().min(-180).max(180).nullable().default(null),
  })
  .refine((p) => (p.lat === null) === (p.lon === null), "give both lat and lon, or neither")
  .refine((p) => p.name !== null || p.lat !== null, "give a place name or a map point");

export const newReportSchema = z.strictObject({
  title: text(200),
  description: text(20_000),
  occurredOn: isoDate,
  place: placeSchema,
  eventIds: z.array(z.number().int().positive()).max(100).default([]),
  commitment: text(100),
  against: iso3.nullable().default(null),
  marking: z.enum(MARKINGS),
  recipients: z.array(accountName).max(50).default([]),
  persons: z.array(text(200)).max(200).default([]),
});

const findingSchema = z.strictObject({
  facts: text(20_000),
  attribution: text(5_000),
  breachedCommitment: text(100).nullable(),
  measure: text(5_000),
});

export const actionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("acknowledge") }),
  z.strictObject({ type: z.literal("start_verification") }),
  z.strictObject({
    type: z.literal("request_information"),
    party: iso3,
    question: text(5_000),
    dueOn: isoDate,
  }),
  z.strictObject({
    type: z.literal("conclude"),
    outcome: z.enum(OUTCOMES),
    finding: findingSchema,
  }),
  z.strictObject({ type: z.literal("publish") }),
]);
export type ActionBody = z.output<typeof actionSchema>;

export const responseSchema = z.strictObject({ response: text(20_000) });

export const reportQuerySchema = z.strictObject({
  status: z.enum(REPORT_STATUSES).optional(),
  marking: z.enum(MARKINGS).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

// ---- responses -------------------------------------------------------------------------

const place = z.object({
  name: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
const finding = z.object({
  facts: z.string(),
  attribution: z.string(),
  breachedCommitment: z.string().nullable(),
  measure: z.string(),
});

export const accountView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  party: z.string().nullable(),
  disabled: z.boolean(),
});

export const reportListItem = z.object({
  id: z.string(),
  title: z.string(),
  marking: z.enum(MARKINGS),
  status: z.enum(REPORT_STATUSES),
  outcome: z.enum(OUTCOMES).nullable(),
  commitment: z.string(),
  filerParty: z.string().nullable(),
  against: z.string().nullable(),
  occurredOn: z.string(),
  createdAt: z.string(),
});

export const reportView = reportListItem.extend({
  description: z.string(),
  place,
  eventIds: z.array(z.number()),
  filer: z.string(),
  recipients: z.array(z.string()),
  persons: z.array(z.string()),
  finding: finding.nullable(),
  concludedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const publicSummaryView = z.object({
  id: z.string(),
  marking: z.enum(MARKINGS),
  outcome: z.enum(OUTCOMES),
  commitment: z.string(),
  breachedCommitment: z.string().nullable(),
  occurred: z.string(),
  publishedOn: z.string(),
  parties: z.object({ filer: z.string().nullable(), against: z.string().nullable() }).optional(),
  attribution: z.string().optional(),
  measure: z.string().optional(),
  facts: z.string().optional(),
  place: z.string().nullable().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  coordinates: z.object({ lat: z.number(), lon: z.number() }).nullable().optional(),
});

export const requestView = z.object({
  id: z.string(),
  /** Present only for readers of the report; the party asked sees the question alone. */
  reportId: z.string().optional(),
  party: z.string(),
  question: z.string(),
  dueOn: z.string(),
  askedAt: z.string(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  /** Whether the report is still under verification, so an answer is still taken. */
  open: z.boolean(),
});

export const evidenceView = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  addedAt: z.string(),
});

export const tokenView = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const auditView = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  reportId: z.string().nullable(),
  change: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
