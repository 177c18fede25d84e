import { describe, expect, it } from "vitest";
import { computeFigures, type ReportFact, type RequestFact } from "../verify/figures.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { type MechanismInput, mechanismSection } from "./mechanism.ts";
import type { Block, Brief, Section } from "./types.ts";

const PARTIES = [
  { iso3: "PAK", name: "Pakistan" },
  { iso3: "AFG", name: "Afghanistan" },
];
const PERIOD = { from: "2026-01-01", to: "2026-04-30" };

const published = (filerParty: string | null, created: string, concluded: string): ReportFact => ({
  filerParty,
  createdAt: `${created}T00:00:00.000Z`,
  status: "published",
  concludedAt: `${concluded}T00:00:00.000Z`,
});

// Days to finding: PAK 10, 4 and 2 (the last filed before the period), the monitor 30.
const REPORTS = [
  published("PAK", "2026-01-10", "2026-01-20"),
  published("PAK", "2026-03-05", "2026-03-09"),
  published(null, "2026-03-01", "2026-03-31"),
  published("PAK", "2025-11-01", "2025-11-03"),
];
const REQUESTS: RequestFact[] = [
  { party: "AFG", dueOn: "2026-03-20", askedAt: "2026-03-10T09:00:00.000Z", respondedAt: null }, // overdue on 2026-04-30
  {
    party: "AFG",
    dueOn: "2026-01-15",
    askedAt: "2026-01-11T09:00:00.000Z",
    respondedAt: "2026-01-18T09:00:00.000Z",
  }, // late
  {
    party: "PAK",
    dueOn: "2026-03-08",
    askedAt: "2026-03-06T09:00:00.000Z",
    respondedAt: "2026-03-07T09:00:00.000Z",
  }, // in time
];

function input(
  reports: readonly ReportFact[],
  requests: readonly RequestFact[],
  publishedAfter = 0,
  withheld = 0,
): MechanismInput {
  const figures = computeFigures(reports, requests, {
    asOf: PERIOD.to,
    parties: PARTIES.map((p) => p.iso3),
  });
  return {
    ...PERIOD,
    profile: { parties: PARTIES },
    mechanism: { figures, publishedAfter, withheld },
  };
}

function tables(section: Section) {
  return section.blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table");
}

function texts(section: Section): string[] {
  return section.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));
}

function briefOf(section: Section): Brief {
  return {
    title: "t",
    subtitle: "s",
    generatedOn: "2026-05-01",
    ...PERIOD,
    sections: [section],
    publishers: [],
    cited: [],
  };
}

describe("mechanismSection()", () => {
  it("tabulates published reports per party: filed, investigated, median days, requests", () => {
    const section = mechanismSection(input(REPORTS, REQUESTS));
    expect(section.title).toBe("Monitoring and verification mechanism");
    const [byParty] = tables(section);
    expect(byParty?.head).toEqual([
      "Party",
      "Filed",
      "Investigated",
      "Concluded",
      "Median days to finding",
      "Requests",
      "Overdue",
      "Answered late",
    ]);
    expect(byParty?.rows).toEqual([
      ["Pakistan (PAK)", "3", "3 (100%)", "3", "4", "1", "0", "0"],
      ["Afghanistan (AFG)", "0", "0 (—)", "0", "—", "2", "1", "1"],
      ["Mediators (as monitor)", "1", "1 (100%)", "1", "30", "0", "0", "0"],
      // Median of 2, 4, 10 and 30 days: (4 + 10) / 2.
      ["All", "4", "4 (100%)", "4", "7", "3", "1", "1"],
    ]);
  });

  it("counts filings per month of the period only, with the months without one", () => {
    const [, monthly] = tables(mechanismSection(input(REPORTS, REQUESTS)));
    expect(monthly?.head).toEqual([
      "Month",
      "Pakistan (PAK)",
      "Afghanistan (AFG)",
      "Mediators (as monitor)",
      "All",
    ]);
    // The November 2025 report is before the period: in the party table, not here.
    expect(monthly?.rows).toEqual([
      ["2026-01", "1", "0", "0", "1"],
      ["2026-02", "0", "0", "0", "0"],
      ["2026-03", "1", "0", "1", "2"],
      ["2026-04", "0", "0", "0", "0"],
    ]);
  });

  it("says in words how many findings, how fast, and who left requests unanswered", () => {
    const [summary] = texts(mechanismSection(input(REPORTS, REQUESTS)));
    expect(summary).toContain(
      "By 2026-04-30 the mechanism had published 4 findings, a median of 7 days from filing to finding.",
    );
    expect(summary).toContain("Afghanistan (AFG) left 1 request unanswered");
    expect(summary).not.toContain("Pakistan (PAK) left");
  });

  it("says that no finding is published, with no table, when there is none", () => {
    const section = mechanismSection(input([], []));
    expect(tables(section)).toEqual([]);
    expect(texts(section)).toHaveLength(1);
    expect(texts(section)[0]).toMatch(/^No findings have been published yet\./);
  });

  it("says when findings were published only after the brief's last day", () => {
    const section = mechanismSection(input([], [], 2));
    expect(tables(section)).toEqual([]);
    expect(texts(section)).toEqual([
      expect.stringMatching(/^No findings had been published by 2026-04-30\./),
      "2 findings published after 2026-04-30 are not counted here; a brief ending later includes them.",
    ]);
  });

  it("counts RED findings alone, in no party's row", () => {
    const section = mechanismSection(input(REPORTS, REQUESTS, 0, 2));
    expect(texts(section)).toContain(
      "2 published findings marked TLP:RED are counted here alone: their summaries name no party and no filing day, so they are in no party's or month's figures.",
    );
    const only = mechanismSection(input([], [], 0, 1));
    expect(texts(only)).toEqual([
      "1 published finding marked TLP:RED is counted here alone: its summary names no party and no filing day, so it is in no party's or month's figures.",
    ]);
    expect(tables(only)).toEqual([]);
  });

  it("is drawn by both renderers", () => {
    const brief = briefOf(mechanismSection(input(REPORTS, REQUESTS)));
    const md = renderMarkdown(brief);
    expect(md).toContain("## Monitoring and verification mechanism");
    expect(md).toContain("| Afghanistan (AFG) | 0 | 0 (—) | 0 | — | 2 | 1 | 1 |");
    expect(md).toContain("| 2026-03 | 1 | 0 | 1 | 2 |");
    const html = renderHtml(brief);
    expect(html).toContain("Monitoring and verification mechanism</h2>");
    expect(html).toMatch(/<td[^>]*>Afghanistan \(AFG\)<\/td>/);
  });
});
