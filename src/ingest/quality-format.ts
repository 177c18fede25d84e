/** The data-quality report as a few lines for the terminal, and as Markdown for `--report`. */
import type { CountRange } from "./items.ts";
import type { QualityReport, ValueList } from "./quality.ts";

const SHOWN_IN_SUMMARY = 5;

/** A few indented lines to print after an import's summary line. */
export function formatQualitySummary(report: QualityReport): string[] {
  const { rows } = report;
  const lines = [
    `rows: ${rows.kept} kept of ${rows.read} valid` +
      ` (outside the region ${rows.outsideRegion}, rejected ${rows.rejected}` +
      `${rows.skipped > 0 ? `, skipped ${rows.skipped}` : ""})`,
  ];
  if (Object.keys(report.datePrecision).length > 0) {
    lines.push(
      `precision: dates ${counts(report.datePrecision)}; places ${counts(report.geoPrecision)}`,
    );
  }
  const missing = Object.entries(report.missing).filter(([, n]) => n > 0);
  if (missing.length > 0) lines.push(`missing: ${missing.map(([f, n]) => `${f} ${n}`).join(", ")}`);
  const unmatched = [
    ["admin1 names", report.unmatched.admin1],
    ["admin2 names", report.unmatched.admin2],
    ["actors", report.unmatched.actors],
  ] as const;
  for (const [what, list] of unmatched) {
    if (list.values.length > 0) lines.push(`unmatched ${what} ${valueSummary(list)}`);
  }
  if (rows.outsideRegion > 0) {
    lines.push(`outside the region: ${valueSummary(report.outsideRegion)}`);
  }
  const dup = report.duplicates;
  if (dup.groups > 0) {
    const example = dup.examples[0]?.lines.join(", ") ?? "";
    lines.push(
      `likely duplicates in the file: ${dup.groups} groups, ${dup.rows} rows (e.g. lines ${example})`,
    );
  }
  const years = report.fatalitiesByYear.filter((y) => y.best > 0 || y.keptBest > 0);
  if (years.length > 0) {
    const same = years.every((y) => y.best === y.keptBest);
    const cells = years.map((y) => `${y.year} ${same ? y.best : `${y.best}/${y.keptBest}`}`);
    lines.push(`fatalities by year${same ? "" : " (file/kept)"}: ${cells.join(", ")}`);
  }
  if (report.fileTotals !== null) lines.push(totalsLine(report.fileTotals));
  if (report.conflictYears.length > 0) {
    const first = report.conflictYears[0];
    const last = report.conflictYears.at(-1);
    const wars = report.conflictYears.filter((y) => y.wars > 0).map((y) => y.year);
    lines.push(
      `conflict-years ${first?.year}–${last?.year}; years with a war: ${wars.length > 0 ? compactYears(wars) : "none"}`,
    );
  }
  if (report.gdelt?.slot) lines.push(`slot: ${report.gdelt.slot} (from ${report.gdelt.slotFrom})`);
  if (report.notes.count > 0) {
    const [first] = report.notes.examples;
    const example =
      first === undefined
        ? ""
        : ` (e.g. line ${first.line}${first.field === null ? "" : `, field "${first.field}"`}: ${first.message})`;
    lines.push(`notes: ${report.notes.count}${example}`);
  }
  return lines;
}

function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .sort(([, a], [, b]) => b - a)
    .map(([key, n]) => `${key} ${n}`)
    .join(", ");
}

function valueSummary(list: ValueList): string {
  const rows = list.values.reduce((sum, v) => sum + v.count, 0) + list.otherRows;
  const names = `${list.values.length}${list.isTruncated ? "+" : ""}`;
  const shown = list.values
    .slice(0, SHOWN_IN_SUMMARY)
    .map((v) => `${JSON.stringify(v.value)} ${v.count}`);
  const more = list.values.length > SHOWN_IN_SUMMARY ? ", …" : "";
  return `(${names} distinct, ${rows} rows): ${shown.join(", ")}${more}`;
}

