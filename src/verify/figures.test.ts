import { describe, expect, it } from "vitest";
import { computeFigures, median, type ReportFact, type RequestFact } from "./figures.ts";

const report = (
  filerParty: string | null,
  createdAt: string,
  status: ReportFact["status"],
  concludedAt: string | null = null,
): ReportFact => ({
  filerParty,
  createdAt,
  status,
  concludedAt,
});

const ASKED = "2026-02-10T09:00:00.000Z";

describe("computeFigures()", () => {
  it("counts per party and month, investigated share, median days and overdue requests", () => {
    const reports = [
      report("PAK", "2026-01-05T00:00:00.000Z", "published", "2026-01-15T00:00:00.000Z"), // 10 days
      report("PAK", "2026-01-20T00:00:00.000Z", "verified", "2026-02-09T00:00:00.000Z"), // 20 days
      report("PAK", "2026-02-01T00:00:00.000Z", "submitted"),
      report("AFG", "2026-02-03T00:00:00.000Z", "acknowledged"),
      report(null, "2026-02-04T00:00:00.000Z", "under_verification"),
    ];
    const requests: RequestFact[] = [
      { party: "AFG", dueOn: "2026-03-01", askedAt: ASKED, respondedAt: null }, // overdue on 03-31
      {
        party: "AFG",
        dueOn: "2026-03-01",
        askedAt: ASKED,
        respondedAt: "2026-03-05T00:00:00.000Z",
      }, // late
      { party: "PAK", dueOn: "2026-04-10", askedAt: ASKED, respondedAt: null }, // not yet due
    ];
    const f = computeFigures(reports, requests, { asOf: "2026-03-31", parties: ["PAK", "AFG"] });
    expect(f.reportsPerMonth).toEqual([
      { party: "PAK", month: "2026-01", count: 2 },
      { party: "AFG", month: "2026-02", count: 1 },
      { party: "monitor", month: "2026-02", count: 1 },
      { party: "PAK", month: "2026-02", count: 1 },
    ]);
    expect(f.parties.map((p) => p.party)).toEqual(["PAK", "AFG", "monitor"]);
    expect(f.parties[0]).toMatchObject({
      filed: 3,
      investigated: 2,
      shareInvestigated: 0.667,
      concluded: 2,
      medianDaysToFinding: 15,
      requests: 1,
      overdue: 0,
    });
    expect(f.parties[1]).toMatchObject({
      filed: 1,
      investigated: 0,
      shareInvestigated: 0,
      requests: 2,
      overdue: 1,
      late: 1,
    });
    expect(f.overall).toMatchObject({
      filed: 5,
      investigated: 3,
      shareInvestigated: 0.6,
      medianDaysToFinding: 15,
      overdue: 1,
    });
  });

  it("counts what stood at the end of the as-of day, not what happened later", () => {
    const reports = [
      report("PAK", "2026-01-05T00:00:00.000Z", "verified", "2026-03-10T00:00:00.000Z"),
      report("AFG", "2026-03-20T00:00:00.000Z", "submitted"), // filed after 03-05
    ];
    const requests: RequestFact[] = [
      // Due 03-01, answered 03-10: on 03-05 it was overdue; on 03-31 it was answered late.
      { party: "AFG", dueOn: "2026-03-01", askedAt: ASKED, respondedAt: "2026-03-10T08:00:00Z" },
      // Asked after 03-05: not yet a request then.
      { party: "PAK", dueOn: "2026-03-02", askedAt: "2026-03-06T00:00:00Z", respondedAt: null },
    ];
    const parties = ["PAK", "AFG"];
    const early = computeFigures(reports, requests, { asOf: "2026-03-05", parties });
    expect(early.overall).toMatchObject({
      filed: 1,
      concluded: 0,
      requests: 1,
      overdue: 1,
      late: 0,
    });
    expect(early.overall.medianDaysToFinding).toBeNull();
    expect(early.reportsPerMonth).toEqual([{ party: "PAK", month: "2026-01", count: 1 }]);
    const late = computeFigures(reports, requests, { asOf: "2026-03-31", parties });
    // 2026-01-05 → 2026-03-10 is 64 days.
    expect(late.overall).toMatchObject({ filed: 2, concluded: 1, medianDaysToFinding: 64 });
    expect(late.parties.find((p) => p.party === "AFG")).toMatchObject({ overdue: 0, late: 1 });
    expect(late.parties.find((p) => p.party === "PAK")).toMatchObject({ requests: 1, overdue: 1 });
  });

  it("has no share or median without reports", () => {
    const f = computeFigures([], [], { asOf: "2026-03-31", parties: ["PAK"] });
    expect(f.parties).toEqual([
      {
        party: "PAK",
        filed: 0,
        investigated: 0,
        shareInvestigated: null,
        concluded: 0,
        medianDaysToFinding: null,
        requests: 0,
        overdue: 0,
        late: 0,
      },
    ]);
    expect(median([3, 1, 2])).toBe(2);
  });
});
