/**
 * What an ACLED note says about the figure ACLED coded, as opposed to what
 * the sources reported: "Fatalities split across 3 events (6).", "Unknown
 * fatalities coded as 10.", "Fatalities coded as half, rounded down, due to
 * unclear nature of the casualties.", "Total 8 fatalities (6 confirmed and 2
 * split fatalities) coded to this event.", "1 fatality." A reader takes these
 * over the narrative's counts, in the order the note gives them: a later
 * statement corrects an earlier one ("Total fatalities coded is 71.
 * Fatalities split across 30 events (3).").
 */
import { parseCount } from "./numbers.ts";
import type { Count } from "./types.ts";

export type TollStatement =
  /** The figure itself. */
  | { kind: "figure"; value: number; text: string }
  /** The toll told so far is divided among `parts` events or places (rounded). */
  | { kind: "split"; parts: number; text: string }
  /** ACLED's convention for an undivided "killed and wounded" figure: half, rounded down. */
  | { kind: "half"; text: string }
  /** More deaths added to the figure ("8 Taliban fatalities added to this event"). */
  | { kind: "added"; value: number; text: string };

/** A count word or digits, not "a"/"an" ("coded as a pro-government militia" is no figure). */
const FIGURE =
  "\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|no";
const PARTS = `(${FIGURE})\\s+(?:separate\\s+|different\\s+)?(?:events?|locations?|districts?|provinces?|incidents?)\\b`;
const SPREAD =
  "(?:split|divided|coded|distributed)\\s+(?:(?:across|over|between|among|occross)\\s+)";

/**
 * Statement patterns, each with the kind it makes of its first capture. Earlier patterns
 * win where two overlap.
 */
