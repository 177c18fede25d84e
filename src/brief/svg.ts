/**
 * Charts as inline SVG strings, small enough to need no library: bars for counts per period,
 * a line with reference rules for an index. Each has a <title> and a <desc> (its text
 * alternative) and fixed fonts and colours, so it prints the same from Chromium.
 */
import type { BarChart, Chart, LineChart } from "./types.ts";

const W = 680;
const H = 220;
const M = { top: 16, right: 16, bottom: 36, left: 48 };
const INNER_W = W - M.left - M.right;
const INNER_H = H - M.top - M.bottom;

export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en") : n.toFixed(1);
}

function frame(chart: Chart, body: string[], max: number): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = M.top + INNER_H * (1 - f);
    return `<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${M.left - 6}" y="${y + 4}" text-anchor="end">${fmt(max * f)}</text>`;
  });
  const id = chart.title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" font-family="Helvetica, Arial, sans-serif" font-size="11" fill="#333">`,
    `<title id="${id}-t">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-d">${escapeXml(chart.alt)}</desc>`,
    ...ticks,
    ...body,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${M.top + INNER_H}" y2="${M.top + INNER_H}" stroke="#888"/>`,
    "</svg>",
  ].join("");
}

/** Labels on the x axis, thinned so that they never overlap (about 6.5 px a character). */
function xLabels(labels: readonly string[], x: (i: number) => number): string[] {
  const longest = Math.max(1, ...labels.map((l) => l.length));
  const room = longest * 6.5 + 12;
  const every = Math.max(1, Math.ceil((labels.length * room) / INNER_W));
  const last = labels.length - 1;
  return labels.flatMap((label, i) => {
    // The last label is always shown; a regular one too close before it gives way.
    const isShown = i === last || (i % every === 0 && x(last) - x(i) >= room);
    return isShown
      ? [
          `<text x="${x(i).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="${i === last && labels.length > 1 ? "end" : "middle"}">${escapeXml(label)}</text>`,
        ]
      : [];
  });
}

function bars(chart: BarChart): string {
  const max = niceMax(Math.max(0, ...chart.points.map((p) => p.value)));
  const n = Math.max(1, chart.points.length);
  const step = INNER_W / n;
  const width = Math.max(1, step * 0.8);
  const x = (i: number) => M.left + step * i + step / 2;
  const body = chart.points.map((p, i) => {
    const h = (INNER_H * p.value) / max;
    return `<rect x="${(x(i) - width / 2).toFixed(1)}" y="${(M.top + INNER_H - h).toFixed(1)}" width="${width.toFixed(1)}" height="${h.toFixed(1)}" fill="#4a6fa5"><title>${escapeXml(`${p.label}: ${fmt(p.value)} ${chart.unit}`)}</title></rect>`;
  });
  return frame(
    chart,
    [
      ...body,
      ...xLabels(
        chart.points.map((p) => p.label),
        x,
      ),
    ],
    max,
  );
}

function line(chart: LineChart): string {
  const top = Math.max(0, ...chart.points.map((p) => p.value), ...chart.rules.map((r) => r.value));
  const max = niceMax(top);
  const n = chart.points.length;
  const x = (i: number) => M.left + (n <= 1 ? INNER_W / 2 : (INNER_W * i) / (n - 1));
  const y = (v: number) => M.top + INNER_H * (1 - v / max);
  const path = chart.points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join("");
  const rules = chart.rules.map(
    (r) =>
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(r.value).toFixed(1)}" y2="${y(r.value).toFixed(1)}" stroke="#c0392b" stroke-dasharray="4 3"/><text x="${W - M.right}" y="${(y(r.value) - 3).toFixed(1)}" text-anchor="end" fill="#c0392b">${escapeXml(r.label)}</text>`,
  );
  const body = [
    ...rules,
    `<path d="${path}" fill="none" stroke="#4a6fa5" stroke-width="1.5"/>`,
    ...xLabels(
      chart.points.map((p) => p.label),
      x,
    ),
  ];
  return frame(chart, body, max);
}

export function renderChart(chart: Chart): string {
  return chart.kind === "bars" ? bars(chart) : line(chart);
}
