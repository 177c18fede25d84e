/**
 * Questions the text asks, as candidate watch questions, each matched to the
 * profile's watch question whose words it shares most (Dice coefficient of
 * topic-word stems). One profile question is matched at most once.
 */
import type { WatchQuestion } from "../domain/profile/index.ts";
import { contentStems } from "./text-key.ts";
import type { CodedQuestion, Sentence } from "./types.ts";

const WATCH_HEADING = /\b(?:watch|what next|outlook|questions|ahead|to look for)\b/i;
const MIN_SCORE = 0.5;

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Stems of each profile's questions, computed once per profile. */
const STEMS = new WeakMap<readonly WatchQuestion[], Array<{ id: string; words: Set<string> }>>();

function questionStems(watchQuestions: readonly WatchQuestion[]) {
  let stems = STEMS.get(watchQuestions);
  if (stems === undefined) {
    stems = watchQuestions.map((q) => ({ id: q.id, words: contentStems(q.text) }));
    STEMS.set(watchQuestions, stems);
  }
  return stems;
}

export function extractQuestions(
  sentences: readonly Sentence[],
  watchQuestions: readonly WatchQuestion[],
): CodedQuestion[] {
  const profileWords = questionStems(watchQuestions);
  const candidates = sentences
    .filter((s) => s.kind === "question")
    .map((s) => ({ sentence: s, words: contentStems(s.text) }));
  // Greedy one-to-one assignment, best pairs first.
  const pairs = candidates
    .flatMap((c, ci) => profileWords.map((p) => ({ ci, id: p.id, score: dice(c.words, p.words) })))
    .filter((p) => p.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score);
  const byCandidate = new Map<number, { id: string; score: number }>();
  const usedIds = new Set<string>();
  for (const pair of pairs) {
    if (byCandidate.has(pair.ci) || usedIds.has(pair.id)) continue;
    byCandidate.set(pair.ci, { id: pair.id, score: pair.score });
    usedIds.add(pair.id);
  }
  return candidates.map((c, ci) => {
    const matched = byCandidate.get(ci);
    return {
      sentenceIndex: c.sentence.index,
      text: c.sentence.text,
      span: { start: c.sentence.start, end: c.sentence.end },
      isWatchSection: c.sentence.heading !== null && WATCH_HEADING.test(c.sentence.heading),
      questionId: matched?.id ?? null,
      score: Math.round((matched?.score ?? 0) * 100) / 100,
    };
  });
}
