/**
 * One colour per PLOVER category, the same in every chart and on the map: violent and coercive
 * categories warm, verbal conflict purple, cooperation blue and green.
 */
export const CATEGORY_COLORS: Record<string, string> = {
  ASSAULT: "#c0392b",
  COERCE: "#e67e22",
  MOBILIZE: "#d4a017",
  SANCTION: "#a0522d",
  PROTEST: "#8e44ad",
  THREATEN: "#b03a7a",
  REJECT: "#7d3c98",
  ACCUSE: "#9b59b6",
  REQUEST: "#5d6d7e",
  RETREAT: "#7f8c8d",
  AID: "#16a085",
  COOPERATE: "#1e8449",
  CONCEDE: "#52be80",
  SUPPORT: "#2e86c1",
  CONSULT: "#5dade2",
  AGREE: "#1f618d",
};

export const UNKNOWN_COLOR = "#95a5a6";

export function categoryColor(category: string | null): string {
  return category === null ? UNKNOWN_COLOR : (CATEGORY_COLORS[category] ?? UNKNOWN_COLOR);
}

/** The 0–3 compliance scale, from not initiated (red) to full (green). */
export const SCORE_COLORS = ["#f5b7b1", "#fad7a0", "#f9e79f", "#abebc6"] as const;

export const LEVEL_COLORS: Record<string, string> = {
  elevated: "#f4d03f",
  high: "#e67e22",
  severe: "#c0392b",
};
