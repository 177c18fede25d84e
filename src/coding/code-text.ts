/**
 * The rule-based coder: plain text in, events, claims and questions out.
 * Pure: the profile, the gazetteer and the article's date come in as
 * arguments; nothing is read from files, the environment or the clock.
 */
import { AppError } from "../domain/errors.ts";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";
import { type ActorMatcher, createActorMatcher } from "./actors.ts";
import { findClaims } from "./claims.ts";
import type { ClassifierModel } from "./classifier/model.ts";
import { createDemandMatcher, type DemandMatcher } from "./demands.ts";
import {
  type ClaimWithContext,
  resolveDocumentClaims,
  type SentenceClaims,
} from "./document-claims.ts";
import { buildEvents } from "./events.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { detectLanguage } from "./language.ts";
import { findPlaces } from "./places.ts";
import { extractQuestions } from "./questions.ts";
import { splitSentences } from "./sentences.ts";
import { tokenize } from "./text-key.ts";
import type {
  ActorMention,
  CodedClaim,
  CodeResult,
  DocumentParties,
  LanguageGuess,
} from "./types.ts";

export interface CoderOptions {
  profile: Profile;
  resolver: ProfileResolver;
  /** Places; without one, no place is coded. */
  gazetteer?: Gazetteer | null;
  /** A trained event-type classifier; without one the rules alone name the kind of violence. */
  classifier?: ClassifierModel | null;
}

export interface CodeTextOptions extends CoderOptions {
  /** The article's date, YYYY-MM-DD: relative dates ("on Monday") resolve against it. */
  articleDate?: string;
}

export interface Coder {
  code(text: string, options?: { articleDate?: string }): CodeResult;
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkArticleDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = ISO_DATE_RE.exec(value);
  const date = new Date(`${value}T00:00:00Z`);
  if (match === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new AppError("INVALID_INPUT", `article date "${value}" is not a date written YYYY-MM-DD`);
  }
  return value;
}

function notCodedResult(text: string, language: LanguageGuess, detail: string): CodeResult {
  return {
    text,
    language,
    sentences: [],
    events: [],
    claims: [],
    questions: [],
    parties: { demanding: [], addressed: [], groups: [] },
    notCoded: { reason: language.script === "none" ? "no-text" : "not-english", detail },
  };
}

function rankIds(ids: ReadonlyArray<string | null>): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

function partiesOf(
  claims: readonly CodedClaim[],
  mentions: readonly ActorMention[],
): DocumentParties {
  const demands = claims.filter((c) => c.kind === "demand");
  return {
    demanding: rankIds(demands.map((c) => c.by?.actorId ?? null)),
    addressed: rankIds(demands.map((c) => c.of?.actorId ?? null)),
    groups: rankIds(mentions.filter((m) => m.type === "armed_group").map((m) => m.actorId)),
  };
}

function toCodedClaim(
  claim: ClaimWithContext,
  demands: DemandMatcher,
  modality: CodedClaim["modality"],
): CodedClaim {
  const byIds = [claim.by?.party, claim.by?.actorId].filter(
    (v): v is string => typeof v === "string",
  );
  const demand =
    claim.kind === "demand"
      ? demands.match(claim.what.text, {
          label: claim.sentence.label,
          by: byIds,
          of: claim.of?.party ?? null,
        })
      : null;
  const named = [claim.by, claim.of].filter((m) => m?.actorId != null).length;
  const confidence = 0.4 + 0.15 * named + (demand === null ? 0 : 0.2) - 0.1 * claim.inferred.length;
  return {
    sentenceIndex: claim.sentence.index,
    kind: claim.kind,
    category: claim.category,
    by: claim.by,
    of: claim.of,
    inferred: claim.inferred,
    what: claim.what,
    demand,
    modality,
    evidence: { start: claim.sentence.start, end: claim.sentence.end, text: claim.sentence.text },
    confidence: Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100,
  };
}

export function createCoder(options: CoderOptions): Coder {
  const actors: ActorMatcher = createActorMatcher(options.profile, options.resolver);
  const demands = createDemandMatcher(options.profile);
  const gazetteer = options.gazetteer ?? null;
  return {
    code(text, codeOptions = {}) {
      const articleDate = checkArticleDate(codeOptions.articleDate);
      const language = detectLanguage(text);
      if (language.code !== "en") {
        const detail =
          language.script === "none"
            ? "the text has no letters"
            : `the text looks like ${language.code === "und" ? "another language" : `"${language.code}"`} (${language.script} script, ${Math.round(language.englishShare * 100)}% English function words); only English is coded`;
        return notCodedResult(text, language, detail);
      }
      const sentences = splitSentences(text);
      const items: SentenceClaims[] = sentences.map((sentence) => {
        const tokens = tokenize(sentence.text, sentence.start);
        const mentions = actors.find(sentence.text, sentence.start, { date: articleDate, tokens });
        const places =
          gazetteer === null
            ? []
            : findPlaces(sentence.text, sentence.start, { gazetteer, actors: mentions, tokens });
        const countryActors = places
          .filter((p) => p.precision === "country")
          .map((p) => actors.find(p.name, p.start, { date: articleDate })[0])
          .filter((m): m is ActorMention => m !== undefined);
        const isCodeable = sentence.kind !== "heading" || sentence.index === 0;
        const drafts = isCodeable ? findClaims(sentence.text, sentence.start, mentions) : [];
        return { sentence, mentions, drafts, countryActors, places };
      });
      const withContext = resolveDocumentClaims(items);
      const { events, claimModality } = buildEvents(items, withContext, {
        articleDate,
        classifier: options.classifier ?? null,
      });
      const claims = withContext.map((c, i) => toCodedClaim(c, demands, claimModality[i] ?? []));
      const questions = extractQuestions(sentences, options.profile.watchQuestions);
      const parties = partiesOf(
        claims,
        items.flatMap((i) => i.mentions),
      );
      return { text, language, sentences, events, claims, questions, parties };
    },
  };
}

/** Codes one text; for many texts, `createCoder` once and call `code` on each. */
export function codeText(text: string, options: CodeTextOptions): CodeResult {
  return createCoder(options).code(text, { articleDate: options.articleDate });
}
