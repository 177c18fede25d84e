/**
 * The schema of a crisis profile file (DESIGN.md, "Profile"): parties, region,
 * actors, demands, watch questions, escalation ladder and alert thresholds.
 * Objects are strict, so a misspelt key is an error, not a silently ignored
 * field. Cross-references (ids, actor references, ladder order) are checked
 * after parsing, in `references.ts`.
 */
import { z } from "zod";
import { PLOVER_CATEGORIES } from "../plover.ts";

export const ACTOR_TYPES = [
  "state_force",
  "government",
  "armed_group",
  "mediator",
  "igo",
  "other",
] as const;

export type ActorType = (typeof ACTOR_TYPES)[number];

/**
 * ACLED's 25 sub-event types (acledR `acled_event_categories`), the
 * vocabulary of `EventPattern.subtype`. Written out here because the
 * ontology folder has no entry file to import them from yet.
 */
const ACLED_SUBTYPES = [
  "Armed clash",
  "Government regains territory",
  "Non-state actor overtakes territory",
  "Chemical weapon",
  "Air/drone strike",
  "Suicide bomb",
  "Shelling/artillery/missile attack",
  "Remote explosive/landmine/IED",
  "Grenade",
  "Peaceful protest",
  "Protest with intervention",
  "Excessive force against protesters",
  "Violent demonstration",
  "Mob violence",
  "Agreement",
  "Arrests",
  "Change to group/activity",
  "Disrupted weapons use",
  "Headquarters or base established",
  "Looting/property destruction",
  "Non-violent transfer of territory",
  "Other",
  "Sexual violence",
  "Attack",
  "Abduction/forced disappearance",
];

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const ISO3_RE = /^[A-Z]{3}$/;
const DIRECTION_RE = /^[A-Z]{3}->[A-Z]{3}$/;
const CROSS_BORDER_HINT = 'must be true, false or a direction such as "AFG->PAK"';
const ISO_DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const text = z.string().trim().min(1, "must not be empty");
const id = z.string().regex(ID_RE, "must be a lowercase id of letters, digits and hyphens");
const iso3 = z.string().regex(ISO3_RE, "must be an ISO 3166-1 alpha-3 code such as PAK");
const isoDate = z.string().regex(ISO_DATE_RE, "must be a date written YYYY-MM-DD");

/** A YAML scalar where a list is expected becomes a one-item list. */
function oneOrMany<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (typeof value === "string" ? [value] : value), z.array(item));
}

/** A list of names checked against a closed vocabulary; the error names the bad value. */
function vocabulary(values: readonly string[], what: string) {
  const byLower = new Map(values.map((value) => [value.toLowerCase(), value]));
  return oneOrMany(z.string()).superRefine((list, ctx) => {
    for (const value of list) {
      if (values.includes(value)) continue;
      const near = byLower.get(value.toLowerCase());
      const hint = near === undefined ? "" : ` (did you mean "${near}"?)`;
      ctx.addIssue({ code: "custom", message: `unknown ${what} "${value}"${hint}` });
    }
  });
}

/** An alias, optionally valid only between two dates (`to` exclusive). */
const aliasSchema = z.preprocess(
  (value) => (typeof value === "string" ? { name: value } : value),
  z.strictObject({ name: text, from: isoDate.optional(), to: isoDate.optional() }),
);

const eventPatternSchema = z
  .strictObject({
    /** PLOVER root categories; any of them. */
    category: vocabulary(PLOVER_CATEGORIES, "category").optional(),
    /** PLOVER modes, e.g. "arrest", "heavy-weapons"; any of them. */
    mode: oneOrMany(text).optional(),
    /** ACLED sub-event types; any of them. */
    subtype: vocabulary(ACLED_SUBTYPES, "ACLED sub-event type").optional(),
    /** Initiating actor: profile actor ids, each also matching its factions and units. */
    actor: oneOrMany(id).optional(),
    actorType: oneOrMany(z.enum(ACTOR_TYPES)).optional(),
    actorBasedIn: oneOrMany(iso3).optional(),
    actorParty: oneOrMany(iso3).optional(),
    /** Target actor, with the same meaning as the actor fields. */
    target: oneOrMany(id).optional(),
    targetType: oneOrMany(z.enum(ACTOR_TYPES)).optional(),
    targetParty: oneOrMany(iso3).optional(),
    /** Actor and target constraints may be met either way round. */
    undirected: z.boolean().optional(),
    /** ISO3 of the country where the event happened. */
    country: oneOrMany(iso3).optional(),
    /** true/false, or a direction "FROM->TO" such as "AFG->PAK". */
    crossBorder: z
      .union([z.boolean(), z.string().regex(DIRECTION_RE, CROSS_BORDER_HINT)], {
        error: CROSS_BORDER_HINT,
      })
      .optional(),
    minFatalities: z.number().int().min(0).optional(),
    /** Words or phrases in the summary; any of them, matched at the start of a word. */
    keywords: oneOrMany(text).optional(),
  })
  .refine((pattern) => Object.keys(pattern).some((key) => key !== "undirected"), {
    message: "pattern has no criteria, so it would match every event",
  });

