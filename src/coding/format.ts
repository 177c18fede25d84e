/**
 * A coded text as lines for a terminal: a summary, then one line per event,
 * claim and question, each with the sentence number it was read from.
 */
import type { CodedClaim, CodedEvent, CodedQuestion, CodeResult } from "./types.ts";

const QUOTE_LENGTH = 70;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return `"${flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1)}…` : flat}"`;
}

function who(mention: CodedEvent["actor"]): string {
  if (mention === null) return "?";
  return mention.actorId ?? `"${mention.name}"`;
}

function eventLine(e: CodedEvent): string {
  const type = `${e.category}${e.mode === null ? "" : `/${e.mode}`}${e.subtype === null ? "" : ` (${e.subtype})`}`;
  const parts = [
    `  event    s${e.sentenceIndex}`,
    type,
    quote(e.trigger.text),
    `${who(e.actor)} → ${who(e.recipient)}`,
  ];
  if (e.place !== null)
    parts.push(`at ${e.place.name}${e.place.admin1 === null ? "" : `, ${e.place.admin1}`}`);
  parts.push(
    e.date === null
      ? "undated"
      : `on ${e.date.start}${e.date.end === e.date.start ? "" : `…${e.date.end}`}`,
  );
  if (e.casualties.killed !== null) parts.push(`killed ${e.casualties.killed.best}`);
  if (e.casualties.injured !== null) parts.push(`injured ${e.casualties.injured.best}`);
  if (e.modality.length > 0) parts.push(`[${e.modality.join(", ")}]`);
  parts.push(`conf ${e.confidence.toFixed(2)}`);
  return parts.join("  ");
}

function claimLine(c: CodedClaim): string {
  const inferred = c.inferred.length === 0 ? "" : ` (inferred: ${c.inferred.join(", ")})`;
  const demand = c.demand === null ? "" : `  = ${c.demand.demandId} (${c.demand.score.toFixed(2)})`;
  return `  claim    s${c.sentenceIndex}  ${c.kind}  ${who(c.by)} → ${who(c.of)}${inferred}${demand}  ${quote(c.what.text)}`;
}

function questionLine(q: CodedQuestion): string {
  const match = q.questionId === null ? "unmatched" : `= ${q.questionId} (${q.score.toFixed(2)})`;
  return `  question s${q.sentenceIndex}  ${match}  ${quote(q.text)}`;
}

export function formatCodeResult(
  result: Omit<CodeResult, "text" | "sentences">,
  options: { file: string },
): string {
  if (result.notCoded !== undefined) return `${options.file}: not coded: ${result.notCoded.detail}`;
  const matchedDemands = result.claims.filter((c) => c.demand !== null).length;
  const matchedQuestions = result.questions.filter((q) => q.questionId !== null).length;
  const { demanding, addressed, groups } = result.parties;
  const list = (ids: string[]) => (ids.length === 0 ? "none" : ids.join(", "));
  return [
    `${options.file}: ${result.events.length} events, ${result.claims.length} claims (${matchedDemands} matched to demands), ` +
      `${result.questions.length} questions (${matchedQuestions} matched)`,
    `  demanding: ${list(demanding)} · addressed: ${list(addressed)} · groups: ${list(groups)}`,
    ...result.events.map(eventLine),
    ...result.claims.map(claimLine),
    ...result.questions.map(questionLine),
  ].join("\n");
}
