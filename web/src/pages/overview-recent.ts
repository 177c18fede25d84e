import { categoryColor } from "../colors.ts";
import { errorNote, fill, h, loading } from "../dom.ts";
import { addDays, crossBorderLabel, fmtInt, sourceLabel, sourceLabels } from "../format.ts";
import type { EventRef, EventsPage, TrendsResult } from "../types.ts";
import type { OverviewScope } from "./overview.ts";

const DEADLIEST = 5;
const RECENT_DAYS = 30;

interface Example {
  id: number;
  date: string;
  where: string;
  label: string;
  category: string | null;
  killed: number | null;
  summary: string | null;
  sources: string[];
}

/** Up to `max` characters, cut at a word: UCDP summaries join every article's headline. */
function brief(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

function card(e: Example): HTMLElement {
  return h(
    "li",
    {},
    h(
      "article",
      { style: `border-left-color:${categoryColor(e.category)}`, "data-event": e.id },
      h("h3", {}, `${e.date} · ${e.where || "place unknown"}`),
      h(
        "p",
        {},
        h("span", { class: "badge" }, e.label),
        e.killed === null ? "" : ` ${fmtInt(e.killed)} killed`,
      ),
      e.summary ? h("p", { title: e.summary }, brief(e.summary)) : null,
      h("p", { class: "sources" }, `Sources: ${e.sources.join(", ") || "none"} · event #${e.id}`),
    ),
  );
}

function fromRef(ref: EventRef, label: string): Example {
  return {
    id: ref.id,
    date: ref.date,
    where: [ref.place, ref.country].filter((p) => p !== null).join(", "),
    label,
    category: ref.category,
    killed: ref.fatalities,
    summary: ref.summary,
    sources: ref.sources.map(sourceLabel),
  };
}

/** "Recent examples": the latest cross-border events and the deadliest events of the month. */
export async function renderRecent(section: HTMLElement, scope: OverviewScope): Promise<void> {
  const body = h("div", {}, loading("recent events"));
  section.append(body);
  try {
    const since = addDays(scope.asOf, 1 - RECENT_DAYS);
    const [crossBorder, recent] = await Promise.all([
      scope.get<TrendsResult>("/api/crossborder", {
        unit: "month",
        from: scope.from,
        to: scope.asOf,
        latest: 8,
      }),
      scope.get<EventsPage>("/api/events", { from: since, to: scope.asOf, limit: 1000 }),
    ]);
    const latest = (crossBorder.latest ?? [])
      .filter((item) => item.date <= scope.asOf)
      .slice(0, 4)
      .map((item) => fromRef(item, crossBorderLabel(item.kind, item.direction)));
    const shown = new Set(latest.map((e) => e.id));
    const deadliest = recent.items
      .filter((row) => (row.fatalities_best ?? 0) > 0 && !shown.has(row.id))
      .sort(
        (a, b) =>
          (b.fatalities_best ?? 0) - (a.fatalities_best ?? 0) ||
          b.date_start.localeCompare(a.date_start),
      )
      .slice(0, DEADLIEST)
      .map(
        (row): Example => ({
          id: row.id,
          date: row.date_start,
          where: [row.place, row.admin1, row.country_iso3].filter((p) => p !== null).join(", "),
          label: [row.category, row.subtype].filter((p) => p !== null).join(" · ") || "event",
          category: row.category,
          killed: row.fatalities_best,
          summary: row.summary,
          sources: sourceLabels(row.sources),
        }),
      );
    fill(
      body,
      h("h3", {}, "Latest cross-border events"),
      latest.length === 0
        ? h("p", { class: "muted" }, "None in the period.")
        : h("ul", { class: "examples", id: "recent-crossborder" }, ...latest.map(card)),
      h("h3", {}, `Deadliest events of the last ${RECENT_DAYS} days`),
      deadliest.length === 0
        ? h("p", { class: "muted" }, `No deaths recorded from ${since} to ${scope.asOf}.`)
        : h("ul", { class: "examples", id: "recent-deadliest" }, ...deadliest.map(card)),
    );
  } catch (error) {
    fill(body, errorNote("recent events", error));
  }
}
