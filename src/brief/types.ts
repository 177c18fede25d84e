/**
 * What a brief is built from (the results of the analysis the CLI and the API compute) and
 * what it is: a document of sections, each a list of blocks that both renderers draw. The
 * input types are structural, so the application's results fit them as they are.
 */
import type {
  Alert,
  CrossBorderItem,
  EscalationReport,
  EventRef,
  Evidence,
  Figures,
  TrendRow,
} from "../analysis/index.ts";
import type { MechanismFigures } from "../verify/index.ts";

export interface BriefDemand {
  demandId: string;
  title: string;
  period: string;
  start: string;
  end: string;
  isComplete: boolean;
  progress: Evidence[];
  breach: Evidence[];
  datasets: string[];
  computed: { score: number; label: string; basis: string };
  override: { score: number; author: string; reason: string; createdAt: string } | null;
  isOverrideStale: boolean;
}

export interface BriefQuestion {
  id: string;
  text: string;
  status: string;
  closesOn: string;
  probability: number | null;
  method: string | null;
  history: { issuedAt: string; dataEnd: string; probability: number; method: string }[];
  resolvedOn: string | null;
}

export interface BriefInput {
  profile: {
    id: string;
    name: string;
    description: string | null;
    parties: { iso3: string; name: string }[];
    demands: { id: string; title: string; by: string; of: string; description: string }[];
    ladder: { rung: number; id: string; name: string }[];
    thresholds: { elevated: number; high: number; severe: number };
  };
  /** The period of the brief, YYYY-MM-DD, both days included. */
  from: string;
  to: string;
  /** The day the brief was made (passed in: rendering never reads the clock). */
  generatedOn: string;
  /** First and last day of the stored (real) events; null when there are none. */
  dataRange: { first: string; last: string } | null;
  /** Monthly events and fatalities, with the events behind each month (`explain`). */
  trends: { rows: TrendRow[]; totals: Figures; events?: EventRef[] };
  /** The same months by PLOVER category. */
  categories: { rows: TrendRow[] };
  /** Cross-border events by kind and direction, with the latest ones. */
  crossBorder: { rows: TrendRow[]; totals: Figures; latest?: CrossBorderItem[] };
  demands: {
    asOf: string;
    unit: string;
    scale: Record<number, string>;
    periods: {
      period: string;
      start: string;
      end: string;
      isComplete: boolean;
      demands: BriefDemand[];
    }[];
  };
  /** The escalation report, with the events behind its days and rungs (`explain`). */
  escalation: { report: EscalationReport; events?: EventRef[] };
  questions: BriefQuestion[];
  /**
   * The verification mechanism's figures as of `figures.asOf` (the day the brief is made, or
   * `to` when the brief was asked to end then), over published findings only (a brief is
   * public); `publishedAfter` counts the findings published after that day, left out, and
   * `withheld` the TLP:RED findings, whose summaries name no party or filing day.
   */
  mechanism: { figures: MechanismFigures; publishedAfter: number; withheld: number };
}

/** The events behind a figure: some cited with their sources, all reachable by a query. */
export interface Citation {
  /** Every event id behind the figure. */
  eventIds: number[];
  /** The ones cited in full (with sources), at most a few. */
  cited: EventRef[];
  /** The API request that lists exactly these events. */
  query: string | null;
}

export interface Figure {
  label: string;
  value: string;
  /** The period it covers, in words ("2026-07-01 … 2026-07-31"). */
  period: string;
  note?: string;
  citation: Citation | null;
}

export interface BarChart {
  kind: "bars";
  title: string;
  /** What a screen reader says in place of the chart. */
  alt: string;
  unit: string;
  points: { label: string; value: number }[];
}

export interface LineChart {
  kind: "line";
  title: string;
  alt: string;
  unit: string;
  points: { label: string; value: number }[];
  /** Horizontal reference lines (thresholds). */
  rules: { label: string; value: number }[];
}

export type Chart = BarChart | LineChart;

export type Block =
  | { kind: "text"; text: string }
  | { kind: "figures"; items: Figure[] }
  | { kind: "table"; caption: string; head: string[]; rows: string[][] }
  | { kind: "chart"; chart: Chart; caption: string }
  | { kind: "events"; title: string; items: (EventRef & { note?: string })[] }
  | { kind: "list"; items: string[] };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface Publisher {
  dataset: string;
  name: string;
  citation: string;
  url: string;
  /** Whether the brief's events include this dataset. */
  isUsed: boolean;
}

export interface Brief {
  title: string;
  subtitle: string;
  generatedOn: string;
  from: string;
  to: string;
  sections: Section[];
  publishers: Publisher[];
  /** Every event cited anywhere, by id, for the appendix. */
  cited: EventRef[];
}

export type { Alert };