const PATTERNS: ReadonlyArray<{ re: RegExp; kind: TollStatement["kind"] }> = [
  // "Total 8 fatalities (6 confirmed …)", "Total 6 (4 confirmed and 2 split fatalities
  // coded to this event)": the breakdown in the parenthesis is no statement of its own.
  { re: /\btotal\s+(?:of\s+)?(\d+)(?:\s+fatalities)?\s*\([^()]*\)/giu, kind: "figure" },
  // "split across 3 events (6)", "split over 2 locations (12)", "coded as half (8)"
  {
    re: new RegExp(
      `\\b(?:${SPREAD}(?:${FIGURE}|\\w+)\\s+\\w+|coded\\s+as\\s+half)[^.()]{0,60}?\\((\\d+)\\)`,
      "giu",
    ),
    kind: "figure",
  },
  // "Unknown fatalities coded as 10", "(coded as 3)", "Total fatalities coded is 71"
  {
    re: new RegExp(
      `(?:\\b(?:fatalities|casualties)\\s+(?:are\\s+|were\\s+)?coded\\s+(?:as|is|at)|\\(coded\\s+as|\\bcoded\\s+here\\s+as)\\s+(${FIGURE})\\b(?!\\s+(?:events?|locations?))`,
      "giu",
    ),
    kind: "figure",
  },
  // "6 fatalities are coded for this event", "Total 7 fatalities coded for this event",
  // "with 8 fatalities coded", "32 total fatalities split across 2 events" — not "55
  // fatalities have been coded to specific events", which counts other events. The verb is
  // left to the "split" pattern ("12 fatalities coded across 3 events": 12, then split).
  {
    re: new RegExp(
      `(?<![\\w,])(${FIGURE})\\s+(?:total\\s+|split\\s+|confirmed\\s+)?fatalit(?:y|ies)(?=(?:\\s+and\\s+\\d+\\s+injur\\w*)?\\s+(?:are\\s+|were\\s+|is\\s+|have\\s+been\\s+|has\\s+been\\s+|then\\s+)?(?:coded|split)\\b(?!\\s+(?:to|for|in)\\s+(?:specific|other|each|different|separate|several|a\\s+previous|previous|an\\s+earlier|another)\\b)|\\s+(?:for|to)\\s+this\\s+(?:event|location))`,
      "giu",
    ),
    kind: "figure",
  },
  // "36 fatalities coded in a previous event; remaining 76 coded here."
  {
    re: new RegExp(`\\b(${FIGURE})\\s+(?:fatalities\\s+)?(?:are\\s+)?coded\\s+here\\b`, "giu"),
    kind: "figure",
  },
  // "Fatalities (6) split between 2 events"
  { re: /\bfatalities\s*\((\d+)\)/giu, kind: "figure" },
  // "1 fatality.", "Total 6 fatalities.", "3 injured and no fatalities." — ACLED's closing line
  {
    re: new RegExp(
      `^(?:total\\s+(?:of\\s+)?)?(?:(?:\\d+|no)\\s+injur\\w*\\s+and\\s+)?(${FIGURE})\\s+(?:total\\s+)?fatalit(?:y|ies)\\b(?![^.]*\\bcoded\\b)`,
      "giu",
    ),
    kind: "figure",
  },
  // "… were killed in the encounter, coded as 3.", "Faralities coded as 3." (sic)
  { re: new RegExp(`\\bcoded\\s+(?:as|at)\\s+(${FIGURE})\\s*\\.?$`, "giu"), kind: "figure" },
  // "Fatalities split across 2 events.", "(coded across 3 events)", "split over 3 locations"
  // — but not the figure's own split ("Fatalities (6) split between 2 events": 6 here).
  { re: new RegExp(`(?<!\\(\\d+\\)\\s*)\\b${SPREAD}${PARTS}(?!\\s*\\(\\d)`, "giu"), kind: "split" },
  // "Fatalities coded as half, rounded down", "coded as half of 7"
  {
    re: /\b(?:fatalities|casualties)\s+(?:are\s+|were\s+)?coded\s+as\s+half\b(?![^.()]{0,60}\(\d)/giu,
    kind: "half",
  },
  {
    re: /\b(\d+)\s+(?:[\p{L}-]+\s+)?fatalit(?:y|ies)\s+(?:were\s+|are\s+)?added\s+to\s+this\s+event/giu,
    kind: "added",
  },
];

function numberOf(word: string): number | null {
  return parseCount(word)?.best ?? null;
}

/** The statements of one sentence, in text order. */
export function readTollStatements(sentence: string): TollStatement[] {
  if (!/fatalit|coded|split/i.test(sentence)) return [];
  const found: Array<{ at: number; end: number; statement: TollStatement }> = [];
  for (const { re, kind } of PATTERNS) {
    for (const match of sentence.matchAll(re)) {
      const at = match.index ?? 0;
      const end = at + match[0].length;
      if (found.some((f) => f.at < end && at < f.end)) continue;
      const text = match[0];
      const value = kind === "half" ? 0 : numberOf(match[1] ?? "");
      if (value === null) continue;
      const statement: TollStatement =
        kind === "figure"
          ? { kind, value, text }
          : kind === "split"
            ? { kind, parts: value, text }
            : kind === "added"
              ? { kind, value, text }
              : { kind: "half", text };
      if (statement.kind === "split" && statement.parts < 2) continue;
      found.push({ at, end, statement });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.statement);
}

/** A toll after a statement: the figure, or the count divided, halved or added to. */
export function applyTollStatement(count: Count | null, statement: TollStatement): Count | null {
  const coded = (best: number): Count => ({
    best,
    low: null,
    high: null,
    text: statement.text,
    basis: "coded",
  });
  switch (statement.kind) {
    case "figure":
      return coded(statement.value);
    case "split":
      return count === null ? null : coded(Math.round(count.best / statement.parts));
    case "half": {
      if (count === null) return null;
      // An undivided "killed and wounded" count is already halved (low 0, high the whole).
      const whole = count.low === 0 && count.high !== null ? count.high : count.best;
      return coded(Math.floor(whole / 2));
    }
    case "added":
      return coded((count?.best ?? 0) + statement.value);
  }
}
