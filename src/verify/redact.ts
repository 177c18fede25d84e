/**
 * The public summary of a published report: only what its marking allows, with personal data
 * redacted. Modest by design: the private persons named in the report's `persons` field,
 * e-mail addresses and phone numbers. Anything else personal must be kept out of the finding.
 */
import type { Marking } from "./roles.ts";
import type { Outcome } from "./workflow.ts";

const WITHHELD = {
  name: "[name withheld]",
  email: "[email withheld]",
  phone: "[phone withheld]",
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A run of digits with the separators phone numbers are written with, after an optional `+`
// or area code in brackets; `isPhone` decides.
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|\(\d{1,5}\)\s?)?\d[\d\s().-]{5,22}\d(?![\p{L}\p{N}])/gu;

/**
 * International (+92…, 0092…), trunk-prefixed (0300-…, (051) …) or ten digits and more.
 * Years, date ranges and counts ("2020-2024", "2025-10-19") have no leading 0 or + and
 * fewer than ten digits, so they stay.
 */
function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return false;
  const start = candidate.replace(/^\(/, "");
  return start.startsWith("+") || start.startsWith("0") || digits.length >= 10;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function namePattern(names: readonly string[]): RegExp | null {
  const parts = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 1))]
    // Longest first, so "Ahmad Khan Yousafzai" wins over "Ahmad Khan".
    .sort((a, b) => b.length - a.length)
    .map((n) => n.split(/\s+/).map(escapeRegExp).join("\\s+"));
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

export function redactText(text: string, persons: readonly string[]): string {
  const names = namePattern(persons);
  let out = names ? text.replace(names, WITHHELD.name) : text;
  out = out.replace(EMAIL, WITHHELD.email);
  return out.replace(PHONE, (m) => (isPhone(m) ? WITHHELD.phone : m));
}

export interface Finding {
  facts: string;
  attribution: string;
  /** The commitment breached (ceasefire or a demand id), or null when none was. */
  breachedCommitment: string | null;
  measure: string;
}

export interface SummarySource {
  id: string;
  marking: Marking;
  commitment: string;
  filerParty: string | null;
  against: string | null;
  occurredOn: string;
  place: { name: string | null; lat: number | null; lon: number | null };
  title: string;
  description: string;
  persons: readonly string[];
  outcome: Outcome;
  finding: Finding;
}

export interface PublicSummary {
  id: string;
  marking: Marking;
  outcome: Outcome;
  commitment: string;
  breachedCommitment: string | null;
  /** The day for GREEN and CLEAR, the month for AMBER and RED. */
  occurred: string;
  publishedOn: string;
  parties?: { filer: string | null; against: string | null };
  attribution?: string;
  measure?: string;
  facts?: string;
  place?: string | null;
  title?: string;
  description?: string;
  coordinates?: { lat: number; lon: number } | null;
}

const RANK: Record<Marking, number> = { RED: 0, AMBER: 1, GREEN: 2, CLEAR: 3 };

/**
 * What each marking lets out: RED the outcome only; AMBER adds the parties, attribution and
 * measure; GREEN adds the facts, the day and the place name; CLEAR adds the report itself
 * and its coordinates.
 */
export function buildPublicSummary(source: SummarySource, publishedOn: string): PublicSummary {
  const rank = RANK[source.marking];
  const clean = (text: string) => redactText(text, source.persons);
  const summary: PublicSummary = {
    id: source.id,
    marking: source.marking,
    outcome: source.outcome,
    commitment: source.commitment,
    breachedCommitment: source.finding.breachedCommitment,
    occurred: rank >= RANK.GREEN ? source.occurredOn : source.occurredOn.slice(0, 7),
    publishedOn,
  };
  if (rank >= RANK.AMBER) {
    summary.parties = { filer: source.filerParty, against: source.against };
    summary.attribution = clean(source.finding.attribution);
    summary.measure = clean(source.finding.measure);
  }
  if (rank >= RANK.GREEN) {
    summary.facts = clean(source.finding.facts);
    summary.place = source.place.name === null ? null : clean(source.place.name);
  }
  if (rank >= RANK.CLEAR) {
    summary.title = clean(source.title);
    summary.description = clean(source.description);
    const { lat, lon } = source.place;
    summary.coordinates = lat === null || lon === null ? null : { lat, lon };
  }
  return summary;
}
