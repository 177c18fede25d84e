/**
 * Claims in a sentence: demands ("urged X to", "called upon X to",
 * "demanded that", "requested Kabul to", "X says Y must…"), accusations
 * ("backed by groups operating inside Afghanistan", "accused X of"), and
 * denials ("rejected", "denied"). Who makes the claim and of whom are the
 * actor mentions around the claim's verb; what is claimed is the rest of the
 * clause. Matching to the profile's demands happens later, in `demands.ts`.
 */
import type { ActorMention, ClaimKind, Span } from "./types.ts";

export interface ClaimDraft {
  kind: ClaimKind;
  category: "REQUEST" | "ACCUSE" | "REJECT";
  by: ActorMention | null;
  of: ActorMention | null;
  verb: Span & { text: string };
  what: Span & { text: string };
}

const DEMAND_VERBS =
  /\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:up)?on|demand(?:s|ed|ing)?|request(?:s|ed|ing)?|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|push(?:es|ed|ing)?|wants?|wanted|insist(?:s|ed|ing)? (?:that|on)|tell(?:s|ing)?|told|appeal(?:s|ed|ing)? to|(?:put(?:s|ting)?|exert(?:s|ed|ing)?) (?:\w+ )?pressure on)\b/gi;
/** These name a demand only with "to" or "that" after the addressee ("asked X to"). */
const NEEDS_TO = /^(?:ask|press|push|tell|told|want)/i;
const SPEECH =
  /\b(?:says?|said|argues?|argued|insists?|insisted|emphasi[sz]e[sd]?|stress(?:es|ed)|maintains?|maintained|believes?)\b/i;
const MODAL = /\b(?:must|should|needs? to|has to|have to|ought to)\b/i;
/**
 * "backed by groups operating inside Afghanistan" accuses; "operations backed by
 * airstrikes", "forces supported by NATO" describe an operation, not a sponsor.
 */
const MILITARY_SUPPORT =
  "(?!\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:air\\s?strikes?|airstrikes?|air support|air power|artillery|NATO|US|coalition|helicopters?|gunships?|drones?|aircraft|jets|forces|troops|army|military|police)\\b)";
const ACCUSE_VERBS = new RegExp(
  `\\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|(?<!\\b(?:an?|the|his|her|their|its)\\s)alleg(?:e|es|ed|ing|ations?)|(?:backed|supported|sponsored|funded|harbou?red|sheltered)["”’]? by${MILITARY_SUPPORT}|linked to|harbou?r(?:s|ing)|shelter(?:s|ing)|find(?:s|ing)? refuge|originat(?:e|es|ed|ing) from|based across|operating (?:from|inside|in))\\b`,
  "gi",
);
const DENY_VERBS =
  /\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebuff(?:s|ed|ing)?)\b/gi;
/** Cheap tests that rule a sentence out before the full patterns run. */
const ACCUSE_HINT = /accus|blam|alleg|by|link|harbo|shelter|refuge|originat|based|operating/i;
const DENY_HINT = /den[yi]|reject|dismiss|refut|rebuff/i;

/** Claims about what a speaker said: the speaker stands before one of these. */
const SPEAKER_VERBS =
  /\b(?:says?|said|claims?|claimed|argues?|argued|accus\w*|blam\w*|alleg\w*|emphasi[sz]ed|stressed)\b/i;

function named(mentions: readonly ActorMention[]): ActorMention[] {
  return mentions.filter((m) => m.kind !== "generic");
}

