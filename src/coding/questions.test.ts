import { describe, expect, it } from "vitest";
import { extractQuestions } from "./questions.ts";
import { splitSentences } from "./sentences.ts";
import { loadTestContext } from "./test-support.ts";

const { profile } = loadTestContext();

describe("extractQuestions()", () => {
  it("matches reworded questions to the profile's and leaves others unmatched", () => {
    const text = [
      "Some text here.",
      "What to Watch",
      "Will the Afghan government respond with operations against militant groups?",
      "Will the weather improve?",
    ].join("\n\n");
    const questions = extractQuestions(splitSentences(text), profile.watchQuestions);
    expect(questions.map((q) => [q.questionId, q.isWatchSection])).toEqual([
      ["afghan-crackdown", true],
      [null, true],
    ]);
  });

  it("matches one profile question at most once", () => {
    const text =
      "Will Afghanistan act against militant groups?\n\nWill Afghanistan act against militant groups now?";
    const ids = extractQuestions(splitSentences(text), profile.watchQuestions).map(
      (q) => q.questionId,
    );
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
  });
});