function range(r: CountRange | null): string {
  if (r === null) return "none";
  const parts = [
    r.best === null ? null : `best ${r.best}`,
    r.low === null ? null : `min ${r.low}`,
    r.high === null ? null : `max ${r.high}`,
  ].filter((part) => part !== null);
  return parts.join(", ") || "none";
}

function totalsLine(fileTotals: NonNullable<QualityReport["fileTotals"]>): string {
  const { totals, rowSums } = fileTotals;
  const given = totals.fatalities;
  const isSame =
    given === null ||
    ((given.low === null || given.low === rowSums.fatalities.low) &&
      (given.high === null || given.high === rowSums.fatalities.high));
  return (
    `the file's totals (line ${totals.line}): fatalities ${range(given)}; ` +
    `its rows sum to ${range(rowSums.fatalities)}${isSame ? " (they agree)" : " (they differ)"}`
  );
}

/** 2001, 2002, 2003, 2007 → "2001–2003, 2007". */
function compactYears(years: readonly number[]): string {
  const out: string[] = [];
  let start = years[0] ?? 0;
  let previous = start;
  for (const year of [...years.slice(1), Number.NaN]) {
    if (year === previous + 1) {
      previous = year;
      continue;
    }
    out.push(start === previous ? String(start) : `${start}–${previous}`);
    start = year;
    previous = year;
  }
  return out.join(", ");
}

/** The reports of one command's files as a Markdown document. */
export function formatQualityMarkdown(reports: readonly QualityReport[]): string {
  const parts = ["# Import data-quality report", ""];
  for (const report of reports) parts.push(...markdownSection(report));
  return `${parts.join("\n")}\n`;
}

function markdownSection(report: QualityReport): string[] {
  const out = [`## ${report.file} (${report.dataset})`, ""];
  out.push(...formatQualitySummary(report).map((line) => `- ${line}`), "");
  const table = (title: string, head: string[], rows: (string | number | null)[][]) => {
    if (rows.length === 0) return;
    out.push(`### ${title}`, "", `| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`);
    for (const row of rows)
      out.push(`| ${row.map((c) => (c === null ? "" : escapeCell(String(c)))).join(" | ")} |`);
    out.push("");
  };
  table(
    "Fatalities by year",
    ["year", "rows in file", "best", "min", "max", "rows kept", "best kept", "injured"],
    report.fatalitiesByYear.map((y) => [
      y.year,
      y.rows,
      y.best,
      y.low,
      y.high,
      y.keptRows,
      y.keptBest,
      y.injured,
    ]),
  );
  table(
    "Missing fields (rows kept)",
    ["field", "rows without it"],
    Object.entries(report.missing).map(([field, n]) => [field, n]),
  );
  const lists = [
    ["Unmatched admin1 names", report.unmatched.admin1],
    ["Unmatched admin2 names", report.unmatched.admin2],
    ["Unmatched actors", report.unmatched.actors],
    ["Outside the region", report.outsideRegion],
  ] as const;
  for (const [title, list] of lists) {
    const rows: (string | number)[][] = list.values.map((v) => [v.value, v.count]);
    if (list.otherRows > 0)
      rows.push([`(other values, past the first ${list.values.length})`, list.otherRows]);
    table(title, ["value", "rows"], rows);
  }
  table(
    "Likely duplicates in the file (first groups)",
    ["lines"],
    report.duplicates.examples.map((e) => [e.lines.join(", ")]),
  );
  table(
    "Rejected rows by field",
    ["field", "rows"],
    Object.entries(report.rejected.byField).map(([field, n]) => [field, n]),
  );
  table(
    "Notes (first ones)",
    ["line", "field", "value", "note"],
    report.notes.examples.map((n) => [n.line, n.field, n.value, n.message]),
  );
  table(
    "Conflict-years",
    ["year", "conflicts", "wars"],
    report.conflictYears.map((y) => [y.year, y.conflicts, y.wars]),
  );
  return out;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
