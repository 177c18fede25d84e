/**
 * Who is asking: the roles of the verification mechanism and the sharing markings of its
 * reports (TLP 2.0, https://www.first.org/tlp/). The public has no account.
 */

export const ROLES = ["admin", "mediator", "liaison", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export const MARKINGS = ["RED", "AMBER", "GREEN", "CLEAR"] as const;
export type Marking = (typeof MARKINGS)[number];

/** A signed-in account as the access rules see it; `party` is set for liaisons only. */
export interface Member {
  kind: "member";
  accountId: string;
  name: string;
  role: Role;
  party: string | null;
}

export interface Public {
  kind: "public";
}

export type Principal = Member | Public;

export const PUBLIC: Public = Object.freeze({ kind: "public" });

/** Mechanism members read GREEN and CLEAR reports; analysts use the rest of the app only. */
export function isMechanismMember(p: Principal): p is Member {
  return p.kind === "member" && p.role !== "analyst";
}

/** A liaison speaks for exactly one party; every other role speaks for none. */
export function checkAccountShape(role: Role, party: string | null): string | null {
  if (role === "liaison" && party === null) return "a liaison must be bound to one party";
  if (role !== "liaison" && party !== null) return `a ${role} is not bound to a party`;
  return null;
}
