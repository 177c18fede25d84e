import { describe, expect, it } from "vitest";
import { checkLoginGate, type LoginHistory } from "./login-policy.ts";

const NOW = "2026-03-31T12:00:00.000Z";
const calm: LoginHistory = {
  accountFailures: 0,
  lastAccountFailure: null,
  addressFailures: 0,
  lastAddressFailure: null,
};

describe("checkLoginGate()", () => {
  it("opens below five account failures and twenty address failures", () => {
    expect(checkLoginGate({ ...calm, accountFailures: 4, lastAccountFailure: NOW }, NOW)).toEqual({
      open: true,
    });
    expect(checkLoginGate({ ...calm, addressFailures: 19, lastAddressFailure: NOW }, NOW)).toEqual({
      open: true,
    });
  });

  it("locks an account for fifteen minutes after its fifth failure", () => {
    const locked = { ...calm, accountFailures: 5, lastAccountFailure: "2026-03-31T11:50:00.000Z" };
    expect(checkLoginGate(locked, NOW)).toEqual({
      open: false,
      reason: "too many failed logins for this account",
      until: "2026-03-31T12:05:00.000Z",
    });
    expect(checkLoginGate(locked, "2026-03-31T12:05:00.001Z")).toEqual({ open: true });
  });

  it("slows an address after twenty failures", () => {
    const busy = { ...calm, addressFailures: 20, lastAddressFailure: NOW };
    expect(checkLoginGate(busy, NOW)).toMatchObject({
      open: false,
      reason: "too many failed logins from this address",
    });
  });
});