const partySchema = z.strictObject({
  iso3,
  fips: z.string().regex(/^[A-Z]{2}$/, "must be a FIPS 10-4 country code such as PK"),
  name: text,
  aliases: z.array(text).default([]),
});

const admin1Schema = z.strictObject({
  name: text,
  aliases: z.array(text).default([]),
  /** ISO 3166-2 code, e.g. PK-KP. */
  iso: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z]{2,3}$/, "must be an ISO 3166-2 code such as PK-KP")
    .optional(),
  /** FIPS 10-4 admin code as GDELT writes it, e.g. PK03. */
  fips: z
    .string()
    .regex(/^[A-Z]{2}\d{2}$/, "must be a FIPS 10-4 admin code such as PK03")
    .optional(),
  /** The admin1 unit this one was merged into (FATA into Khyber Pakhtunkhwa, 2018). */
  mergedInto: text.optional(),
});

const admin2Schema = z.strictObject({
  name: text,
  admin1: text,
  aliases: z.array(text).default([]),
  /** The admin1 unit it belonged to before a merger (the tribal districts: FATA). */
  formerAdmin1: text.optional(),
});

const crossingSchema = z.strictObject({
  id,
  name: text,
  aliases: z.array(text).default([]),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** The admin units on each side, keyed by ISO3. */
  sides: z.record(iso3, z.strictObject({ admin1: text, admin2: text.optional() })),
  note: text.optional(),
});

const regionSchema = z.strictObject({
  countries: z.array(iso3).min(1, "must list at least one country"),
  admin1: z.record(iso3, z.array(admin1Schema)),
  admin2: z.record(iso3, z.array(admin2Schema)).default({}),
  crossings: z.array(crossingSchema).default([]),
});

/** Where an actor was based between two dates (`to` exclusive); null when unknown or global. */
const basedInPeriodSchema = z.strictObject({
  iso3: iso3.nullable(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const actorSchema = z.strictObject({
  id,
  name: text,
  aliases: z.array(aliasSchema).default([]),
  type: z.enum(ACTOR_TYPES),
  /**
   * Where the actor is based now (ISO3), for cross-border attribution; null when unknown or
   * global. Also the answer for any date that `basedInHistory` does not cover.
   */
  basedIn: iso3.nullable(),
  /** Earlier (or dated) bases, for events before a move (the TTP in Pakistan until mid-2014). */
  basedInHistory: z.array(basedInPeriodSchema).default([]),
  /** The party the actor belongs to or fights for (ISO3), or null. */
  party: iso3.nullable(),
  /** The actor this one is a faction or unit of. */
  parent: id.optional(),
  note: text.optional(),
});

const demandSchema = z.strictObject({
  id,
  title: text,
  /** An actor id, or the ISO3 of a party. */
  by: text,
  /** The ISO3 of the party the demand is made of. */
  of: iso3,
  description: text,
  evidence: z.strictObject({
    progress: z.array(eventPatternSchema),
    breach: z.array(eventPatternSchema),
  }),
});

/** At least `count` matching events within `windowDays` days. */
const countRuleSchema = z.strictObject({
  count: z.number().int().min(1),
  windowDays: z.number().int().min(1),
});

const watchQuestionSchema = z.strictObject({
  id,
  text,
  /** How the question resolves, in words, for briefs. */
  resolution: text.optional(),
  rule: countRuleSchema.extend({ pattern: eventPatternSchema }),
  horizonDays: z.number().int().min(1),
});

const rungSchema = z.strictObject({
  rung: z.number().int().min(1),
  id,
  name: text,
  pattern: eventPatternSchema,
  /** Reached only with this many matching events in the window (default: one event). */
  threshold: countRuleSchema.optional(),
});

const levelsSchema = z.strictObject({ elevated: z.number(), high: z.number(), severe: z.number() });

const thresholdsSchema = z.strictObject({
  /** Daily escalation index for the pair (higher is more hostile); alert at or above. */
  escalationIndex: levelsSchema,
  /** Highest ladder rung reached in a day; alert at or above. */
  ladderRung: levelsSchema,
});

export const profileSchema = z.strictObject({
  id,
  name: text,
  description: text.optional(),
  parties: z.array(partySchema).min(1, "must list at least one party"),
  region: regionSchema,
  actors: z.array(actorSchema),
  demands: z.array(demandSchema).default([]),
  watchQuestions: z.array(watchQuestionSchema).default([]),
  escalationLadder: z.array(rungSchema).default([]),
  thresholds: thresholdsSchema,
});

export type Profile = z.output<typeof profileSchema>;
export type EventPattern = z.output<typeof eventPatternSchema>;
export type ProfileParty = Profile["parties"][number];
export type ProfileRegion = Profile["region"];
export type ProfileAdmin1 = z.output<typeof admin1Schema>;
export type ProfileAdmin2 = z.output<typeof admin2Schema>;
export type ProfileCrossing = z.output<typeof crossingSchema>;
export type ProfileActor = z.output<typeof actorSchema>;
export type ActorAlias = ProfileActor["aliases"][number];
export type Demand = Profile["demands"][number];
export type WatchQuestion = Profile["watchQuestions"][number];
export type LadderRung = Profile["escalationLadder"][number];
export type Thresholds = Profile["thresholds"];
