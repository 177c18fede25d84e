/**
 * Briefs from the hand-built analysis fixtures (test/fixtures/analysis/events.ts): the seed
 * article's sections in its order, every figure with its period and the events behind it,
 * inline SVG charts, the data publishers; `frontier brief` and `GET /api/brief` on top.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatEventRef } from "../../src/analysis/index.ts";
import { buildApp } from "../../src/api/app.ts";
import { collectBrief } from "../../src/app/brief.ts";
import {
  type BriefInput,
  buildBrief,
  renderChart,
  renderHtml,
  renderMarkdown,
} from "../../src/brief/index.ts";
import { registerBrief } from "../../src/cli/commands/brief.ts";
import { buildProgram } from "../../src/cli/main.ts";
import type { Profile } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { countEvents } from "../../src/store/event-list.ts";
import { saveForecasts } from "../../src/store/forecast-queries.ts";
import { captureIo, loadFixtures } from "../analysis/support.ts";
import { ALL_FIXTURES } from "../fixtures/analysis/events.ts";
import { type CliStore, createCliStore } from "../helpers/cli-store.ts";
import { openTestDb } from "../helpers/store.ts";

const PERIOD = { from: "2026-01-01", to: "2026-06-30", today: "2026-07-01" };

describe("buildBrief() on the analysis fixtures", () => {
  let db: Db;
  let profile: Profile;
  let input: BriefInput;
  let md: string;
  beforeAll(async () => {
    db = await openTestDb();
    profile = await loadFixtures(db, ALL_FIXTURES);
    input = await collectBrief(db, profile, PERIOD);
    md = renderMarkdown(buildBrief(input));
  });
  afterAll(async () => {
    await db?.close();
  });

  it("follows the seed article: trend, demands, why it matters, challenges, mechanism, examples, watch", () => {
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual([
      "## Rising tensions: the situation and the trend",
      "## What is demanded, and where each demand stands",
      "## Why this matters: the figures",
      "## Challenges: breaches and gaps in the evidence",
      "## Monitoring and verification mechanism",
      "## Recent examples",
      "## What to watch next",
      "## Sources",
    ]);
  });

  it("states the period's events with the period and the request that lists them", async () => {
    const events = await countEvents(db, { from: PERIOD.from, to: PERIOD.to });
    expect(events).toBe(ALL_FIXTURES.length);
    expect(md).toContain(`- **Events: ${events}** (2026-01-01 … 2026-06-30)`);
    expect(md).toContain(`Behind it: ${events} events: #`);
    expect(md).toContain("`GET /api/trends?unit=month&from=2026-01-01&to=2026-06-30&explain=true`");
  });

  it("cites the events behind a demand's score by id and source", () => {
    const q1 = input.demands.periods.find((p) => p.period === "2026-Q1");
    const breaches = q1?.demands.find((d) => d.demandId === "effective-action")?.breach ?? [];
    expect(breaches.length).toBeGreaterThan(0);
    const row = md.split("\n").find((l) => l.startsWith("| Effective action |"));
    expect(row).toContain(`−${breaches.length}`);
    // The latest quarter's progress (April's arrests) is cited event by event, with sources.
    const q2 = input.demands.periods.find((p) => p.period === "2026-Q2");
    const progress = q2?.demands.find((d) => d.demandId === "effective-action")?.progress ?? [];
    expect(progress.length).toBe(3);
    for (const e of progress) expect(md).toContain(formatEventRef(e));
    expect(progress.every((e) => /\[text:[^\]]+\]$/.test(formatEventRef(e)))).toBe(true);
  });

  it("names the gaps in evidence and the publishers of the data", () => {
    expect(md).toContain("No events at all in 2026-01, 2026-05");
    for (const name of ["Uppsala Conflict Data Program", "ACLED", "GDELT"])
      expect(md).toContain(name);
  });

  it("gives a watch question its forecast probability once there is one", async () => {
    expect(md).toContain("no forecast yet");
    await saveForecasts(db, [
      {
        questionId: "afghan-crackdown",
        target: "question:afghan-crackdown",
        model: "test-model",
        horizonDays: 90,
        probability: 0.37,
        point: null,
        quantiles: null,
        details: { dataEnd: "2026-06-30" },
      },
    ]);
    const again = renderMarkdown(buildBrief(await collectBrief(db, profile, PERIOD)));
    expect(again).toMatch(/— 37% \(test-model, data to 2026-06-30\)/);
  });

  it("renders self-contained HTML with SVG charts that have text alternatives", () => {
    const html = renderHtml(buildBrief(input));
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<desc id="[^"]+">Bar chart of events per month/);
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it("renderChart() draws one bar per point, scaled to a round maximum", () => {
    const svg = renderChart({
      kind: "bars",
      title: "T",
      alt: "A",
      unit: "events",
      points: [
        { label: "a", value: 5 },
        { label: "b", value: 20 },
      ],
    });
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    // 20 is the axis maximum, so the second bar fills the plot (168 px) and the first a quarter.
    expect(heights[1]).toBeCloseTo(168, 0);
    expect(heights[0]).toBeCloseTo(42, 0);
  });

  it("GET /api/brief answers Markdown and HTML, and a 400 naming a bad date", async () => {
    const app = await buildApp({ db, profile, today: () => PERIOD.today });
    const md = await app.inject({ url: "/api/brief?format=md&from=2026-01-01&to=2026-06-30" });
    expect(md.statusCode).toBe(200);
    expect(md.headers["content-type"]).toContain("text/markdown");
    expect(md.body).toContain("# Pakistan–Afghanistan security crisis: situation report");
    const html = await app.inject({ url: "/api/brief?from=2026-01-01&to=2026-06-30" });
    expect(html.headers["content-type"]).toContain("text/html");
    expect(html.headers["content-security-policy"]).toContain("default-src 'none'");
    const bad = await app.inject({ url: "/api/brief?to=2026-13-01" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("to"),
    });
    await app.close();
  });
});

describe("frontier brief", () => {
  let store: CliStore;
  const savedUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    store = await createCliStore();
    const db = await store.open();
    await loadFixtures(db, ALL_FIXTURES);
    await db.close();
  });
  afterAll(async () => {
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    await store.cleanup();
  });

  async function brief(args: string[]) {
    const io = captureIo();
    Object.assign(process.env, store.env);
    const program = buildProgram(io);
    if (!program.commands.some((c) => c.name() === "brief")) registerBrief(program, io);
    for (const c of program.commands) c.exitOverride();
    await program.parseAsync(["--data-dir", store.dataDir, "brief", ...args], { from: "user" });
    return io;
  }

  it("writes the HTML brief of the period to -o FILE", async () => {
    const file = join(store.dataDir, "brief.html");
    const io = await brief([
      "--from",
      "2026-03-01",
      "--to",
      "2026-06-30",
      "--format",
      "html",
      "-o",
      file,
    ]);
    expect(io.stderr.join("")).toContain(`html brief of 2026-03-01 … 2026-06-30 to ${file}`);
    const html = await readFile(file, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("2026-03-01 … 2026-06-30");
  });

  it("refuses a period that ends before it starts", async () => {
    await expect(brief(["--from", "2026-06-01", "--to", "2026-05-01"])).rejects.toThrow(
      "from 2026-06-01 is after to 2026-05-01",
    );
  });
});
