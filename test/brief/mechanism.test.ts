/**
 * The mechanism figures in a brief are the public's: reports filed, worked and published
 * through src/app/verify.ts, one published and two kept within the mechanism (AMBER), and the
 * brief (`collectBrief`, `GET /api/brief`) counts the published one and its requests only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { collectBrief } from "../../src/app/brief.ts";
import {
  applyAction,
  createAccount,
  fileReport,
  respondToRequest,
  type VerifyContext,
  verifyContext,
} from "../../src/app/verify.ts";
import { buildBrief, renderMarkdown } from "../../src/brief/index.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import type { Profile } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { type ImportItem, importFile } from "../../src/store/importer.ts";
import { listReports, listRequests } from "../../src/store/verify-queries.ts";
import { type Member, newReportSchema, type Role } from "../../src/verify/index.ts";
import { makeRecord } from "../helpers/events.ts";
import { openTestDb } from "../helpers/store.ts";

const PERIOD = { from: "2026-01-01", to: "2026-03-31", today: "2026-04-01" };

let db: Db;
let profile: Profile;
let ctx: VerifyContext;
/** The mechanism's clock, moved by the test. */
let clock = new Date("2026-02-02T10:00:00.000Z");
const at = (iso: string) => {
  clock = new Date(iso);
};

async function member(name: string, role: Role, party: string | null): Promise<Member> {
  const account = await createAccount(
    ctx,
    { name, role, party, password: "correct horse battery staple" },
    "test",
  );
  return { kind: "member", accountId: account.id, name, role, party };
}

function report(marking: "AMBER" | "CLEAR", title: string) {
  return newReportSchema.parse({
    title,
    description: "Mortar rounds landed near the customs post.",
    occurredOn: clock.toISOString().slice(0, 10),
    place: { name: "Torkham", lat: 34.1, lon: 71.1 },
    commitment: "ceasefire",
    marking,
  });
}

const finding = {
  facts: "Three rounds landed near the customs post.",
  attribution: "Fired from across the border.",
  breachedCommitment: "ceasefire",
  measure: "Joint inspection of the crossing.",
};

/** The id of the request on `reportId` due on `dueOn` (asked at one instant, so not by order). */
async function requestDue(reportId: string, dueOn: string): Promise<string> {
  const found = (await listRequests(db, { reportId })).find((r) => r.dueOn === dueOn);
  if (found === undefined) throw new Error(`no request due on ${dueOn}`);
  return found.id;
}

beforeAll(async () => {
  db = await openTestDb();
  profile = await ensureProfile(db);
  ctx = {
    ...verifyContext({ db, profile }),
    now: () => clock,
    today: () => clock.toISOString().slice(0, 10),
  };
  const mediator = await member("med.qatar", "mediator", null);
  const pak = await member("pak.liaison", "liaison", "PAK");
  const afg = await member("afg.liaison", "liaison", "AFG");
  const work = async (id: string) => {
    await applyAction(ctx, mediator, { id, action: { type: "acknowledge" } });
    await applyAction(ctx, mediator, { id, action: { type: "start_verification" } });
  };
  const ask = (id: string, party: string, dueOn: string) =>
    applyAction(ctx, mediator, {
      id,
      action: { type: "request_information", party, question: "Was the post manned?", dueOn },
    });

  // Published: PAK's report, two requests to AFG (one answered late, one never), 10 days to
  // the finding (2026-02-02T10:00 → 2026-02-12T10:00), published on 2026-02-13.
  const shown = await fileReport(ctx, pak, report("CLEAR", "Shelling at Torkham"));
  await work(shown.id);
  await ask(shown.id, "AFG", "2026-02-05");
  await ask(shown.id, "AFG", "2026-02-10");
  at("2026-02-07T09:00:00.000Z");
  const answered = await requestDue(shown.id, "2026-02-05");
  await respondToRequest(ctx, afg, { id: answered, response: "It was." });
  at("2026-02-12T10:00:00.000Z");
  const conclude = { type: "conclude", outcome: "verified", finding } as const;
  await applyAction(ctx, mediator, { id: shown.id, action: conclude });
  at("2026-02-13T08:00:00.000Z");
  await applyAction(ctx, mediator, { id: shown.id, action: { type: "publish" } });

  // Not published: AFG's AMBER report, concluded after one day with a request to PAK that is
  // never answered; and AFG's AMBER report still waiting. Counted, they would show as AFG's
  // filings, a finding, and an overdue PAK request.
  at("2026-02-14T10:00:00.000Z");
  const kept = await fileReport(ctx, afg, report("AMBER", "Drone strike in Paktika"));
  await work(kept.id);
  await ask(kept.id, "PAK", "2026-02-20");
  at("2026-02-15T10:00:00.000Z");
  await applyAction(ctx, mediator, { id: kept.id, action: conclude });
  at("2026-03-03T10:00:00.000Z");
  await fileReport(ctx, afg, report("AMBER", "Crossing closed at Chaman"));
});
afterAll(async () => {
  await db?.close();
});

