/** The API's response types, taken from the server code that builds them. */
import type { EventRow } from "../../src/store/event-list.ts";

export type {
  EscalationDay,
  EventRef,
  Evidence,
  TrendRow,
} from "../../src/analysis/index.ts";
export type { EscalationResponse } from "../../src/api/routes-analysis.ts";
export type { CodeResponse, ImportJobView as ImportJob } from "../../src/api/routes-data.ts";
export type { MetaResponse, QuestionsResponse } from "../../src/api/routes-meta.ts";
export type { DemandsResult, DemandView } from "../../src/app/demands.ts";
export type { TrendsResult } from "../../src/app/trends.ts";
// Straight from the files: the entry file also brings argon2, whose const enums tsc refuses here.
export type { MechanismFigures } from "../../src/verify/figures.ts";
export type { EventRow };

export interface EventsPage {
  items: EventRow[];
  nextCursor: string | null;
}

export interface GeoLayers {
  layers: { id: string; url: string }[];
}

/** A feature of `/api/events.geojson`: every exported column but the coordinates. */
export interface EventFeature {
  type: "Feature";
  id: number;
  geometry: { type: "Point"; coordinates: [number, number] } | null;
  properties: Omit<EventRow, "lat" | "lon">;
}

export interface EventCollection {
  type: "FeatureCollection";
  features: EventFeature[];
}
