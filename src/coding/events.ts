/**
 * Events of a document: one per sentence that reports an act (the first
 * trigger by priority, outside any claim's content), plus one per claim (a
 * demand is a REQUEST event, an accusation ACCUSE, a denial REJECT). Each
 * gets its actors, place, date, casualties, auxiliary modes and confidence.
 */
import { acledToPlover } from "../domain/ontology/index.ts";
import { addSentenceToll, extractCasualties } from "./casualties.ts";
import { type ClassifierModel, predict } from "./classifier/model.ts";
import { resolveDate } from "./dates.ts";
import type { ClaimWithContext, SentenceClaims } from "./document-claims.ts";
import { detectModality } from "./modality.ts";
import { pickPlace } from "./places.ts";
import { findTrigger, type TriggerMatch } from "./triggers.ts";
import type { ActorMention, CodedDate, CodedEvent, Modality, Sentence } from "./types.ts";

const NO_CASUALTIES = { killed: null, injured: null } as const;

function preferNamed(mentions: readonly ActorMention[]): ActorMention | null {
  return mentions.find((m) => m.kind !== "generic") ?? mentions[0] ?? null;
}

/** Actor and recipient around the trigger; "… was attacked by X" makes X the actor. */
export function assignActors(
  sentence: Sentence,
  mentions: readonly ActorMention[],
  trigger: { start: number; end: number },
): { actor: ActorMention | null; recipient: ActorMention | null } {
  const between = (from: number, to: number) =>
    sentence.text.slice(from - sentence.start, to - sentence.start);
  // "…, police said": the source of the report, not a side in it.
  const isSource = (m: ActorMention) =>
    /^\s*(?:said|says|say|told|reported|added|claimed|confirmed)\b/i.test(
      between(m.end, sentence.end),
    );
  const before = mentions.filter((m) => m.end <= trigger.start);
  const after = mentions.filter((m) => m.start >= trigger.end && !isSource(m));
  const agent = after.find((m) =>
    /\bby\s+(?:the\s+|a\s+|an\s+)?$/iu.test(between(trigger.end, m.start)),
  );
  const isPassive = /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$/iu.test(
    between(sentence.start, trigger.start),
  );
  if (agent !== undefined && isPassive) return { actor: agent, recipient: preferNamed(before) };
  if (isPassive && before.length > 0) return { actor: null, recipient: preferNamed(before) };
  // "militant attacks", "TTP attack", "Pakistani airstrikes": the word before the trigger names who.
  const adjacent = before.find((m) => trigger.start - m.end <= 1);
  const actor = adjacent ?? preferNamed(before);
  const recipient =
    after.find(
      (m) => m !== actor && (actor === null || m.actorId !== actor.actorId || m.actorId === null),
    ) ?? null;
  return { actor, recipient };
}

function confidenceOf(event: Omit<CodedEvent, "confidence">): number {
  let c = 0.35;
  if (event.subtype !== null) c += 0.1;
  if (event.actor?.actorId != null) c += 0.15;
  else if (event.actor !== null) c += 0.05;
  if (event.recipient !== null) c += 0.1;
  if (event.place !== null) c += 0.1;
  if (event.date !== null) c += 0.1;
  if (event.modality.length > 0) c *= 0.7;
  return Math.round(Math.min(0.95, Math.max(0.05, c)) * 100) / 100;
}

/**
 * Whether words belong to a claim: its verb, or what it claims after the verb. An act told
 * before the verb is not claimed ("BLA killed a man, accusing him of spying").
 */
function isInside(start: number, end: number, claims: readonly ClaimWithContext[]): boolean {
  return claims.some(
    (c) =>
      (start >= c.what.start && end <= c.what.end && start >= c.verb.start) ||
      (start < c.verb.end && c.verb.start < end),
  );
}

/** Below this probability the trained model's sub-event type is not trusted over the rules'. */
const MIN_MODEL_PROBABILITY = 0.6;

/**
 * The trained classifier, when there is one, names the kind of violence the
 * rules found: it was learnt from ACLED notes, so it only refines ASSAULT.
 */
