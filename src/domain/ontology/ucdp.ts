import type { PloverMapping } from "./plover-modes.ts";

/** UCDP GED `type_of_violence`: 1 state-based, 2 non-state, 3 one-sided. */
export type UcdpViolenceType = 1 | 2 | 3;

/**
 * Every GED event is lethal organised violence, so always ASSAULT; UCDP
 * records neither weapon nor form, so the mode can only say who fought whom.
 * - 1 state-based and 2 non-state: two organised sides (UCDP `side_a`,
 *   `side_b`), which is PLOVER's `sideAB` ("two-sided violence: source and
 *   recipient are Side A and Side B", after the Correlates of War convention
 *   UCDP also follows).
 * - 3 one-sided: an organised actor against civilians. PLOVER codes this by
 *   the roles (perpetrator as source, victims as recipient), not by a mode, and
 *   no weapon mode is known: null. Not `massacre`, which means mass killing;
 *   a GED event may have one death.
 */
const UCDP_PLOVER: Record<UcdpViolenceType, PloverMapping> = {
  1: { category: "ASSAULT", mode: "sideAB" },
  2: { category: "ASSAULT", mode: "sideAB" },
  3: { category: "ASSAULT", mode: null },
};

export function ucdpToPlover(typeOfViolence: UcdpViolenceType): PloverMapping {
  return UCDP_PLOVER[typeOfViolence];
}
