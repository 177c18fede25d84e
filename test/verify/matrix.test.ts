/**
 * The access matrix, as an attacker would walk it: every endpoint × every role × every
 * marking × own and other party (and a RED report shared with the other party). The
 * expectations come from the sharing rules written out below as a table, not from
 * `verify/access.ts`, so a drift in either shows up here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/verify/index.ts";
import {
  type Actor,
  act,
  addActor,
  call,
  type Harness,
  openHarness,
  reportBody,
} from "./support.ts";

type Who = Actor | null;
const MARKINGS = ["RED", "AMBER", "GREEN", "CLEAR"] as const;
const PARTIES = ["PAK", "AFG"] as const;

interface Fixture {
  id: string;
  word: string;
  party: "PAK" | "AFG";
  marking: (typeof MARKINGS)[number];
  filer: Actor;
  recipients: string[];
  evidenceId: string;
  requestId: string;
}

let h: Harness;
let principals: { label: string; who: Who }[] = [];
const reports: Fixture[] = [];
let cases = 0;

/** The spec: TLP as the mechanism applies it (docs/verification.md). */
function mayRead(who: Who, r: Fixture): boolean {
  if (who === null || who.role === "analyst") return false;
  if (who.id === r.filer.id) return true;
  if (r.marking === "RED") return r.recipients.includes(who.name);
  if (r.marking === "AMBER")
    return who.role === "mediator" || (who.role === "liaison" && who.party === r.party);
  return true;
}
function mayAddEvidence(who: Who, r: Fixture): boolean {
  if (!mayRead(who, r) || who === null) return false;
  return who.role === "mediator" || (who.role === "liaison" && who.party === r.party);
}
function isAsked(who: Who, r: Fixture): boolean {
  return who?.role === "liaison" && who.party !== r.party;
}