/** The text from `from` to the end of the sentence, without leading links or final punctuation. */
function spanFrom(sentence: string, base: number, from: number): Span & { text: string } {
  let start = Math.max(0, from - base);
  start += /^[\s,:;—–-]*/u.exec(sentence.slice(start))?.[0].length ?? 0;
  let end = sentence.length;
  while (end > start && /[\s.;:!?"”’]/u.test(sentence[end - 1] ?? "")) end -= 1;
  return { start: base + start, end: base + end, text: sentence.slice(start, end) };
}

/** The first named mention before `at`, the sentence's subject as far as this coder can tell. */
function subjectBefore(mentions: readonly ActorMention[], at: number): ActorMention | null {
  return named(mentions).find((m) => m.end <= at) ?? null;
}

function findDemand(
  sentence: string,
  base: number,
  mentions: readonly ActorMention[],
): ClaimDraft | null {
  for (const match of sentence.matchAll(DEMAND_VERBS)) {
    // "the demands", "these demands": the noun, not the verb.
    if (
      /\b(?:the|these|those|its|their|his|her|our|of|such|making)\s+$/i.test(
        sentence.slice(Math.max(0, (match.index ?? 0) - 12), match.index),
      )
    )
      continue;
    const verbStart = base + (match.index ?? 0);
    const verbEnd = verbStart + match[0].length;
    const by = subjectBefore(mentions, verbStart);
    const after = named(mentions).find((m) => m.start >= verbEnd && m.start - verbEnd <= 40);
    const tail = sentence.slice((after?.end ?? verbEnd) - base);
    const link = /^\s*(?:,\s*)?(?:to|that)\b/i.exec(tail);
    if (NEEDS_TO.test(match[0]) && link === null) continue;
    const of =
      after ??
      [...named(mentions)]
        .reverse()
        .find((m) => m.end <= verbStart && m !== by && m.party !== by?.party) ??
      null;
    const whatFrom = (after?.end ?? verbEnd) + (link?.[0].length ?? 0);
    return {
      kind: "demand",
      category: "REQUEST",
      by,
      of,
      verb: { start: verbStart, end: verbEnd, text: match[0] },
      what: spanFrom(sentence, base, whatFrom),
    };
  }
  return null;
}

/** "Pakistan is telling its neighbor, “Stop letting terrorists use your land”": a quoted order. */
const QUOTED_ORDER =
  /\b(?:tell(?:s|ing)?|told|says?|said|warn(?:s|ed|ing)?|message)\b[^“"]{0,60}?[,:]\s*[“"]((?:Stop|Do not|Don['’]t|Act|End|Hand over|Arrest|Expel|Dismantle|Take)\b[^”"]*)/i;

function findQuotedOrder(
  sentence: string,
  base: number,
  mentions: readonly ActorMention[],
): ClaimDraft | null {
  if (!/[“"]/.test(sentence)) return null;
  const match = QUOTED_ORDER.exec(sentence);
  const quote = match?.[1];
  if (match === null || quote === undefined) return null;
  const verbStart = base + match.index;
  const quoteStart = base + match.index + match[0].length - quote.length;
  const text = quote.replace(/[\s.;:!?]+$/u, "");
  return {
    kind: "demand",
    category: "REQUEST",
    by: subjectBefore(mentions, verbStart),
    of: null,
    verb: {
      start: verbStart,
      end: quoteStart,
      text: sentence.slice(match.index, quoteStart - base),
    },
    what: { start: quoteStart, end: quoteStart + text.length, text },
  };
}

/** "Islamabad says … Afghanistan must act now": a demand put as what another must do. */
function findModalDemand(
  sentence: string,
  base: number,
  mentions: readonly ActorMention[],
): ClaimDraft | null {
  const speech = SPEECH.exec(sentence);
  if (speech === null) return null;
  const speechStart = base + speech.index;
  const rest = sentence.slice(speech.index);
  const modal = MODAL.exec(rest);
  if (modal === null) return null;
  const modalStart = speechStart + modal.index;
  const modalEnd = modalStart + modal[0].length;
  const by = subjectBefore(mentions, speechStart);
  const of =
    [...named(mentions)].reverse().find((m) => m.start > speechStart && m.end <= modalStart) ??
    null;
  if (of === null) return null;
  return {
    kind: "demand",
    category: "REQUEST",
    by,
    of,
    verb: { start: modalStart, end: modalEnd, text: modal[0] },
    what: spanFrom(sentence, base, modalEnd),
  };
}

function findWithVerbs(
  sentence: string,
  base: number,
  mentions: readonly ActorMention[],
  kind: "accusation" | "denial",
): ClaimDraft | null {
  const verbs = kind === "accusation" ? ACCUSE_VERBS : DENY_VERBS;
  if (!(kind === "accusation" ? ACCUSE_HINT : DENY_HINT).test(sentence)) return null;
  verbs.lastIndex = 0;
  const match = verbs.exec(sentence);
  verbs.lastIndex = 0;
  if (match === null) return null;
  const verbStart = base + match.index;
  const verbEnd = verbStart + match[0].length;
  const speaker = SPEAKER_VERBS.exec(sentence);
  const hasSpeaker = speaker !== null && base + speaker.index < verbStart;
  const speakerAt = hasSpeaker ? base + speaker.index : verbStart;
  const by = subjectBefore(mentions, speakerAt);
  const whatFrom =
    kind === "denial" ? verbEnd : hasSpeaker ? speakerAt + (speaker?.[0].length ?? 0) : base;
  const of = named(mentions).find((m) => m.start >= verbEnd && m !== by) ?? null;
  return {
    kind,
    category: kind === "accusation" ? "ACCUSE" : "REJECT",
    by,
    of,
    verb: { start: verbStart, end: verbEnd, text: match[0] },
    what: spanFrom(sentence, base, whatFrom),
  };
}

/** Claims of a sentence (at most one of each kind), spans relative to `base`. */
export function findClaims(
  sentence: string,
  base: number,
  mentions: readonly ActorMention[],
): ClaimDraft[] {
  const demand =
    findDemand(sentence, base, mentions) ??
    findQuotedOrder(sentence, base, mentions) ??
    findModalDemand(sentence, base, mentions);
  const inDemand = (c: ClaimDraft | null) =>
    c !== null &&
    demand !== null &&
    c.verb.start >= demand.what.start &&
    c.verb.end <= demand.what.end;
  const accusation = findWithVerbs(sentence, base, mentions, "accusation");
  const denial = findWithVerbs(sentence, base, mentions, "denial");
  // What a demand asks for is not itself claimed ("…curb groups operating from Afghan soil").
  return [
    demand,
    inDemand(accusation) ? null : accusation,
    inDemand(denial) ? null : denial,
  ].filter((c): c is ClaimDraft => c !== null);
}
