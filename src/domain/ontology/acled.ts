/**
 * ACLED event types, sub-event types, disorder types and actor type codes
 * (ACLED codebook; `acledR` reference tables), and their PLOVER types.
 */
import type { PloverMapping } from "./plover-modes.ts";

export const ACLED_EVENT_TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
] as const;

export type AcledEventType = (typeof ACLED_EVENT_TYPES)[number];

/**
 * ACLED's `disorder_type`. Excessive force against protesters is both
 * political violence and a demonstration event, and ACLED writes both.
 */
export type AcledDisorderType =
  | "Political violence"
  | "Demonstrations"
  | "Political violence; Demonstrations"
  | "Strategic developments";

export interface AcledSubEventTypeInfo {
  readonly name: string;
  readonly eventType: AcledEventType;
  readonly disorderType: AcledDisorderType;
}

const PV = "Political violence";
const DEMO = "Demonstrations";
const SD = "Strategic developments";

export const ACLED_SUB_EVENT_TYPES = [
  { name: "Armed clash", eventType: "Battles", disorderType: PV },
  { name: "Government regains territory", eventType: "Battles", disorderType: PV },
  { name: "Non-state actor overtakes territory", eventType: "Battles", disorderType: PV },
  { name: "Chemical weapon", eventType: "Explosions/Remote violence", disorderType: PV },
  { name: "Air/drone strike", eventType: "Explosions/Remote violence", disorderType: PV },
  { name: "Suicide bomb", eventType: "Explosions/Remote violence", disorderType: PV },
  {
    name: "Shelling/artillery/missile attack",
    eventType: "Explosions/Remote violence",
    disorderType: PV,
  },
  {
    name: "Remote explosive/landmine/IED",
    eventType: "Explosions/Remote violence",
    disorderType: PV,
  },
  { name: "Grenade", eventType: "Explosions/Remote violence", disorderType: PV },
  { name: "Sexual violence", eventType: "Violence against civilians", disorderType: PV },
  { name: "Attack", eventType: "Violence against civilians", disorderType: PV },
  {
    name: "Abduction/forced disappearance",
    eventType: "Violence against civilians",
    disorderType: PV,
  },
  { name: "Peaceful protest", eventType: "Protests", disorderType: DEMO },
  { name: "Protest with intervention", eventType: "Protests", disorderType: DEMO },
  {
    name: "Excessive force against protesters",
    eventType: "Protests",
    disorderType: "Political violence; Demonstrations",
  },
  { name: "Violent demonstration", eventType: "Riots", disorderType: DEMO },
  { name: "Mob violence", eventType: "Riots", disorderType: PV },
  { name: "Agreement", eventType: "Strategic developments", disorderType: SD },
  { name: "Arrests", eventType: "Strategic developments", disorderType: SD },
  { name: "Change to group/activity", eventType: "Strategic developments", disorderType: SD },
  { name: "Disrupted weapons use", eventType: "Strategic developments", disorderType: SD },
  {
    name: "Headquarters or base established",
    eventType: "Strategic developments",
    disorderType: SD,
  },
  { name: "Looting/property destruction", eventType: "Strategic developments", disorderType: SD },
  {
    name: "Non-violent transfer of territory",
    eventType: "Strategic developments",
    disorderType: SD,
  },
  { name: "Other", eventType: "Strategic developments", disorderType: SD },
] as const satisfies readonly AcledSubEventTypeInfo[];

export type AcledSubEventType = (typeof ACLED_SUB_EVENT_TYPES)[number]["name"];

/**
 * PLOVER type of each sub-event type, by the PLOVER 0.8 manual's definitions.
 * Where a sub-event type spans several modes, the mode is the one most of
 * its events have (counted in the ACLED Balochistan 2020–24 and Afghanistan
 * 2019 subsets in `shared/data/acled`); the ACLED name stays on the event as
 * its `subtype`, so nothing is lost.
 */
