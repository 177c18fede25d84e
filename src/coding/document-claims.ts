/**
 * Claims read across sentences: a list of demands under a lead-in ("The
 * demands Pakistan is putting forward include:") or a heading ("What
 * Pakistan Is Demanding"), and the speaker and addressee a sentence leaves
 * unnamed, taken from the document's own demands ("It wants decisive action
 * from Afghanistan" — "it" is the party the document has making demands).
 */
import type { ClaimDraft } from "./claims.ts";
import type { ActorMention, CodedPlace, Sentence } from "./types.ts";

export interface SentenceClaims {
  sentence: Sentence;
  mentions: ActorMention[];
  drafts: ClaimDraft[];
  places: CodedPlace[];
  /** Country-level places named in the sentence, resolved to actors ("inside Afghanistan"). */
  countryActors: ActorMention[];
}

export interface ClaimWithContext extends ClaimDraft {
  sentence: Sentence;
  inferred: Array<"by" | "of">;
}

const DEMAND_LEAD = /\bdemand(?:s|ing|ed)?\b[^.!?]*:\s*$/iu;
const DEMAND_HEADING = /\bdemand(?:s|ing)?\b/iu;

function firstNamed(mentions: readonly ActorMention[]): ActorMention | null {
  return mentions.find((m) => m.kind !== "generic" && m.actorId !== null) ?? null;
}

/** Adds a demand for each list item under a demand lead-in or heading that has none of its own. */
function addListDemands(items: readonly SentenceClaims[]): void {
  let lead: ActorMention | null | undefined;
  for (const item of items) {
    const { sentence } = item;
    if (sentence.kind === "heading") {
      lead = DEMAND_HEADING.test(sentence.text) ? firstNamed(item.mentions) : undefined;
      continue;
    }
    if (sentence.text.endsWith(":") && DEMAND_LEAD.test(sentence.text)) {
      lead = firstNamed(item.mentions) ?? lead ?? null;
      continue;
    }
    if (sentence.kind !== "list-item" || lead === undefined) continue;
    if (item.drafts.some((d) => d.kind === "demand")) continue;
    const labelEnd =
      sentence.label === null ? 0 : sentence.text.indexOf(sentence.label) + sentence.label.length;
    const whatStart =
      sentence.start +
      labelEnd +
      (/^\s*[—–:-]?\s*/u.exec(sentence.text.slice(labelEnd))?.[0].length ?? 0);
    const whatText = sentence.text.slice(whatStart - sentence.start).replace(/[\s.;:!?]+$/u, "");
    item.drafts.push({
      kind: "demand",
      category: "REQUEST",
      by: lead,
      of: null,
      verb: { start: sentence.start, end: sentence.start + labelEnd, text: sentence.label ?? "" },
      what: { start: whatStart, end: whatStart + whatText.length, text: whatText },
    });
  }
}

function mostFrequent(mentions: ReadonlyArray<ActorMention | null>): ActorMention | null {
  const counts = new Map<string, { mention: ActorMention; n: number }>();
  for (const m of mentions) {
    if (m === null || m.actorId === null) continue;
    const entry = counts.get(m.actorId) ?? { mention: m, n: 0 };
    entry.n += 1;
    counts.set(m.actorId, entry);
  }
  let best: { mention: ActorMention; n: number } | null = null;
  for (const entry of counts.values()) if (best === null || entry.n > best.n) best = entry;
  return best?.mention ?? null;
}

/** Every claim of the document, with what the sentences leave unnamed filled in from it. */
export function resolveDocumentClaims(items: SentenceClaims[]): ClaimWithContext[] {
  addListDemands(items);
  const demands = items.flatMap((i) => i.drafts.filter((d) => d.kind === "demand"));
  const speaker = mostFrequent(demands.map((d) => d.by));
  const addressee = mostFrequent(demands.map((d) => d.of));
  const claims: ClaimWithContext[] = [];
  for (const item of items) {
    for (const draft of item.drafts) {
      const inferred: Array<"by" | "of"> = [];
      let { by, of } = draft;
      if (by === null && speaker !== null) {
        by = speaker;
        inferred.push("by");
      }
      if (of === null) {
        of =
          draft.kind === "demand"
            ? addressee
            : (item.countryActors.find((a) => a.actorId !== by?.actorId) ?? null);
        if (of !== null) inferred.push("of");
      }
      claims.push({ ...draft, by, of, sentence: item.sentence, inferred });
    }
  }
  return claims;
}
