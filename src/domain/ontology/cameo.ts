import { CAMEO_PLOVER_TABLE } from "./cameo-table.ts";
import { type PloverMapping, toMapping } from "./plover-modes.ts";

/** CAMEO codes: 2-digit root "01"–"20", 3-digit base, 4-digit full, leading zeros kept. */
const CAMEO_CODE = /^\d{2,4}$/;

/**
 * PLOVER category and mode of a CAMEO event code such as GDELT's `EventCode`
 * ("0211", "193", "19"). A code missing from the table falls back to its
 * 3-digit base, then its 2-digit root ("1099" → "109" → "10"); undefined
 * when none is known or the input is not 2–4 digits.
 */
export function cameoToPlover(code: string): PloverMapping | undefined {
  const trimmed = code.trim();
  if (!CAMEO_CODE.test(trimmed)) return undefined;
  for (let length = trimmed.length; length >= 2; length--) {
    const prefix = trimmed.slice(0, length);
    const row = Object.hasOwn(CAMEO_PLOVER_TABLE, prefix) ? CAMEO_PLOVER_TABLE[prefix] : undefined;
    if (row) return toMapping(row);
  }
  return undefined;
}