const ACLED_PLOVER: Record<AcledSubEventType, PloverMapping> = {
  // Battles are two-sided by ACLED's definition; PLOVER marks two-sided violence
  // between distinguishable sides with the mode `sideAB`. Territory changing
  // hands has no ASSAULT mode; the ACLED subtype keeps it.
  "Armed clash": { category: "ASSAULT", mode: "sideAB" },
  "Government regains territory": { category: "ASSAULT", mode: "sideAB" },
  "Non-state actor overtakes territory": { category: "ASSAULT", mode: "sideAB" },
  "Chemical weapon": { category: "ASSAULT", mode: "unconventional" },
  // PLOVER has no aerial mode; aircraft and drones are crew-served weapons,
  // as in CAMEO2PLOVER's 195 "Employ aerial weapons" → heavy-weapons.
  "Air/drone strike": { category: "ASSAULT", mode: "heavy-weapons" },
  "Suicide bomb": { category: "ASSAULT", mode: "suicide-attack" },
  "Shelling/artillery/missile attack": { category: "ASSAULT", mode: "heavy-weapons" },
  "Remote explosive/landmine/IED": { category: "ASSAULT", mode: "explosives" },
  // "any explosive not incorporated in a heavy weapon".
  Grenade: { category: "ASSAULT", mode: "explosives" },
  "Sexual violence": { category: "ASSAULT", mode: "sexual" },
  // Explosives are Explosions/Remote violence, so attacks are mostly shootings
  // (85 of 276 notes say "shot", 75 "fire"; 2 mention a grenade).
  Attack: { category: "ASSAULT", mode: "firearms" },
  "Abduction/forced disappearance": { category: "ASSAULT", mode: "abduct" },
  "Peaceful protest": { category: "PROTEST", mode: "demo" },
  // The protest itself stays peaceful; the intervention is the authorities'.
  "Protest with intervention": { category: "PROTEST", mode: "demo" },
  // One-sided violence with serious harm is ASSAULT (the manual's example:
  // "police firing on demonstrators"); `beat` is PLOVER's "physically assault".
  "Excessive force against protesters": { category: "ASSAULT", mode: "beat" },
  "Violent demonstration": { category: "PROTEST", mode: "riot" },
  // Mobs attacking people without a political demand are not a protest; ACLED
  // counts mob violence as political violence.
  "Mob violence": { category: "ASSAULT", mode: "beat" },
  // Agreements between armed actors: ceasefires, surrenders, prisoner
  // exchanges — material de-escalation, RETREAT. Ceasefire is the case this
  // project watches; surrenders (the two in the 2019 subset) would be `disarm`.
  Agreement: { category: "RETREAT", mode: "ceasefire" },
  Arrests: { category: "COERCE", mode: "arrest" },
  // New groups, mergers, new wings: a non-state armed actor's capability grows.
  "Change to group/activity": { category: "MOBILIZE", mode: "militia" },
  // Defusals, interceptions, weapons seizures: "military or police moves that
  // fall short of the actual use of force" (MOBILIZE), mostly by police and
  // bomb-disposal units in Pakistan. ACLED counts none of it as violence.
  "Disrupted weapons use": { category: "MOBILIZE", mode: "police" },
  "Headquarters or base established": { category: "MOBILIZE", mode: "militia" },
  // Property destruction dominates in conflict data (bridges, masts, schools).
  "Looting/property destruction": { category: "ASSAULT", mode: "destroy" },
  "Non-violent transfer of territory": { category: "RETREAT", mode: "withdraw" },
  // In the 2019 subset every "Other" event is a road blockade ("restrict movement").
  Other: { category: "COERCE", mode: "restrict" },
};

/**
 * Spellings of sub-event types that are not ACLED's current ones, in the
 * normalised form of `normalizeName`: the codebook's "protestors", the
 * pre-2019 battle event types that became sub-event types, and the labels of
 * the CASE 2021 shared task (Hürriyetoğlu et al.), which code ACLED's 25 types.
 */
const ALIASES: ReadonlyMap<string, AcledSubEventType> = new Map<string, AcledSubEventType>([
  ["excessive force against protestors", "Excessive force against protesters"],
  ["battle-no change of territory", "Armed clash"],
  ["battle-government regains territory", "Government regains territory"],
  ["battle-non-state actor overtakes territory", "Non-state actor overtakes territory"],
  ["armed_clash", "Armed clash"],
  ["gov_regains_terit", "Government regains territory"],
  ["non_state_actor_overtakes_ter", "Non-state actor overtakes territory"],
  ["chem_weap", "Chemical weapon"],
  ["air_strike", "Air/drone strike"],
  ["suic_bomb", "Suicide bomb"],
  ["art_miss_attack", "Shelling/artillery/missile attack"],
  ["rem_explos", "Remote explosive/landmine/IED"],
  ["grenade", "Grenade"],
  ["sex_viol", "Sexual violence"],
  ["attack", "Attack"],
  ["abduct_dissap", "Abduction/forced disappearance"],
  ["peace_protest", "Peaceful protest"],
  ["protest_with_inter", "Protest with intervention"],
  ["force_against_protest", "Excessive force against protesters"],
  ["viol_demonstr", "Violent demonstration"],
  ["mob_viol", "Mob violence"],
  ["agreement", "Agreement"],
  ["arrest", "Arrests"],
  ["change_to_group_act", "Change to group/activity"],
  ["disr_weap", "Disrupted weapons use"],
  ["hq_established", "Headquarters or base established"],
  ["property_distruct", "Looting/property destruction"],
  ["non_viol_territ_transfer", "Non-violent transfer of territory"],
  ["other", "Other"],
]);

/** Lower case, single spaces, no spaces around "/" or "-". */
function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/ ?([/-]) ?/g, "$1");
}

const BY_NAME: ReadonlyMap<string, AcledSubEventType> = new Map<string, AcledSubEventType>([
  ...ACLED_SUB_EVENT_TYPES.map(({ name }): [string, AcledSubEventType] => [
    normalizeName(name),
    name,
  ]),
  ...ALIASES,
]);

/** The ACLED sub-event type a name (any case, older spellings) stands for. */
export function parseAcledSubEventType(name: string): AcledSubEventType | undefined {
  return BY_NAME.get(normalizeName(name));
}

/** PLOVER category and mode of an ACLED sub-event type; undefined for an unknown name. */
export function acledToPlover(subEventType: string): PloverMapping | undefined {
  const known = parseAcledSubEventType(subEventType);
  return known === undefined ? undefined : ACLED_PLOVER[known];
}

/**
 * ACLED actor type codes (`inter1`, `inter2`). `label` is the older name
 * (`acledR` table); `actorType` is the name ACLED now writes in its text
 * `interaction` field ("Rebel group-State forces").
 */
export const ACLED_INTER_CODES = [
  { code: 1, label: "State Forces", actorType: "State forces" },
  { code: 2, label: "Rebel Forces", actorType: "Rebel group" },
  { code: 3, label: "Militia Groups", actorType: "Political militia" },
  { code: 4, label: "Communal / Identity Groups", actorType: "Identity militia" },
  { code: 5, label: "Rioters", actorType: "Rioters" },
  { code: 6, label: "Protesters", actorType: "Protesters" },
  { code: 7, label: "Civilians", actorType: "Civilians" },
  { code: 8, label: "Foreign / Others", actorType: "External/Other forces" },
] as const;
