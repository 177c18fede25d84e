import { describe, expect, it } from "vitest";
import { canAddEvidence, canReadReport, checkNewReport } from "./access.ts";
import { type Member, PUBLIC } from "./roles.ts";

const liaison = (id: string, party: string): Member => ({
  kind: "member",
  accountId: id,
  name: id,
  role: "liaison",
  party,
});
const mediator: Member = {
  kind: "member",
  accountId: "m",
  name: "m",
  role: "mediator",
  party: null,
};
const admin: Member = { kind: "member", accountId: "a", name: "a", role: "admin", party: null };
const analyst: Member = { kind: "member", accountId: "n", name: "n", role: "analyst", party: null };

describe("canReadReport()", () => {
  const amber = { marking: "AMBER" as const, filerId: "p1", filerParty: "PAK", recipients: [] };
  it("reads TLP:AMBER to the filer's party and the mediators only", () => {
    expect(canReadReport(liaison("p2", "PAK"), amber)).toBe(true);
    expect(canReadReport(liaison("f1", "AFG"), amber)).toBe(false);
    expect(canReadReport(mediator, amber)).toBe(true);
    expect(canReadReport(admin, amber)).toBe(false);
    expect(canReadReport(PUBLIC, amber)).toBe(false);
  });
  it("reads TLP:RED to the filer and its named recipients only", () => {
    const red = { ...amber, marking: "RED" as const, recipients: ["f1"] };
    expect(canReadReport(liaison("p1", "PAK"), red)).toBe(true);
    expect(canReadReport(liaison("p2", "PAK"), red)).toBe(false);
    expect(canReadReport(liaison("f1", "AFG"), red)).toBe(true);
    expect(canReadReport(mediator, red)).toBe(false);
  });
  it("keeps analysts and the public out even of TLP:CLEAR reports (they read published summaries)", () => {
    const clear = { ...amber, marking: "CLEAR" as const };
    expect(canReadReport(analyst, clear)).toBe(false);
    expect(canReadReport(PUBLIC, clear)).toBe(false);
    expect(canReadReport(liaison("f1", "AFG"), clear)).toBe(true);
    expect(canAddEvidence(liaison("f1", "AFG"), clear)).toBe(false);
  });
});

describe("checkNewReport()", () => {
  const context = { parties: ["PAK", "AFG"], commitments: ["ceasefire", "no-safe-havens"] };
  const base = {
    marking: "AMBER" as const,
    against: "AFG",
    commitment: "ceasefire",
    recipients: [],
    recipientNames: [],
  };
  it("names the problem", () => {
    const pak = liaison("p1", "PAK");
    expect(checkNewReport(pak, base, context)).toBeNull();
    expect(checkNewReport(pak, { ...base, commitment: "peace" }, context)).toBe(
      'commitment "peace" is not one of: ceasefire, no-safe-havens',
    );
    expect(checkNewReport(pak, { ...base, against: "IND" }, context)).toBe(
      'against "IND" is not a party of the profile (PAK, AFG)',
    );
    const red = { ...base, marking: "RED" as const, recipientNames: ["ghost"] };
    expect(checkNewReport(pak, red, context)).toBe(
      'recipient "ghost" is not a member of the mechanism',
    );
    const found = {
      ...red,
      recipientNames: ["m"],
      recipients: [{ name: "m", role: "mediator" as const, disabled: false }],
    };
    expect(checkNewReport(pak, found, context)).toBeNull();
  });
});
