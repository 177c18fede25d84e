/**
 * Login throttling: an account is locked after repeated failures, an address is slowed
 * after many failures across accounts. Attempts refused while locked are not failures, so a
 * lockout ends on time however hard it is hammered (and an attacker cannot extend it).
 */

const LOGIN_POLICY = Object.freeze({
  windowMs: 15 * 60_000,
  maxAccountFailures: 5,
  maxAddressFailures: 20,
});

export interface LoginHistory {
  /** Failures for this account name in the window, since its last successful login. */
  accountFailures: number;
  lastAccountFailure: string | null;
  /** Failures from this address in the window, whatever the account name. */
  addressFailures: number;
  lastAddressFailure: string | null;
}

export type LoginGate = { open: true } | { open: false; reason: string; until: string };

function later(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** Whether a login may be tried now; the reason never says whether the account exists. */
export function checkLoginGate(history: LoginHistory, now: string): LoginGate {
  const policy = LOGIN_POLICY;
  if (history.accountFailures >= policy.maxAccountFailures && history.lastAccountFailure) {
    const until = later(history.lastAccountFailure, policy.windowMs);
    if (until > now) {
      return { open: false, reason: "too many failed logins for this account", until };
    }
  }
  if (history.addressFailures >= policy.maxAddressFailures && history.lastAddressFailure) {
    const until = later(history.lastAddressFailure, policy.windowMs);
    if (until > now) {
      return { open: false, reason: "too many failed logins from this address", until };
    }
  }
  return { open: true };
}

/** The start of the window the history is counted over. */
export function loginWindowStart(now: string): string {
  return new Date(Date.parse(now) - LOGIN_POLICY.windowMs).toISOString();
}
