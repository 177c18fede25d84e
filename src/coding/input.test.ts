import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.ts";
import { extractMainText } from "./html.ts";
import { firstInvalidUtf8, prepareText } from "./input.ts";
import { detectLanguage } from "./language.ts";
import { FIXTURES } from "./test-support.ts";

function errorOf(fn: () => unknown): AppError | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error : null;
  }
}

describe("prepareText()", () => {
  it.each([
    ["empty text", "", /the text is empty/],
    ["blank text", " \n\t\n ", /the text is empty/],
    [
      "NUL bytes",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      /binary data.*NUL byte at offset 4/,
    ],
    [
      "invalid UTF-8",
      new Uint8Array([0x41, 0x42, 0xe9, 0x43]),
      /not valid UTF-8 \(bad byte 0xe9 at offset 2\)/,
    ],
    ["replacement characters", "Caf\uFFFD in Kabul", /U\+FFFD replacement characters at offset 3/],
    [
      "an HTML page with no text",
      "<html><body><script>x()</script></body></html>",
      /the HTML page has no text/,
    ],
  ])("refuses %s with a clear message", (_what, input, message) => {
    const error = errorOf(() => prepareText(input, { source: "in.txt" }));
    expect(error?.code).toBe("INVALID_INPUT");
    expect(error?.message).toMatch(/^Cannot code "in\.txt": /);
    expect(error?.message).toMatch(message);
  });

  it("refuses text over the size limit and names the limit", () => {
    const error = errorOf(() =>
      prepareText("x".repeat(2 * 1024 * 1024 + 1), { maxBytes: 2 * 1024 * 1024 }),
    );
    expect(error?.code).toBe("INVALID_INPUT");
    expect(error?.message).toMatch(/more than the limit of 2 MB \(2097152 bytes\)/);
  });

  it("decodes UTF-8 bytes and drops a BOM", () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode("Khuzdār attack."),
    ]);
    expect(prepareText(bytes)).toEqual({ text: "Khuzdār attack.", format: "text" });
  });

  it("reads HTML as its main text, without scripts, styles or navigation", () => {
    const html = readFileSync(`${FIXTURES}article-with-scripts.html`, "utf8");
    const { text, format } = prepareText(html);
    expect(format).toBe("html");
    expect(text.split("\n\n")[0]).toBe("Militants attack checkpost in Bannu");
    expect(text).toContain("Two policemen were martyred");
    expect(text).toContain("“nearly an hour”");
    for (const hidden of [
      "dataLayer",
      "killed 99",
      "killed 50",
      "kills 12",
      "font-family",
      "Sport",
      "©",
    ]) {
      expect(text).not.toContain(hidden);
    }
  });
});

describe("firstInvalidUtf8()", () => {
  it.each([
    [[0x41, 0xc3, 0xa9], 3],
    [[0xc3], 0],
    [[0x41, 0xf0, 0x9f, 0x98], 1],
    [[0xff], 0],
  ])("%j → %i", (bytes, offset) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(offset);
  });
});

describe("extractMainText()", () => {
  it("keeps paragraphs apart and decodes entities", () => {
    expect(extractMainText("<p>One &amp; two.</p><p>Three&#8217;s &#x2014; four.</p>")).toBe(
      "One & two.\n\nThree’s — four.",
    );
  });
});

describe("detectLanguage()", () => {
  it.each([
    ["urdu.txt", "ur", "arabic"],
    ["french.txt", "fr", "latin"],
  ])("reads %s as %s", (file, code, script) => {
    const guess = detectLanguage(readFileSync(`${FIXTURES}${file}`, "utf8"));
    expect(guess.code).toBe(code);
    expect(guess.script).toBe(script);
  });

  it.each([
    ["Pakistan urged Kabul to act against the TTP."],
    ["Suicide bomber kills 15 in Peshawar"],
    [
      "Two policemen were martyred and three others injured when militants attacked a checkpost in Bannu on Monday.",
    ],
    // telegraphic: 8–11% English function words, none of another language
    [
      "Reported on 28 July 2019, NDS forces attacked Taliban positions, killing 13 Taliban militants, including 4 commanders, in Yosuf Khel district, paktika.",
    ],
    [
      "On 21 August 2019, Taliban militants killed 4 Afghan soldiers when they attacked Arghandab district, Zabul.",
    ],
  ])("reads %j as English", (text) => {
    expect(detectLanguage(text).code).toBe("en");
  });
});
