import { describe, expect, it } from "vitest";
import { ROLES } from "./roles.ts";
import {
  OUTCOMES,
  REPORT_STATUSES,
  type ReportAction,
  type ReportStatus,
  transition,
} from "./workflow.ts";

const ACTIONS: ReportAction[] = [
  { type: "acknowledge" },
  { type: "start_verification" },
  { type: "request_information" },
  { type: "respond" },
  ...OUTCOMES.map((outcome) => ({ type: "conclude" as const, outcome })),
  { type: "publish" },
];

/** Every legal step, written out by hand: [state, action, role, next]. */
const LEGAL: [ReportStatus, string, string, ReportStatus][] = [
  ["submitted", "acknowledge", "mediator", "acknowledged"],
  ["acknowledged", "start_verification", "mediator", "under_verification"],
  ["under_verification", "request_information", "mediator", "under_verification"],
  ["under_verification", "respond", "liaison", "under_verification"],
  ["under_verification", "conclude:verified", "mediator", "verified"],
  ["under_verification", "conclude:partly_verified", "mediator", "partly_verified"],
  ["under_verification", "conclude:not_verified", "mediator", "not_verified"],
  ["under_verification", "conclude:inconclusive", "mediator", "inconclusive"],
  ["verified", "publish", "mediator", "published"],
  ["partly_verified", "publish", "mediator", "published"],
  ["not_verified", "publish", "mediator", "published"],
  ["inconclusive", "publish", "mediator", "published"],
];

const key = (a: ReportAction) => (a.type === "conclude" ? `conclude:${a.outcome}` : a.type);

describe("transition()", () => {
  it("allows exactly the legal steps, over every state × action × role", () => {
    let tried = 0;
    for (const state of REPORT_STATUSES) {
      for (const action of ACTIONS) {
        for (const role of ROLES) {
          const legal = LEGAL.find(([s, a, r]) => s === state && a === key(action) && r === role);
          const result = transition(state, action, role);
          expect(result, `${state} ${key(action)} ${role}`).toEqual(
            legal ? { ok: true, next: legal[3] } : expect.objectContaining({ ok: false }),
          );
          tried++;
        }
      }
    }
    expect(tried).toBe(8 * 9 * 4);
  });

  it("refuses a wrong role before looking at the state", () => {
    expect(transition("published", { type: "acknowledge" }, "liaison")).toEqual({
      ok: false,
      code: "FORBIDDEN",
      reason: "only a mediator may acknowledge a report",
    });
    expect(transition("submitted", { type: "respond" }, "mediator")).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(transition("submitted", { type: "publish" }, "admin")).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("says why an illegal step is illegal", () => {
    expect(transition("published", { type: "conclude", outcome: "verified" }, "mediator")).toEqual({
      ok: false,
      code: "INVALID_TRANSITION",
      reason: "cannot conclude a report that is published: only one that is under verification",
    });
    expect(transition("submitted", { type: "start_verification" }, "mediator")).toMatchObject({
      reason: "cannot start verifying a report that is submitted: only one that is acknowledged",
    });
  });
});
