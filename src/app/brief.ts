/**
 * The situation brief: gathered from the application functions the other commands use, rendered
 * by the pure src/brief, printed to PDF through Chromium. Shared by `frontier brief` and the API.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isIsoDate } from "../analysis/index.ts";
import { type BriefInput, buildBrief, renderHtml, renderMarkdown } from "../brief/index.ts";
import { AppError } from "../domain/errors.ts";
import type { Profile } from "../domain/profile/index.ts";
import type { Db } from "../store/db.ts";
import { eventDateRange } from "../store/queries/index.ts";
import { PUBLIC } from "../verify/roles.ts";
import { computeDemands } from "./demands.ts";
import { MAX_DAYS, runEscalation } from "./escalation.ts";
import { listQuestionViews } from "./questions.ts";
import { CROSS_BORDER_GROUP, computeTrends } from "./trends.ts";
import { mechanismFigures } from "./verify.ts";

export const BRIEF_FORMATS = ["md", "html", "pdf"] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** Debian's Chromium; FRONTIER_CHROMIUM names another. */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Headless, offline and stateless: nothing is fetched, nothing is kept between runs. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BriefOptions {
  /** YYYY-MM-DD; default: the twelve whole months ending with `to`. */
  from?: string;
  /** YYYY-MM-DD; default: the last day with stored events (else today). */
  to?: string;
  today: string;
}

function checkDay(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) {
    throw new AppError("INVALID_INPUT", `${name} "${value}" is not a date written YYYY-MM-DD`);
  }
  return value;
}

function monthsBack(day: string, months: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function quartersBetween(from: string, to: string): number {
  const q = (d: string) => Number(d.slice(0, 4)) * 4 + Math.floor((Number(d.slice(5, 7)) - 1) / 3);
  return q(to) - q(from) + 1;
}

/**
 * Everything a brief shows, from the same functions as `frontier trends|demands|escalation` and
 * `GET /api/verify/figures` (as the public sees them).
 */
export async function collectBrief(
  db: Db,
  profile: Profile,
  options: BriefOptions,
): Promise<BriefInput> {
  const dataRange = await eventDateRange(db);
  const to = checkDay(options.to, "to") ?? dataRange?.last ?? options.today;
  const from = checkDay(options.from, "from") ?? monthsBack(to, 11);
  if (from > to) throw new AppError("INVALID_INPUT", `from ${from} is after to ${to}`);
  const days = daysBetween(from, to) + 1;
  if (days > MAX_DAYS) {
    throw new AppError(
      "INVALID_INPUT",
      `a brief covers at most ${MAX_DAYS} days; ${from} … ${to} is ${days}`,
    );
  }
  const range = { unit: "month" as const, from, to };
  const trends = await computeTrends(db, profile, { ...range, group: "none", explain: true });
  const categories = await computeTrends(db, profile, { ...range, group: "category" });
  const crossBorder = await computeTrends(db, profile, {
    ...range,
    group: CROSS_BORDER_GROUP,
    explain: true,
    latest: 10,
  });
  const demands = await computeDemands(db, profile, {
    unit: "quarter",
    asOf: to,
    periods: Math.min(24, Math.max(1, quartersBetween(from, to))),
  });
  const escalation = await runEscalation(db, profile, {
    asOf: to,
    days,
    webhook: null,
    explain: true,
  });
  const { questions } = await listQuestionViews(db);
  // A brief is public: the mechanism's figures over published findings, never the others.
  // The mechanism is live, unlike imported event data that lags: as of the day the brief is
  // made, unless the brief was asked to end on a given day.
  const asOf = options.to === undefined || to > options.today ? options.today : to;
  const { withheld, publishedAfter, ...figures } = await mechanismFigures(db, PUBLIC, {
    asOf,
    parties: profile.parties.map((p) => p.iso3),
  });
  const mechanism = { figures, withheld, publishedAfter };
  return {
    profile: {
      id: profile.id,
      name: profile.name,
      description: profile.description ?? null,
      parties: profile.parties.map(({ iso3, name }) => ({ iso3, name })),
      demands: profile.demands.map(({ id, title, by, of, description }) => ({
        id,
        title,
        by,
        of,
        description,
      })),
      ladder: profile.escalationLadder.map(({ rung, id, name }) => ({ rung, id, name })),
      thresholds: profile.thresholds.escalationIndex,
    },
    from,
    to,
    generatedOn: options.today,
    dataRange,
    trends,
    categories,
    crossBorder,
    demands,
    escalation,
    questions,
    mechanism,
  };
}

/** Prints HTML to PDF with Chromium (playwright-core), in a fresh profile that is removed after. */
export async function printPdf(html: string, options: { chromium: string }): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const profileDir = await mkdtemp(join(tmpdir(), "frontier-pdf-"));
  try {
    const context = await chromium
      .launchPersistentContext(profileDir, {
        executablePath: options.chromium,
        headless: true,
        args: CHROMIUM_ARGS,
        offline: true,
      })
      .catch((error: unknown) => {
        throw new AppError(
          "INTERNAL",
          `cannot start Chromium at ${options.chromium} for the PDF (apt-get install chromium, or set FRONTIER_CHROMIUM): ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
          { cause: error },
        );
      });
    try {
      const page = await context.newPage();
      // The brief is self-contained; a request for anything would be a bug, so none leaves.
      await page.route("**/*", (route) => route.abort());
      await page.setContent(html, { waitUntil: "load" });
      return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
}

export interface RenderedBrief {
  contentType: string;
  extension: BriefFormat;
  body: string | Buffer;
}

export async function renderBrief(
  input: BriefInput,
  format: BriefFormat,
  options: { chromium: string },
): Promise<RenderedBrief> {
  const brief = buildBrief(input);
  if (format === "md") {
    return {
      contentType: "text/markdown; charset=utf-8",
      extension: "md",
      body: renderMarkdown(brief),
    };
  }
  const html = renderHtml(brief);
  if (format === "html")
    return { contentType: "text/html; charset=utf-8", extension: "html", body: html };
  return { contentType: "application/pdf", extension: "pdf", body: await printPdf(html, options) };
}
