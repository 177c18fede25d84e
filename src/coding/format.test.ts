import { describe, expect, it } from "vitest";
import { codeText } from "./code-text.ts";
import { formatCodeResult } from "./format.ts";
import { loadTestContext } from "./test-support.ts";

const context = loadTestContext();

describe("formatCodeResult()", () => {
  it("prints a summary line and one line per event", () => {
    const result = codeText(
      "On 3 March 2024, TTP militants attacked a police checkpoint in Bannu, killing 4 soldiers.",
      context,
    );
    const lines = formatCodeResult(result, { file: "a.txt" }).split("\n");
    expect(lines[0]).toBe(
      "a.txt: 1 events, 0 claims (0 matched to demands), 0 questions (0 matched)",
    );
    expect(lines[1]).toBe("  demanding: none · addressed: none · groups: ttp");
    expect(lines[2]).toMatch(
      /^ {2}event {4}s0 {2}ASSAULT\/sideAB \(Armed clash\) {2}"attacked" {2}ttp → "police" {2}at Bannu, Khyber Pakhtunkhwa {2}on 2024-03-03 {2}killed 4 {2}conf /,
    );
  });

  it("says why a text was not coded", () => {
    const result = codeText(
      "Le Pakistan a appelé le gouvernement afghan à agir contre les groupes terroristes.",
      context,
    );
    expect(formatCodeResult(result, { file: "fr.txt" })).toMatch(
      /^fr\.txt: not coded: .*only English is coded$/,
    );
  });
});
