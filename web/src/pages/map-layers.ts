import {
  type ExpressionSpecification,
  type GeoJSONSource,
  MapLibreMap,
  Marker,
  NavigationControl,
  type StyleSpecification,
  setWorkerUrl,
} from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { CATEGORY_COLORS, UNKNOWN_COLOR } from "../colors.ts";
import type { EventCollection, EventFeature, GeoLayers } from "../types.ts";

// The bundler moves the worker; tell MapLibre where it went.
setWorkerUrl(workerUrl);

/** Whether this browser can draw the map at all (MapLibre needs WebGL). */
export function canDrawMap(): boolean {
  const canvas = document.createElement("canvas");
  return canvas.getContext("webgl2") !== null || canvas.getContext("webgl") !== null;
}

/** A style with no tiles, glyphs or sprites: everything drawn comes from this server. */
const STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#e8eff5" } }],
};

// Built from the colour table, so the tuple type of a literal "match" cannot be checked.
const categoryMatch = [
  "match",
  ["coalesce", ["get", "category"], "none"],
  ...Object.entries(CATEGORY_COLORS).flat(),
  UNKNOWN_COLOR,
] as unknown as ExpressionSpecification;

async function addBoundaries(map: MapLibreMap, geo: GeoLayers): Promise<void> {
  for (const layer of geo.layers) {
    const data = new URL(layer.url, location.href).href;
    map.addSource(`geo-${layer.id}`, { type: "geojson", data });
    if (layer.id === "countries") {
      map.addLayer({
        id: "countries-fill",
        type: "fill",
        source: "geo-countries",
        paint: { "fill-color": "#fbfaf4" },
      });
      map.addLayer({
        id: "countries-line",
        type: "line",
        source: "geo-countries",
        paint: { "line-color": "#7f8c8d", "line-width": 1 },
      });
    } else if (layer.id === "admin1") {
      map.addLayer({
        id: "admin1-line",
        type: "line",
        source: "geo-admin1",
        paint: { "line-color": "#b3b6b7", "line-width": 0.6 },
      });
    } else if (layer.id === "border") {
      map.addLayer({
        id: "border-line",
        type: "line",
        source: "geo-border",
        paint: { "line-color": "#34495e", "line-width": 1.8, "line-dasharray": [3, 2] },
      });
    }
  }
}

function addEventLayers(map: MapLibreMap, data: EventCollection): void {
  map.addSource("events", {
    type: "geojson",
    data,
    cluster: true,
    clusterRadius: 40,
    clusterMaxZoom: 9,
  });
  map.addLayer({
    id: "clusters",
    type: "circle",
    source: "events",
    filter: ["has", "point_count"],
    paint: {
      "circle-color": "#34495e",
      "circle-opacity": 0.8,
      "circle-radius": ["step", ["get", "point_count"], 12, 10, 16, 50, 22, 200, 28],
      "circle-stroke-color": "#fff",
      "circle-stroke-width": 1.5,
    },
  });
  map.addLayer({
    id: "points",
    type: "circle",
    source: "events",
    filter: ["!", ["has", "point_count"]],
    paint: {
      "circle-color": categoryMatch,
      "circle-radius": [
        "interpolate",
        ["linear"],
        ["coalesce", ["get", "fatalities_best"], 0],
        0,
        4,
        10,
        7,
        50,
        12,
      ],
      "circle-stroke-color": "#fff",
      "circle-stroke-width": 1,
    },
  });
}

/**
 * Cluster sizes as HTML labels: text on the canvas would need glyph tiles from a server, and the
 * dashboard loads nothing from elsewhere.
 */
