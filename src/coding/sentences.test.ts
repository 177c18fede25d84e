import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.ts";

describe("splitSentences()", () => {
  it.each([
    ["One. Two! Three?", ["One.", "Two!", "Three?"]],
    [
      "Gen. Bajwa met Mr. Khan in Kabul. They talked.",
      ["Gen. Bajwa met Mr. Khan in Kabul.", "They talked."],
    ],
    ["The U.S. said so. Then it left.", ["The U.S. said so.", "Then it left."]],
    ["He said “stop.” Then he left.", ["He said “stop.”", "Then he left."]],
    ["Killed were 5.2 percent of them.", ["Killed were 5.2 percent of them."]],
    [
      "Line one without a stop\n\nA sentence here.",
      ["Line one without a stop", "A sentence here."],
    ],
  ])("%j", (text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it("gives spans that point at the sentence", () => {
    const text = "  First one.  Second one.\nThird one.";
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    ["What to Watch Next", "heading", null],
    ["Will Afghanistan respond?", "question", null],
    [
      "Border monitoring — Closer surveillance along the frontier.",
      "list-item",
      "Border monitoring",
    ],
    ["- Arrests of militants in Kunar.", "list-item", null],
    ["Pakistan urged Kabul to act.", "sentence", null],
  ])("marks %j as a %s", (text, kind, label) => {
    const [sentence] = splitSentences(text);
    expect(sentence?.kind).toBe(kind);
    expect(sentence?.label).toBe(label);
  });

  it("records the heading of each sentence's section", () => {
    const sentences = splitSentences("Intro line here.\n\nWhat to Watch\n\nWill it rain?");
    expect(sentences.map((s) => s.heading)).toEqual([null, null, "What to Watch"]);
  });
});
