/** Number, date and label formatting shared by the pages. */

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : integer.format(n);
}

export function fmtPct(n: number | null | undefined, digits = 0): string {
  return n === null || n === undefined ? "—" : `${(n * 100).toFixed(digits)}%`;
}

export function fmtChange(pct: number | null): string {
  if (pct === null) return "new";
  return `${pct > 0 ? "+" : ""}${pct}%`;
}

const MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** "2026-03" → "Mar 2026"; "2026-Q1" and days pass through. */
export function fmtPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m === null) return period;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Adds days to a YYYY-MM-DD date (UTC, so no time zone can shift it). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month `months` months before the month of `date`. */
export function monthsBefore(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

export function sourceLabel(source: { dataset: string; nativeId: string }): string {
  return `${source.dataset.toUpperCase()} ${source.nativeId}`;
}

/** Words for the cross-border kinds of `frontier trends --group crossborder`. */
export function crossBorderLabel(kind: string, direction: string | null): string {
  const [from = "?", to = "?"] = (direction ?? "").split(/<->|->/);
  switch (kind) {
    case "group-attack":
      return `Attack in ${to} by a group based in ${from}`;
    case "state-strike":
      return `Strike by ${from}'s forces in ${to}`;
    case "state-clash":
      return `Clash between ${from}'s and ${to}'s forces`;
    case "border-closure":
      return "Border crossing closed";
    default:
      return kind;
  }
}

/** The `sources` column of an event row ("ucdp:512345; acled:PAK123") as labels. */
export function sourceLabels(column: string): string[] {
  if (column === "") return [];
  return column.split("; ").map((s) => {
    const at = s.indexOf(":");
    return at < 0 ? s : sourceLabel({ dataset: s.slice(0, at), nativeId: s.slice(at + 1) });
  });
}

/**
 * A party's name from the profile's list; "monitor" is how the mechanism's figures name the
 * reports the mediators filed themselves.
 */
export function partyLabel(
  parties: readonly { iso3: string; name: string }[],
  party: string | null,
): string {
  if (party === null) return "—";
  if (party === "monitor") return "Mediators (as monitor)";
  return parties.find((p) => p.iso3 === party)?.name ?? party;
}