async function briefMarkdown(to: string): Promise<string> {
  return renderMarkdown(buildBrief(await collectBrief(db, profile, { ...PERIOD, to })));
}

function section(md: string): string {
  const start = md.indexOf("## Monitoring and verification mechanism");
  const end = md.indexOf("\n## ", start + 1);
  return md.slice(start, end);
}

describe("the mechanism figures in a brief", () => {
  it("count the published report and its requests, and no unpublished report", async () => {
    // The store holds all three: a figure over every report would differ from the public one.
    expect((await listReports(db)).map((r) => r.status).sort()).toEqual([
      "published",
      "submitted",
      "verified",
    ]);
    const md = section(await briefMarkdown(PERIOD.to));
    expect(md).toContain(
      "By 2026-03-31 the mechanism had published 1 finding, a median of 10 days from filing to finding.",
    );
    expect(md).toContain("| Pakistan (PAK) | 1 | 1 (100%) | 1 | 10 | 0 | 0 | 0 |");
    expect(md).toContain("| Afghanistan (AFG) | 0 | 0 (—) | 0 | — | 2 | 1 | 1 |");
    expect(md).toContain("| All | 1 | 1 (100%) | 1 | 10 | 2 | 1 | 1 |");
    expect(md).toContain("| 2026-02 | 1 | 0 | 1 |");
    expect(md).toContain("| 2026-03 | 0 | 0 | 0 |");
    expect(md).not.toContain("Mediators (as monitor)");
    expect(md).toContain("Afghanistan (AFG) left 1 request unanswered");
    expect(md).not.toContain("Pakistan (PAK) left");
  });

  it("leave out a finding published after the brief's last day, and say so", async () => {
    const md = section(await briefMarkdown("2026-02-12"));
    expect(md).toContain("No findings had been published by 2026-02-12.");
    expect(md).toContain("1 finding published after 2026-02-12 is not counted here");
    expect(md).not.toContain("| Pakistan (PAK) |");
  });

  it("count as of the day the brief is made when no last day is asked for", async () => {
    // Imported events end on 2026-02-05, before the finding was published (2026-02-12): the
    // brief's period ends there, but the mechanism is live and counts up to today.
    async function* items(): AsyncIterable<ImportItem> {
      const event = { dateStart: "2026-02-05", dateEnd: "2026-02-05" };
      yield { kind: "record", record: makeRecord("m1", { event }), inRegion: true };
    }
    const meta = { dataset: "ucdp" as const, name: "m.csv", sha256: "mechanism-m1", bytes: 1 };
    await importFile(db, meta, items());
    const input = await collectBrief(db, profile, { from: PERIOD.from, today: PERIOD.today });
    expect(input.to).toBe("2026-02-05");
    expect(input.mechanism.figures.asOf).toBe(PERIOD.today);
    const md = section(renderMarkdown(buildBrief(input)));
    expect(md).toContain("By 2026-04-01 the mechanism had published 1 finding");
    expect(md).toContain("| All | 1 | 1 (100%) | 1 | 10 | 2 | 1 | 1 |");
  });

  it("are the same in GET /api/brief?format=md", async () => {
    const app = await buildApp({ db, profile, today: () => PERIOD.today });
    try {
      const res = await app.inject({
        url: `/api/brief?format=md&from=${PERIOD.from}&to=2026-03-31`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("| Afghanistan (AFG) | 0 | 0 (—) | 0 | — | 2 | 1 | 1 |");
      expect(res.body).toContain("| All | 1 | 1 (100%) | 1 | 10 | 2 | 1 | 1 |");
    } finally {
      await app.close();
    }
  });
});

describe("a brief with no published finding", () => {
  it("says so in a sentence, with no table", async () => {
    const empty = await openTestDb();
    try {
      const p = await ensureProfile(empty);
      const md = section(renderMarkdown(buildBrief(await collectBrief(empty, p, PERIOD))));
      expect(md).toContain("No findings have been published yet.");
      expect(md).not.toContain("| Party |");
    } finally {
      await empty.close();
    }
  });
});