beforeAll(async () => {
  h = await openHarness();
  const admin = await addActor(h, "admin", "admin");
  const analyst = await addActor(h, "analyst", "analyst");
  const m1 = await addActor(h, "med.named", "mediator");
  const m2 = await addActor(h, "med.other", "mediator");
  const filers = {
    PAK: await addActor(h, "pak.filer", "liaison", "PAK"),
    AFG: await addActor(h, "afg.filer", "liaison", "AFG"),
  };
  const pakOther = await addActor(h, "pak.other", "liaison", "PAK");
  const afgOther = await addActor(h, "afg.other", "liaison", "AFG");
  principals = [
    { label: "public", who: null },
    { label: "admin", who: admin },
    { label: "analyst", who: analyst },
    { label: "mediator named", who: m1 },
    { label: "mediator", who: m2 },
    { label: "PAK filer", who: filers.PAK },
    { label: "PAK liaison", who: pakOther },
    { label: "AFG filer", who: filers.AFG },
    { label: "AFG liaison", who: afgOther },
  ];
  const plan: { party: "PAK" | "AFG"; marking: Fixture["marking"]; recipients: string[] }[] = [];
  for (const party of PARTIES)
    for (const marking of MARKINGS)
      plan.push({ party, marking, recipients: marking === "RED" ? ["med.named"] : [] });
  // A RED report its filer chose to share with one liaison of the other party.
  plan.push({ party: "PAK", marking: "RED", recipients: ["med.named", "afg.other"] });
  for (const [i, p] of plan.entries()) {
    const filer = filers[p.party];
    const word = `zq${i}x${p.marking.toLowerCase()}`;
    const res = await call(
      h,
      filer,
      "POST",
      "/api/verify/reports",
      reportBody({ title: `Report ${word}`, marking: p.marking, recipients: p.recipients }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const ev = await call(
      h,
      filer,
      "POST",
      `/api/verify/reports/${id}/evidence?filename=note.txt`,
      Buffer.from(`evidence ${word}\n`),
    );
    expect(ev.statusCode).toBe(201);
    await act(h, m1, id, { type: "acknowledge" });
    await act(h, m1, id, { type: "start_verification" });
    const other = p.party === "PAK" ? "AFG" : "PAK";
    const asked = await act(h, m1, id, {
      type: "request_information",
      party: other,
      question: `About ${word}?`,
      dueOn: "2026-05-01",
    });
    expect(asked.statusCode).toBe(200);
    const rfis = (await call(h, m1, "GET", `/api/verify/reports/${id}/requests`)).json().items as {
      id: string;
    }[];
    reports.push({
      id,
      word,
      party: p.party,
      marking: p.marking,
      filer,
      recipients: p.recipients,
      evidenceId: ev.json().id,
      requestId: rfis[0]?.id ?? "",
    });
  }
});
afterAll(async () => {
  console.log(`access matrix: ${cases} cases`);
  await h.close();
});

/** The status and body a caller gets for an object that does not exist at all. */
async function missing(
  who: Who,
  method: "GET" | "POST",
  path: (id: string) => string,
  body?: unknown,
) {
  const fake = newId();
  const res = await call(h, who, method, path(fake), body);
  return { status: res.statusCode, body: res.body, fake };
}

async function expectGate(
  who: Who,
  label: string,
  method: "GET" | "POST",
  path: (id: string) => string,
  objectId: string,
  expected: number,
  body?: unknown,
) {
  const res = await call(h, who, method, path(objectId), body);
  cases++;
  expect(res.statusCode, label).toBe(expected);
  if (expected === 404) {
    // A forbidden object must look exactly like a missing one.
    const m = await missing(who, method, path, body);
    expect(m.status, label).toBe(404);
    expect(res.body, label).toBe(m.body.replace(m.fake, objectId));
  }
  return res;
}

describe("access matrix", () => {
  it("every object endpoint × principal × report answers as the sharing rules say", async () => {
    const note = Buffer.from("more evidence\n");
    for (const { label, who } of principals) {
      for (const r of reports) {
        const tag = `${label} → ${r.party} ${r.marking} [${r.recipients.join(",")}]`;
        const read = who === null ? 401 : mayRead(who, r) ? 200 : 404;
        const report = await expectGate(
          who,
          `${tag} GET report`,
          "GET",
          (id) => `/api/verify/reports/${id}`,
          r.id,
          read,
        );
        if (read === 200) {
          expect(Object.keys(report.json())).not.toContain("filerId");
          expect(report.json().title).toContain(r.word);
        }
        for (const sub of ["requests", "evidence", "audit"]) {
          const res = await expectGate(
            who,
            `${tag} GET ${sub}`,
            "GET",
            (id) => `/api/verify/reports/${id}/${sub}`,
            r.id,
            read,
          );
          if (sub === "audit" && read === 200) {
            for (const e of res.json().items as { reportId: string }[])
              expect(e.reportId).toBe(r.id);
          }
        }
        await expectGate(
          who,
          `${tag} download`,
          "GET",
          (id) => `/api/verify/evidence/${id}`,
          r.evidenceId,
          read,
        );

        const step =
          who === null ? 401 : !mayRead(who, r) ? 404 : who.role === "mediator" ? 409 : 403;
        await expectGate(
          who,
          `${tag} publish`,
          "POST",
          (id) => `/api/verify/reports/${id}/actions`,
          r.id,
          step,
          { type: "publish" },
        );

        const add =
          who === null ? 401 : !mayRead(who, r) ? 404 : mayAddEvidence(who, r) ? 201 : 403;
        await expectGate(
          who,
          `${tag} upload`,
          "POST",
          (id) => `/api/verify/reports/${id}/evidence?filename=n.txt`,
          r.id,
          add,
          note,
        );

        const respondPath = (id: string) => `/api/verify/requests/${id}/respond`;
        const res = await call(h, who, "POST", respondPath(r.requestId), {
          response: "our answer",
        });
        cases++;
        if (who === null) expect(res.statusCode, tag).toBe(401);
        else if (isAsked(who, r)) expect([200, 409], tag).toContain(res.statusCode);
        else if (mayRead(who, r)) expect(res.statusCode, tag).toBe(403);
        else {
          const m = await missing(who, "POST", respondPath, { response: "our answer" });
          expect(res.statusCode, tag).toBe(404);
          expect(res.body, tag).toBe(m.body.replace(m.fake, r.requestId));
        }
      }
    }
  });

  it("lists, counts, searches and figures show only what each principal may read", async () => {
    for (const { label, who } of principals) {
      const visible = reports.filter((r) => mayRead(who, r));
      const list = await call(h, who, "GET", "/api/verify/reports?limit=500");
      cases++;
      if (who === null) {
        expect(list.statusCode, label).toBe(401);
      } else {
        const body = list.json() as { total: number; items: { id: string }[] };
        expect(body.items.map((i) => i.id).sort(), label).toEqual(visible.map((r) => r.id).sort());
        expect(body.total, label).toBe(visible.length);
        for (const marking of MARKINGS) {
          const res = await call(h, who, "GET", `/api/verify/reports?marking=${marking}`);
          cases++;
          expect(res.json().total, `${label} ${marking}`).toBe(
            visible.filter((r) => r.marking === marking).length,
          );
        }
        for (const r of reports) {
          const res = await call(h, who, "GET", `/api/verify/reports?q=${r.word}`);
          cases++;
          expect(res.json().total, `${label} search ${r.word}`).toBe(mayRead(who, r) ? 1 : 0);
        }
        const requests = (await call(h, who, "GET", "/api/verify/requests")).json().items as {
          id: string;
          reportId?: string;
        }[];
        cases++;
        const seen = reports.filter((r) => mayRead(who, r) || isAsked(who, r));
        expect(requests.map((q) => q.id).sort(), label).toEqual(
          seen.map((r) => r.requestId).sort(),
        );
        for (const q of requests) {
          const r = reports.find((x) => x.requestId === q.id);
          expect(q.reportId, `${label} request of ${r?.word}`).toBe(
            r && mayRead(who, r) ? r.id : undefined,
          );
        }
      }
      const figures = await call(h, who, "GET", "/api/verify/figures");
      cases++;
      const filed = Object.fromEntries(
        (figures.json().parties as { party: string; filed: number }[]).map((p) => [
          p.party,
          p.filed,
        ]),
      );
      for (const party of PARTIES) {
        expect(filed[party], `${label} figures ${party}`).toBe(
          visible.filter((r) => r.party === party).length,
        );
      }
      const audit = await call(h, who, "GET", "/api/verify/audit");
      cases++;
      expect(audit.statusCode, label).toBe(who === null ? 401 : who.role === "admin" ? 200 : 403);
      const published = await call(h, who, "GET", "/api/verify/published");
      cases++;
      expect(published.json().items, label).toEqual([]);
    }
  });

  it("tried as many cases as the matrix has", () => {
    // 9 principals × 9 reports × 8 object endpoints, then per principal: list, 4 markings,
    // 9 searches, requests, figures, audit, published (the public: list, figures, audit, published).
    expect(cases).toBe(9 * 9 * 8 + 8 * 18 + 4);
  });
});
