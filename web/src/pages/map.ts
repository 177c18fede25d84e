import { getJson } from "../api.ts";
import { categoryColor } from "../colors.ts";
import { errorNote, fill, h, loading } from "../dom.ts";
import { filterForm, filterParams } from "../filters.ts";
import { fmtInt, sourceLabels } from "../format.ts";
import type { Page } from "../main.ts";
import type { EventCollection, EventFeature, GeoLayers } from "../types.ts";
import { canDrawMap, createEventMap, type EventMap } from "./map-layers.ts";

/** Events listed beside the map (the keyboard's way to every point in view). */
const LISTED = 50;

function placeOf(p: EventFeature["properties"]): string {
  return [p.place, p.admin1, p.country_iso3].filter((x) => x !== null && x !== "").join(", ");
}

function details(feature: EventFeature): HTMLElement {
  const p = feature.properties;
  const item = (term: string, value: string | null) =>
    value === null || value === "" ? [] : [h("dt", {}, term), h("dd", {}, value)];
  const killed =
    p.fatalities_best === null
      ? null
      : `${p.fatalities_best}${p.fatalities_low !== null && p.fatalities_high !== null ? ` (${p.fatalities_low}–${p.fatalities_high})` : ""}`;
  return h(
    "dl",
    { class: "details" },
    ...item(
      "Date",
      p.date_start === p.date_end ? p.date_start : `${p.date_start} to ${p.date_end}`,
    ),
    ...item("Where", `${placeOf(p)} (${p.geo_precision})`),
    ...item("Type", [p.category, p.mode, p.subtype].filter((x) => x !== null).join(" · ")),
    ...item("Actors", p.actors),
    ...item("Killed (best, low–high)", killed),
    ...item("Cross-border", p.cross_border ? (p.cross_border_direction ?? "yes") : "no"),
    ...item("Summary", p.summary),
    ...item("Sources", sourceLabels(p.sources).join(", ")),
    ...item("Event", `#${p.id}${p.simulated ? " (simulated, not real data)" : ""}`),
  );
}

function inBounds(f: EventFeature, [w, s, e, n]: [number, number, number, number]): boolean {
  if (f.geometry === null) return false;
  const [lon, lat] = f.geometry.coordinates;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** The map: events clustered by zoom and coloured by category, with filters and details. */
export const renderMap: Page = async (root, ctx) => {
  const status = h("p", { role: "status", "aria-live": "polite", id: "map-count" });
  const legend = h("ul", { class: "legend", "aria-label": "Categories on the map" });
  const list = h("ul", {
    class: "in-view",
    id: "map-list",
    "aria-label": "Events in view, newest first",
  });
  const panel = h("section", {
    "aria-live": "polite",
    id: "map-details",
    "aria-label": "Selected event",
  });
  const container = h("div", { id: "map", role: "region", "aria-label": "Map of events" });
  let filters = filterParams(ctx.params);
  let data: EventCollection = { type: "FeatureCollection", features: [] };
  let map: EventMap | null = null;

  const select = (feature: EventFeature) => {
    fill(
      panel,
      h("h2", {}, `${feature.properties.date_start} · ${placeOf(feature.properties)}`),
      details(feature),
    );
    map?.show(feature);
  };
  const listInView = () => {
    const bounds = map?.bounds();
    const shown = data.features
      .filter((f) => (bounds === undefined ? f.geometry !== null : inBounds(f, bounds)))
      .slice(0, LISTED);
    fill(
      list,
      ...shown.map((f) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", onclick: () => select(f) },
            h("span", {
              class: "swatch",
              style: `background:${categoryColor(f.properties.category)}`,
            }),
            `${f.properties.date_start} · ${placeOf(f.properties) || "?"} · ${f.properties.category ?? "?"}`,
            f.properties.fatalities_best ? ` · ${f.properties.fatalities_best} killed` : "",
          ),
        ),
      ),
    );
  };
  const describe = () => {
    const located = data.features.filter((f) => f.geometry !== null);
    const counts = new Map<string, number>();
    for (const f of located) {
      const key = f.properties.category ?? "unknown";
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    fill(
      status,
      `${fmtInt(located.length)} events on the map`,
      located.length < data.features.length
        ? `; ${fmtInt(data.features.length - located.length)} more have no coordinates`
        : "",
    );
    fill(
      legend,
      ...[...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([category, n]) =>
          h(
            "li",
            {},
            h("span", { class: "swatch", style: `background:${categoryColor(category)}` }),
            `${category} (${fmtInt(n)})`,
          ),
        ),
    );
    listInView();
  };
  const load = async () => {
    fill(status, loading("events"));
    data = await getJson<EventCollection>("/api/events.geojson", filters);
    map?.setEvents(data);
    describe();
  };

  const form = filterForm({
    meta: ctx.meta,
    params: ctx.params,
    label: "Filter the map",
    fields: ["from", "to", "category", "actor", "country"],
    onApply: (params) => {
      ctx.replaceParams(params);
      filters = filterParams(params);
      load().catch((error: unknown) => fill(status, errorNote("events", error)));
    },
  });
  root.append(
    h("h1", { tabindex: -1 }, "Map of events"),
    h(
      "div",
      { class: "map-layout" },
      h(
        "aside",
        {},
        form,
        status,
        legend,
        h("h2", {}, "Events in view"),
        h(
          "p",
          { class: "muted" },
          "Newest first; select one for its details and sources. Clusters on the map open on click.",
        ),
        list,
        panel,
      ),
      container,
    ),
  );
  try {
    const [geo] = await Promise.all([getJson<GeoLayers>("/api/geo"), load()]);
    if (!canDrawMap()) {
      fill(
        container,
        h(
          "p",
          { class: "error", role: "alert" },
          "This browser cannot draw maps (WebGL is off); the list beside holds the same events.",
        ),
      );
      return undefined;
    }
    if (geo.layers.length === 0) {
      status.after(
        h(
          "p",
          { class: "muted", id: "no-boundaries" },
          "No boundary files are configured (frontier serve --geo-dir): events are drawn without outlines.",
        ),
      );
    }
    map = await createEventMap({
      container,
      geo,
      data,
      onMove: listInView,
      onSelect: (id) => {
        const feature = data.features.find((f) => f.properties.id === id);
        if (feature !== undefined) select(feature);
      },
    });
    container.dataset.ready = "true";
    listInView();
  } catch (error) {
    fill(status, errorNote("the map", error));
  }
  return () => map?.remove();
};
