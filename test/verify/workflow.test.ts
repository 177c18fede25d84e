import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  act,
  addActor,
  call,
  fileReport,
  type Harness,
  openHarness,
  reportBody,
  TODAY,
} from "./support.ts";

let h: Harness;
let mediator: Actor;
let pak: Actor;
let afg: Actor;

beforeAll(async () => {
  h = await openHarness();
  mediator = await addActor(h, "med.qatar", "mediator");
  pak = await addActor(h, "pak.liaison", "liaison", "PAK");
  afg = await addActor(h, "afg.liaison", "liaison", "AFG");
});
afterAll(() => h.close());

describe("incident report workflow through the API", () => {
  it("runs submitted → acknowledged → under verification → request/response → verified → published", async () => {
    const id = await fileReport(h, pak, {
      marking: "CLEAR",
      against: "AFG",
      description:
        "Witness Gul Khan (phone +92 300 1234567, gul.khan@example.org) saw fighters cross at 2020-2024 marker.",
      persons: ["Gul Khan"],
    });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const steps = [
      [{ type: "acknowledge" }, "acknowledged"],
      [{ type: "start_verification" }, "under_verification"],
    ] as const;
    for (const [action, status] of steps) {
      const res = await act(h, mediator, id, action);
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe(status);
    }
    const asked = await act(h, mediator, id, {
      type: "request_information",
      party: "AFG",
      question: "Were your border posts manned on 20 March?",
      dueOn: "2026-04-15",
    });
    expect(asked.statusCode).toBe(200);
    const mine = (await call(h, afg, "GET", "/api/verify/requests")).json().items as {
      id: string;
      reportId?: string;
    }[];
    expect(mine).toHaveLength(1);
    const rid = mine[0]?.id ?? "";
    // AFG may read this CLEAR report, so it is told which report the question is about.
    expect(mine[0]?.reportId).toBe(id);
    const answered = await call(h, afg, "POST", `/api/verify/requests/${rid}/respond`, {
      response: "Yes, and they saw nothing.",
    });
    expect(answered.statusCode).toBe(200);
    const again = await call(h, afg, "POST", `/api/verify/requests/${rid}/respond`, {
      response: "x",
    });
    expect(again.statusCode).toBe(409);

    const concluded = await act(h, mediator, id, {
      type: "conclude",
      outcome: "verified",
      finding: {
        facts: "Rounds came from the west; Gul Khan confirmed it by phone on 0300-1234567.",
        attribution: "A TTP unit based in Nangarhar",
        breachedCommitment: "ceasefire",
        measure: "Joint patrol for 30 days",
      },
    });
    expect(concluded.statusCode).toBe(200);
    expect(concluded.json()).toMatchObject({ status: "verified", outcome: "verified" });
    const published = await act(h, mediator, id, { type: "publish" });
    expect(published.json().status).toBe("published");

    const summary = await call(h, null, "GET", `/api/verify/published/${id}`);
    expect(summary.statusCode).toBe(200);
    const s = summary.json();
    expect(s).toMatchObject({
      outcome: "verified",
      marking: "CLEAR",
      breachedCommitment: "ceasefire",
    });
    const text = JSON.stringify(s);
    expect(text).not.toContain("Gul Khan");
    expect(text).not.toContain("1234567");
    expect(text).not.toContain("example.org");
    expect(s.description).toBe(
      "Witness [name withheld] (phone [phone withheld], [email withheld]) saw fighters cross at 2020-2024 marker.",
    );
    expect(s.facts).toContain("[name withheld] confirmed it by phone on [phone withheld].");
    const list = (await call(h, null, "GET", "/api/verify/published")).json().items as {
      id: string;
    }[];
    expect(list.map((x) => x.id)).toEqual([id]);
  });

  it("answers an illegal step with 409 and the reason, a wrong role with 403", async () => {
    const id = await fileReport(h, pak);
    const early = await act(h, mediator, id, { type: "publish" });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({
      code: "INVALID_TRANSITION",
      message:
        "cannot publish a report that is submitted: only one that is verified or partly verified or not verified or inconclusive",
    });
    const byParty = await act(h, pak, id, { type: "acknowledge" });
    expect(byParty.statusCode).toBe(403);
    expect(byParty.json().code).toBe("FORBIDDEN");
    const twice = await act(h, mediator, id, { type: "acknowledge" });
    expect(twice.statusCode).toBe(200);
    const again = await act(h, mediator, id, { type: "acknowledge" });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain("cannot acknowledge a report that is acknowledged");
  });

  it("documents every verification route in /openapi.json", async () => {
    const doc = (await call(h, null, "GET", "/openapi.json")).json() as {
      paths: Record<string, unknown>;
    };
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith("/api/verify/"));
    expect(paths).toHaveLength(21);
    expect(JSON.stringify(doc.paths["/api/verify/reports"])).toContain(
      '"additionalProperties":false',
    );
  });

  it("refuses mass assignment of status, party, filer, id and dates on create", async () => {
    for (const field of [
      "status",
      "party",
      "filerParty",
      "filerId",
      "id",
      "createdAt",
      "outcome",
      "finding",
      "summary",
    ]) {
      const res = await call(h, pak, "POST", "/api/verify/reports", {
        ...reportBody(),
        [field]: "published",
      });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().message, field).toContain(field);
    }
    const actions = await act(h, mediator, await fileReport(h, pak), {
      type: "acknowledge",
      status: "published",
    });
    expect(actions.statusCode).toBe(400);
  });

  it("refuses a report from an analyst or an admin, and recipients outside TLP:RED", async () => {
    const analyst = await addActor(h, "analyst.one", "analyst");
    expect((await call(h, analyst, "POST", "/api/verify/reports", reportBody())).statusCode).toBe(
      403,
    );
    const wrong = await call(
      h,
      pak,
      "POST",
      "/api/verify/reports",
      reportBody({ recipients: ["med.qatar"] }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toBe("recipients are named only on a TLP:RED report");
    const noMediator = await call(
      h,
      pak,
      "POST",
      "/api/verify/reports",
      reportBody({ marking: "RED", recipients: ["afg.liaison"] }),
    );
    expect(noMediator.json().message).toContain("at least one mediator");
    const self = await call(h, pak, "POST", "/api/verify/reports", reportBody({ against: "PAK" }));
    expect(self.json().message).toBe("a party does not file a report against itself");
  });

  it("stores SQL injection strings in every text field verbatim and harmlessly", async () => {
    const evil = "'); DROP TABLE reports; -- \" OR 1=1 --";
    const id = await fileReport(h, pak, {
      title: evil,
      description: `${evil} %_ \\`,
      place: { name: evil },
      persons: [evil],
    });
    const got = (await call(h, pak, "GET", `/api/verify/reports/${id}`)).json();
    expect(got.title).toBe(evil);
    expect(got.description).toBe(`${evil} %_ \\`);
    expect(got.place.name).toBe(evil);
    expect(got.persons).toEqual([evil]);
    // The search is a plain substring: `%` and `_` match themselves, not everything.
    const search = await call(h, pak, "GET", `/api/verify/reports?q=${encodeURIComponent("%_")}`);
    expect(search.json().total).toBe(1);
    const wild = await call(h, pak, "GET", `/api/verify/reports?q=${encodeURIComponent("%")}`);
    expect(wild.json().total).toBe(1);
    await act(h, mediator, id, { type: "acknowledge" });
    await act(h, mediator, id, { type: "start_verification" });
    const rfi = await act(h, mediator, id, {
      type: "request_information",
      party: "AFG",
      question: evil,
      dueOn: "2026-04-30",
    });
    expect(rfi.statusCode).toBe(200);
    const requests = (await call(h, afg, "GET", "/api/verify/requests")).json().items as {
      id: string;
      question: string;
    }[];
    const asked = requests.find((r) => r.question === evil);
    expect(asked).toBeDefined();
    const ans = await call(h, afg, "POST", `/api/verify/requests/${asked?.id}/respond`, {
      response: evil,
    });
    expect(ans.json().response).toBe(evil);
    const concluded = await act(h, mediator, id, {
      type: "conclude",
      outcome: "inconclusive",
      finding: { facts: evil, attribution: evil, breachedCommitment: null, measure: evil },
    });
    expect(concluded.json().finding.facts).toBe(evil);
    // The tables are still there, holding every report filed so far.
    const rows = await h.db.query<{ n: number }>("SELECT count(*)::int AS n FROM reports");
    const listed = (await call(h, mediator, "GET", "/api/verify/reports?limit=500")).json().total;
    expect(rows[0]?.n).toBe(listed);
    expect(listed).toBeGreaterThanOrEqual(4);
  });

  it("keeps a published RED report to its outcome and month", async () => {
    const id = await fileReport(h, pak, {
      marking: "RED",
      recipients: ["med.qatar"],
      title: "Secret source in Khost",
      persons: [],
    });
    for (const action of [{ type: "acknowledge" }, { type: "start_verification" }])
      await act(h, mediator, id, action);
    await act(h, mediator, id, {
      type: "conclude",
      outcome: "partly_verified",
      finding: {
        facts: "Named source",
        attribution: "Unit X",
        breachedCommitment: "ceasefire",
        measure: "Warning",
      },
    });
    await act(h, mediator, id, { type: "publish" });
    const s = (await call(h, null, "GET", `/api/verify/published/${id}`)).json();
    expect(Object.keys(s).sort()).toEqual(
      [
        "breachedCommitment",
        "commitment",
        "id",
        "marking",
        "occurred",
        "outcome",
        "publishedOn",
      ].sort(),
    );
    expect(s.occurred).toBe("2026-03");
    // Published or not, the report itself stays RED.
    expect((await call(h, afg, "GET", `/api/verify/reports/${id}`)).statusCode).toBe(404);
  });

  it("gives the mechanism figures: overdue requests per party, and only published ones to the public", async () => {
    const id = await fileReport(h, pak, { marking: "AMBER" });
    await act(h, mediator, id, { type: "acknowledge" });
    await act(h, mediator, id, { type: "start_verification" });
    await act(h, mediator, id, {
      type: "request_information",
      party: "AFG",
      question: "Who fired?",
      dueOn: "2026-04-15",
    });
    // A day ahead of the mechanism's today cannot be asked for: the answer is as of today,
    // when the request due 2026-04-15 is not yet overdue.
    const ahead = (await call(h, mediator, "GET", "/api/verify/figures?asOf=2026-05-01")).json();
    expect(ahead.asOf).toBe(TODAY);
    expect(ahead.parties.find((p: { party: string }) => p.party === "AFG").overdue).toBe(0);
    h.advanceDays(31); // 2026-05-01
    const res = await call(h, mediator, "GET", "/api/verify/figures");
    expect(res.statusCode).toBe(200);
    const f = res.json() as {
      asOf: string;
      parties: { party: string; filed: number; overdue: number; requests: number }[];
    };
    expect(f.asOf).toBe("2026-05-01");
    const afgRow = f.parties.find((p) => p.party === "AFG");
    // Three requests were put to AFG in this file; two were answered.
    expect(afgRow).toMatchObject({ filed: 0, requests: 3, overdue: 1 });
    const reports = (await call(h, mediator, "GET", "/api/verify/reports?limit=500")).json().total;
    expect(f.parties.find((p) => p.party === "PAK")?.filed).toBe(reports);
    // The public: the CLEAR finding under Pakistan; the RED one counted alone, in no party's row
    // (its summary names no party), and no request made on it.
    const pub = (await call(h, null, "GET", "/api/verify/figures")).json();
    expect(pub.overall.filed).toBe(1);
    expect(pub.withheld).toBe(1);
    expect(pub.parties.find((p: { party: string }) => p.party === "PAK").filed).toBe(1);
    // As of a day before any filing, nothing was filed.
    const before = (await call(h, mediator, "GET", "/api/verify/figures?asOf=2026-01-01")).json();
    expect(before.overall.filed).toBe(0);
    expect(
      (await call(h, null, "GET", "/api/verify/figures?asOf=2026-01-01")).json(),
    ).toMatchObject({ withheld: 0, publishedAfter: 2, overall: { filed: 0 } });
  });
});