function clusterLabels(map: MapLibreMap): () => void {
  const shown = new Map<number, Marker>();
  return () => {
    if (!map.getSource("events") || !map.isSourceLoaded("events")) return;
    const next = new Set<number>();
    for (const f of map.querySourceFeatures("events", { filter: ["has", "point_count"] })) {
      const id = Number(f.properties.cluster_id);
      if (next.has(id) || f.geometry.type !== "Point") continue;
      next.add(id);
      if (!shown.has(id)) {
        const el = document.createElement("span");
        el.className = "cluster-count";
        el.textContent = String(f.properties.point_count_abbreviated ?? f.properties.point_count);
        const [lon = 0, lat = 0] = f.geometry.coordinates;
        shown.set(id, new Marker({ element: el }).setLngLat([lon, lat]).addTo(map));
      }
    }
    for (const [id, marker] of shown) {
      if (!next.has(id)) {
        marker.remove();
        shown.delete(id);
      }
    }
  };
}

/** The box around the located events, or null when none has coordinates. */
function extent(data: EventCollection): [[number, number], [number, number]] | null {
  let box: [[number, number], [number, number]] | null = null;
  for (const f of data.features) {
    if (f.geometry === null) continue;
    const [lon, lat] = f.geometry.coordinates;
    box =
      box === null
        ? [
            [lon, lat],
            [lon, lat],
          ]
        : [
            [Math.min(box[0][0], lon), Math.min(box[0][1], lat)],
            [Math.max(box[1][0], lon), Math.max(box[1][1], lat)],
          ];
  }
  return box;
}

/** A map of the region with the boundaries this server serves and nothing from elsewhere. */
export async function createBaseMap(container: HTMLElement, geo: GeoLayers): Promise<MapLibreMap> {
  const map = new MapLibreMap({
    container,
    style: STYLE,
    center: [68.5, 32.5],
    zoom: 4.3,
    attributionControl: { compact: true, customAttribution: "Boundaries: Natural Earth" },
  });
  map.addControl(new NavigationControl({ showCompass: false }), "top-right");
  await new Promise<void>((resolve) => map.once("load", () => resolve()));
  await addBoundaries(map, geo);
  return map;
}

export interface EventMap {
  setEvents(data: EventCollection): void;
  show(feature: EventFeature): void;
  /** The map's current bounds as [west, south, east, north]. */
  bounds(): [number, number, number, number];
  remove(): void;
}

/** The map with boundaries and clustered events; `onSelect` gets a clicked event's id. */
export async function createEventMap(options: {
  container: HTMLElement;
  geo: GeoLayers;
  data: EventCollection;
  onSelect: (id: number) => void;
  onMove: () => void;
}): Promise<EventMap> {
  const map = await createBaseMap(options.container, options.geo);
  addEventLayers(map, options.data);
  const fitToEvents = (data: EventCollection) => {
    const box = extent(data);
    if (box !== null) map.fitBounds(box, { padding: 40, maxZoom: 8, duration: 0 });
  };
  fitToEvents(options.data);
  const labels = clusterLabels(map);
  map.on("render", labels);
  map.on("moveend", options.onMove);
  map.on("click", "clusters", async (e) => {
    const feature = e.features?.[0];
    if (feature === undefined || feature.geometry.type !== "Point") return;
    const source = map.getSource<GeoJSONSource>("events");
    const zoom = await source?.getClusterExpansionZoom(Number(feature.properties.cluster_id));
    const [lon = 0, lat = 0] = feature.geometry.coordinates;
    map.easeTo({ center: [lon, lat], zoom: zoom ?? map.getZoom() + 2 });
  });
  map.on("click", "points", (e) => {
    const id = Number(e.features?.[0]?.properties.id);
    if (Number.isFinite(id)) options.onSelect(id);
  });
  for (const layer of ["clusters", "points"]) {
    map.on("mouseenter", layer, () => {
      map.getCanvas().style.cursor = "pointer";
    });
    map.on("mouseleave", layer, () => {
      map.getCanvas().style.cursor = "";
    });
  }
  return {
    setEvents(data) {
      map.getSource<GeoJSONSource>("events")?.setData(data);
      fitToEvents(data);
    },
    show(feature) {
      if (feature.geometry === null) return;
      map.flyTo({ center: feature.geometry.coordinates, zoom: Math.max(map.getZoom(), 8) });
    },
    bounds() {
      const b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    },
    remove() {
      map.remove();
    },
  };
}
