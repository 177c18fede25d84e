/** Citations, numbers and periods in words: shared by every section of a brief. */
import type { EventRef, Figures } from "../analysis/index.ts";
import type { Citation, Publisher } from "./types.ts";

/** How many events a figure cites in full; the rest are counted and reachable by its query. */
export const CITED_PER_FIGURE = 5;

export class EventIndex {
  readonly #refs: Map<number, EventRef>;
  /** Events cited so far, in the order first cited. */
  readonly cited = new Map<number, EventRef>();

  constructor(refs: readonly EventRef[]) {
    this.#refs = new Map(refs.map((r) => [r.id, r]));
  }

  add(refs: readonly EventRef[]): void {
    for (const r of refs) if (!this.#refs.has(r.id)) this.#refs.set(r.id, r);
  }

  /**
   * A citation of `ids`: the deadliest few in full (they weigh most in the figure), all of
   * them by id and by the query that lists them.
   */
  cite(ids: readonly number[], query: string | null): Citation {
    const known = ids.flatMap((id) => {
      const ref = this.#refs.get(id);
      return ref === undefined ? [] : [ref];
    });
    const cited = [...known]
      .sort((a, b) => (b.fatalities ?? -1) - (a.fatalities ?? -1) || b.date.localeCompare(a.date))
      .slice(0, CITED_PER_FIGURE);
    for (const r of cited) this.cited.set(r.id, r);
    return { eventIds: [...ids], cited, query };
  }

  /** Marks events as cited (lists of examples). */
  note(refs: readonly EventRef[]): void {
    for (const r of refs) this.cited.set(r.id, r);
  }
}

export function fmtInt(n: number): string {
  return n.toLocaleString("en");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}

export function fmtPct(n: number | null): string {
  if (n === null) return "n/a";
  return `${n > 0 ? "+" : ""}${n.toFixed(1)}%`;
}

export function killed(f: Figures): string {
  const { best, low, high } = f.fatalities;
  return low === best && high === best
    ? fmtInt(best)
    : `${fmtInt(best)} (${fmtInt(low)}–${fmtInt(high)})`;
}

export function span(from: string, to: string): string {
  return from === to ? from : `${from} … ${to}`;
}

/** `?a=1&b=2` without the empty parameters. */
export function apiQuery(
  path: string,
  params: Record<string, string | number | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  const text = search.toString();
  return text === "" ? path : `${path}?${text}`;
}

export function datasetsOf(refs: Iterable<EventRef>): Set<string> {
  const out = new Set<string>();
  for (const r of refs) for (const s of r.sources) out.add(s.dataset);
  return out;
}

/** The publishers whose data briefs use: cited in every brief, marked when the brief uses them. */
export function publishers(used: ReadonlySet<string>): Publisher[] {
  return [
    {
      dataset: "ucdp",
      name: "Uppsala Conflict Data Program (UCDP), Department of Peace and Conflict Research, Uppsala University",
      citation:
        "UCDP Georeferenced Event Dataset (GED) and Candidate Events Dataset. Sundberg, R. & Melander, E. (2013), Introducing the UCDP Georeferenced Event Dataset, Journal of Peace Research 50(4): 523–532; Hegre, H., Croicu, M., Eck, K. & Högbladh, S. (2020), Introducing the UCDP Candidate Events Dataset, Research & Politics 7(3). UCDP/PRIO Armed Conflict Dataset: Gleditsch, N. P. et al. (2002), Journal of Peace Research 39(5): 615–637.",
      url: "https://ucdp.uu.se",
      isUsed: used.has("ucdp"),
    },
    {
      dataset: "acled",
      name: "Armed Conflict Location & Event Data (ACLED)",
      citation:
        "Raleigh, C., Linke, A., Hegre, H. & Karlsen, J. (2010), Introducing ACLED: An Armed Conflict Location and Event Dataset, Journal of Peace Research 47(5): 651–660. Data used under ACLED's terms of use.",
      url: "https://acleddata.com",
      isUsed: used.has("acled"),
    },
    {
      dataset: "gdelt",
      name: "The GDELT Project",
      citation:
        "Leetaru, K. & Schrodt, P. A. (2013), GDELT: Global Data on Events, Location and Tone, 1979–2012, International Studies Association annual convention. GDELT 2.0 Event Database.",
      url: "https://www.gdeltproject.org",
      isUsed: used.has("gdelt"),
    },
  ];
}
