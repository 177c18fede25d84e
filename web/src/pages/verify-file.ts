import { getJson } from "../api.ts";
import { h, labelled } from "../dom.ts";
import type { PageContext } from "../main.ts";
import type { GeoLayers } from "../types.ts";
import { MARKING_HELP, MARKINGS, post, type Report, type Session } from "../verify-api.ts";
import { card, onSubmit, verifyHref } from "./verify-parts.ts";

/** "12, 40 7" → [12, 40, 7]; anything else in the list is an error naming it. */
function eventIds(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter((x) => x !== "");
  return parts.map((part) => {
    const id = Number(part.replace(/^#/, ""));
    if (!Number.isInteger(id) || id <= 0) {
      throw new Error(`linked events: "${part}" is not an event number`);
    }
    return id;
  });
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");

/**
 * A map to pick the place with: a click fills the latitude and longitude fields, which can
 * also be typed (the keyboard's way). Drawn only where WebGL and boundary files exist.
 */
async function pickMap(
  container: HTMLElement,
  inputs: { lat: HTMLInputElement; lon: HTMLInputElement },
): Promise<(() => void) | undefined> {
  const layers = await import("./map-layers.ts");
  if (!layers.canDrawMap()) {
    container.replaceChildren(
      h("p", { class: "muted" }, "This browser cannot draw the map: type the coordinates."),
    );
    return undefined;
  }
  const geo = await getJson<GeoLayers>("/api/geo");
  const map = await layers.createBaseMap(container, geo);
  const { Marker } = await import("maplibre-gl");
  const marker = new Marker({ color: "#c0392b" });
  const place = () => {
    const lat = Number(inputs.lat.value);
    const lon = Number(inputs.lon.value);
    if (inputs.lat.value === "" || inputs.lon.value === "" || !Number.isFinite(lat + lon)) {
      marker.remove();
      return;
    }
    marker.setLngLat([lon, lat]).addTo(map);
  };
  map.on("click", (e) => {
    inputs.lat.value = e.lngLat.lat.toFixed(5);
    inputs.lon.value = e.lngLat.lng.toFixed(5);
    place();
  });
  inputs.lat.addEventListener("change", place);
  inputs.lon.addEventListener("change", place);
  return () => map.remove();
}

/** The form a liaison or mediator files an incident report with. */
export async function renderFileForm(
  root: HTMLElement,
  ctx: PageContext,
  s: Session,
): Promise<(() => void) | undefined> {
  const title = h("input", { id: "report-title", name: "title", required: true, maxlength: 200 });
  const description = h("textarea", {
    id: "report-description",
    name: "description",
    rows: 6,
    required: true,
  });
  const occurred = h("input", {
    id: "report-occurred",
    name: "occurredOn",
    type: "date",
    required: true,
    max: ctx.meta.today,
  });
  const placeName = h("input", { id: "report-place", name: "place" });
  const lat = h("input", {
    id: "report-lat",
    name: "lat",
    type: "number",
    step: "any",
    min: -90,
    max: 90,
  });
  const lon = h("input", {
    id: "report-lon",
    name: "lon",
    type: "number",
    step: "any",
    min: -180,
    max: 180,
  });
  const commitment = h(
    "select",
    { id: "report-commitment", name: "commitment", required: true },
    h("option", { value: "ceasefire" }, "Ceasefire"),
    ...ctx.meta.demands.map((d) => h("option", { value: d.id }, `Demand: ${d.title}`)),
  );
  const others = ctx.meta.profile.parties.filter((p) => p.iso3 !== s.account.party);
  const against = h(
    "select",
    { id: "report-against", name: "against" },
    h("option", { value: "" }, "no party named"),
    ...others.map((p) => h("option", { value: p.iso3 }, p.name)),
  );
  const markings = h(
    "fieldset",
    { id: "report-marking" },
    h("legend", {}, "Who may read it (TLP marking, fixed once filed)"),
    ...MARKINGS.map((m) =>
      h(
        "label",
        { class: "inline", for: `marking-${m}` },
        h(
          "span",
          {},
          h("input", {
            type: "radio",
            name: "marking",
            id: `marking-${m}`,
            value: m,
            required: true,
            checked: m === "AMBER",
          }),
          ` ${MARKING_HELP[m] ?? m}`,
        ),
      ),
    ),
  );
  const recipients = h("input", { id: "report-recipients", name: "recipients" });
  const persons = h("textarea", { id: "report-persons", name: "persons", rows: 2 });
  const events = h("input", { id: "report-events", name: "eventIds", inputmode: "numeric" });
  const mapBox = h("div", {
    id: "pick-map",
    class: "pick-map",
    role: "application",
    "aria-label": "Map: click to set the place",
  });
  const out = h("div", { "aria-live": "polite", id: "file-status" });
  const form = h(
    "form",
    { id: "file-form", "aria-label": "File an incident report" },
    labelled("report-title", "Title", title),
    labelled("report-description", "What happened", description),
    h(
      "div",
      { class: "controls" },
      labelled("report-occurred", "When (day)", occurred),
      labelled("report-commitment", "The commitment it concerns", commitment),
      labelled("report-against", "Concerning the party", against),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Where: a place name, a point on the map, or both"),
      h(
        "div",
        { class: "controls" },
        labelled("report-place", "Place name", placeName),
        labelled("report-lat", "Latitude", lat),
        labelled("report-lon", "Longitude", lon),
      ),
      mapBox,
    ),
    markings,
    labelled(
      "report-recipients",
      "Recipients (TLP:RED only)",
      recipients,
      "Account names, separated by commas; name at least one mediator.",
    ),
    labelled(
      "report-persons",
      "Private persons named in the text",
      persons,
      "One per line: their names are removed from anything published.",
    ),
    labelled(
      "report-events",
      "Linked events",
      events,
      "Event numbers from the Events page, e.g. 1204, 1311.",
    ),
    h("button", { type: "submit", class: "primary" }, "File the report"),
    out,
  );
  onSubmit(form, out, async () => {
    const marking = new FormData(form).get("marking");
    const hasPoint = lat.value !== "" || lon.value !== "";
    if (hasPoint && (lat.value === "" || lon.value === "")) {
      throw new Error("give both latitude and longitude, or neither (a place name alone will do)");
    }
    const report = await post<Report>("/reports", {
      title: title.value,
      description: description.value,
      occurredOn: occurred.value,
      place: {
        name: placeName.value.trim() === "" ? null : placeName.value.trim(),
        lat: hasPoint ? Number(lat.value) : null,
        lon: hasPoint ? Number(lon.value) : null,
      },
      eventIds: eventIds(events.value),
      commitment: commitment.value,
      against: against.value === "" ? null : against.value,
      marking,
      recipients: marking === "RED" ? lines(recipients.value) : [],
      persons: lines(persons.value),
    });
    location.hash = verifyHref({ report: report.id });
  });
  root.append(
    h("p", {}, h("a", { href: verifyHref() }, "← All reports")),
    card(
      "file-report",
      "File an incident report",
      h(
        "p",
        { class: "muted" },
        s.account.party
          ? `Filed for ${ctx.meta.profile.parties.find((p) => p.iso3 === s.account.party)?.name ?? s.account.party}. Evidence files can be added on the report's page once it is filed.`
          : "Filed by the mediators (as the monitor). Evidence files can be added on the report's page once it is filed.",
      ),
      form,
    ),
  );
  return pickMap(mapBox, { lat, lon }).catch(() => {
    mapBox.replaceChildren(
      h("p", { class: "muted" }, "The map could not be drawn: type the coordinates."),
    );
    return undefined;
  });
}
