/**
 * Coded events as source records (dataset "text"), the shape the store keeps
 * for every source. Only reports of something that happened become records:
 * an event must have a date from the text and be neither negated,
 * hypothetical, future nor generic. The native id is the sha256 of the text
 * and the sentence index, so coding the same text again yields the same ids.
 */
import { createHash } from "node:crypto";
import type { NormalizedEvent, SourceRecord } from "../domain/event.ts";
import type { ProfileResolver } from "../domain/profile/index.ts";
import type { ActorMention, CodedEvent, CodeResult } from "./types.ts";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Whether a coded event reports something that happened, on a known date. */
export function isRecordable(event: CodedEvent): boolean {
  return event.date !== null && event.modality.length === 0;
}

function crossBorderOf(
  event: CodedEvent,
  resolver: ProfileResolver,
): NormalizedEvent["crossBorder"] {
  const basedIn = event.actor?.actorId == null ? null : resolver.basedIn(event.actor.actorId);
  const where = event.place?.countryIso3 ?? null;
  if (basedIn !== null && where !== null && basedIn !== where && resolver.isInRegion(basedIn)) {
    return { isCrossBorder: true, direction: `${basedIn}->${where}` };
  }
  return { isCrossBorder: /cross-border/i.test(event.trigger.text), direction: null };
}

function actorsOf(event: CodedEvent): NormalizedEvent["actors"] {
  const list: Array<[ActorMention | null, "actor1" | "actor2"]> = [
    [event.actor, "actor1"],
    [event.recipient, "actor2"],
  ];
  return list.flatMap(([m, role]) =>
    m === null ? [] : [{ name: m.name, role, actorId: m.actorId }],
  );
}

export function toNormalizedEvent(
  event: CodedEvent,
  resolver: ProfileResolver,
): NormalizedEvent | null {
  if (event.date === null) return null;
  const killed = event.casualties.killed;
  return {
    dateStart: event.date.start,
    dateEnd: event.date.end,
    datePrecision: event.date.precision,
    place: event.place?.name ?? null,
    admin1: event.place?.admin1 ?? null,
    admin2: event.place?.admin2 ?? null,
    countryIso3: event.place?.countryIso3 ?? null,
    lat: event.place?.lat ?? null,
    lon: event.place?.lon ?? null,
    geoPrecision: event.place?.precision ?? "unknown",
    category: event.category,
    mode: event.mode,
    subtype: event.subtype,
    sourceCode: event.trigger.text,
    fatalitiesBest: killed?.best ?? null,
    fatalitiesLow: killed?.low ?? null,
    fatalitiesHigh: killed?.high ?? null,
    actors: actorsOf(event),
    crossBorder: crossBorderOf(event, resolver),
    confidence: event.confidence,
    summary: event.evidence.text,
  };
}

/**
 * Source records of the recordable events of a coded text. `line` is the
 * 1-based line of the text the event's sentence starts on; `raw` keeps the
 * sentence and the spans, so the record can be traced to the words.
 */
export function toSourceRecords(
  result: CodeResult,
  options: { resolver: ProfileResolver },
): SourceRecord[] {
  const hash = sha256Hex(result.text);
  const records: SourceRecord[] = [];
  for (const event of result.events) {
    if (!isRecordable(event)) continue;
    const normalized = toNormalizedEvent(event, options.resolver);
    if (normalized === null) continue;
    records.push({
      dataset: "text",
      nativeId: `${hash}:${event.sentenceIndex}:${event.trigger.start}`,
      line: result.text.slice(0, event.evidence.start).split("\n").length,
      raw: {
        text_sha256: hash,
        sentence_index: String(event.sentenceIndex),
        sentence: event.evidence.text,
        evidence_start: String(event.evidence.start),
        evidence_end: String(event.evidence.end),
        trigger: event.trigger.text,
      },
      version: null,
      event: normalized,
    });
  }
  return records;
}