function refineWithModel(
  trigger: TriggerMatch,
  sentence: string,
  model: ClassifierModel | null,
): TriggerMatch {
  if (model === null || trigger.category !== "ASSAULT") return trigger;
  const prediction = predict(model, sentence);
  const plover = acledToPlover(prediction.label);
  if (prediction.probability < MIN_MODEL_PROBABILITY || plover === undefined) return trigger;
  return { ...trigger, category: plover.category, mode: plover.mode, subtype: prediction.label };
}

function materialEvent(
  item: SentenceClaims,
  found: TriggerMatch,
  date: CodedDate | null,
  model: ClassifierModel | null,
): CodedEvent {
  const { sentence } = item;
  const trigger = refineWithModel(found, sentence.text, model);
  const { actor, recipient } = assignActors(sentence, item.mentions, trigger);
  const modality = detectModality({
    sentence: sentence.text,
    triggerStart: trigger.start - sentence.start,
    triggerEnd: trigger.end - sentence.start,
    isQuestion: sentence.kind === "question",
    hasDate: date !== null,
  });
  const event = {
    sentenceIndex: sentence.index,
    category: trigger.category,
    mode: trigger.mode,
    subtype: trigger.subtype,
    trigger: { start: trigger.start, end: trigger.end, text: trigger.text },
    actor,
    recipient,
    place: pickPlace(item.places),
    date,
    casualties: extractCasualties(sentence.text),
    modality,
    evidence: { start: sentence.start, end: sentence.end, text: sentence.text },
  };
  return { ...event, confidence: confidenceOf(event) };
}

function claimEvent(
  claim: ClaimWithContext,
  modality: Modality[],
  date: CodedDate | null,
): CodedEvent {
  const { sentence } = claim;
  const event = {
    sentenceIndex: sentence.index,
    category: claim.category,
    mode: null,
    subtype: null,
    trigger: claim.verb,
    actor: claim.by,
    recipient: claim.of,
    place: null,
    date,
    casualties: NO_CASUALTIES,
    modality,
    evidence: { start: sentence.start, end: sentence.end, text: sentence.text },
  };
  return { ...event, confidence: confidenceOf(event) };
}

/** Headings are not reports, except the first line of the text: the headline. */
function isCodeable(sentence: Sentence): boolean {
  return sentence.kind !== "heading" || sentence.index === 0;
}

export function buildEvents(
  items: readonly SentenceClaims[],
  claims: readonly ClaimWithContext[],
  options: { articleDate?: string; classifier?: ClassifierModel | null },
): { events: CodedEvent[]; claimModality: Modality[][] } {
  const events: CodedEvent[] = [];
  const claimModality: Modality[][] = claims.map(() => []);
  // The event a later sentence's toll belongs to: the last act of violence, else the last act.
  let last: CodedEvent | null = null;
  for (const item of items) {
    const { sentence } = item;
    if (!isCodeable(sentence)) continue;
    const own = claims.filter((c) => c.sentence === sentence);
    // A demand list item states what is wanted, not what happened.
    const isDemandItem = sentence.kind === "list-item" && own.some((c) => c.kind === "demand");
    const trigger = isDemandItem
      ? null
      : findTrigger(sentence.text, sentence.start, (s, e) => isInside(s, e, own));
    if (trigger === null && own.length === 0) {
      // ACLED-style notes give the toll in a sentence of its own after the event.
      if (last !== null) {
        const isNear = sentence.index - last.sentenceIndex <= 2;
        last.casualties = addSentenceToll(last.casualties, sentence.text, { isNear });
      }
      continue;
    }
    const date = resolveDate(sentence.text, options.articleDate);
    if (trigger !== null) {
      const event = materialEvent(item, trigger, date, options.classifier ?? null);
      if (last === null || last.category !== "ASSAULT" || event.category === "ASSAULT")
        last = event;
      events.push(event);
    }
    for (const claim of own) {
      const modality = detectModality({
        sentence: sentence.text,
        triggerStart: claim.verb.start - sentence.start,
        triggerEnd: claim.verb.end - sentence.start,
        isQuestion: sentence.kind === "question",
        hasDate: date !== null,
        isVerb: true,
      });
      claimModality[claims.indexOf(claim)] = modality;
      events.push(claimEvent(claim, modality, date));
    }
  }
  events.sort((a, b) => a.trigger.start - b.trigger.start);
  return { events, claimModality };
}
