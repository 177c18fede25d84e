import { getJson, query } from "../api.ts";
import { type Child, errorNote, fill, h, loading } from "../dom.ts";
import { FILTER_FIELDS, filterForm, filterParams } from "../filters.ts";
import { fmtInt, sourceLabels } from "../format.ts";
import type { Page } from "../main.ts";
import type { EventRow, EventsPage } from "../types.ts";

const PAGE_SIZE = 100;

function where(row: EventRow): string {
  return [row.place, row.admin1, row.country_iso3].filter((p) => p !== null && p !== "").join(", ");
}

function killed(row: EventRow): string {
  if (row.fatalities_best === null) return "—";
  const { fatalities_low: low, fatalities_high: high } = row;
  const range =
    low !== null && high !== null && (low !== row.fatalities_best || high !== row.fatalities_best);
  return range ? `${row.fatalities_best} (${low}–${high})` : String(row.fatalities_best);
}

function eventRow(row: EventRow): HTMLTableRowElement {
  const cells: [Child, string?][] = [
    [row.date_start, "nowrap"],
    [where(row) || "—"],
    [h("span", {}, row.category ?? "—", row.subtype ? h("br") : null, row.subtype ?? "")],
    [row.actors || "—"],
    [killed(row), "num"],
    [row.cross_border ? (row.cross_border_direction ?? "yes") : "no"],
    [h("span", { class: "sources" }, sourceLabels(row.sources).join(", "))],
    [
      h(
        "span",
        {},
        row.simulated ? h("span", { class: "badge simulated" }, "simulated") : null,
        row.simulated ? " " : "",
        row.summary ?? "",
      ),
    ],
  ];
  return h(
    "tr",
    { "data-id": row.id },
    ...cells.map(([content, cls]) => h("td", { class: cls }, content)),
  );
}

const HEAD: [string, string?][] = [
  ["Date"],
  ["Where"],
  ["Category / type"],
  ["Actors"],
  ["Killed (best)", "num"],
  ["Cross-border"],
  ["Sources"],
  ["Summary"],
];

/** The events table with the API's filters, cursor paging and exports of the filtered view. */
export const renderEvents: Page = async (root, ctx) => {
  const status = h("p", { role: "status", "aria-live": "polite", id: "events-count" });
  const exports = h("p", { class: "exports" });
  const tbody = h("tbody");
  const more = h("button", { type: "button", hidden: true }, "Load more");
  const table = h(
    "table",
    { class: "data", id: "events-table" },
    h("caption", {}, "Events, newest first"),
    h(
      "thead",
      {},
      h("tr", {}, ...HEAD.map(([text, cls]) => h("th", { scope: "col", class: cls }, text))),
    ),
    tbody,
  );
  let filters = filterParams(ctx.params);
  let cursor: string | null = null;
  let generation = 0;

  const loadPage = async (first: boolean) => {
    const mine = generation;
    const page = await getJson<EventsPage>("/api/events", {
      ...filters,
      limit: PAGE_SIZE,
      cursor: first ? undefined : (cursor ?? undefined),
    });
    if (mine !== generation) return;
    if (first) tbody.replaceChildren();
    tbody.append(...page.items.map(eventRow));
    cursor = page.nextCursor;
    more.hidden = cursor === null;
  };

  const reload = async () => {
    generation++;
    const mine = generation;
    fill(status, loading("events"));
    const q = query(filters);
    fill(
      exports,
      "Export this view: ",
      h("a", { href: `/api/events.csv${q}`, download: "events.csv", id: "export-csv" }, "CSV"),
      " · ",
      h(
        "a",
        { href: `/api/events.geojson${q}`, download: "events.geojson", id: "export-geojson" },
        "GeoJSON",
      ),
    );
    try {
      const [{ count }] = await Promise.all([
        getJson<{ count: number }>("/api/events/count", filters),
        loadPage(true),
      ]);
      if (mine !== generation) return;
      fill(
        status,
        `${fmtInt(count)} event${count === 1 ? "" : "s"} match`,
        count > PAGE_SIZE ? `; showing the newest, ${PAGE_SIZE} at a time` : "",
      );
    } catch (error) {
      if (mine === generation) fill(status, errorNote("events", error));
    }
  };

  more.addEventListener("click", () => {
    loadPage(false).catch((error: unknown) => fill(status, errorNote("more events", error)));
  });

  const form = filterForm({
    meta: ctx.meta,
    params: ctx.params,
    label: "Filter events",
    fields: FILTER_FIELDS,
    onApply: (params) => {
      ctx.replaceParams(params);
      filters = filterParams(params);
      void reload();
    },
  });

  root.append(
    h("h1", { tabindex: -1 }, "Events"),
    h(
      "p",
      { class: "muted" },
      "Every stored event with its sources. The filters are the API's; the exports hold exactly the rows of the filtered view.",
    ),
    form,
    status,
    exports,
    h("div", { class: "scroll", tabindex: 0, "aria-label": "Events table" }, table),
    more,
  );
  await reload();
  return undefined;
};
