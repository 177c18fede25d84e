/** "Recent examples" and "What to watch next": the latest events with sources, the questions. */
import type { EventRef } from "../analysis/index.ts";
import { type EventIndex, span } from "./cite.ts";
import type { Block, BriefInput, BriefQuestion, Section } from "./types.ts";

const EXAMPLES = 6;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function recentSection(input: BriefInput, index: EventIndex): Section {
  const blocks: Block[] = [];
  const latest = (input.crossBorder.latest ?? []).slice(0, EXAMPLES);
  if (latest.length > 0) {
    index.note(latest);
    blocks.push({
      kind: "events",
      title: "Latest cross-border events",
      items: latest.map((e) => ({
        ...e,
        note: `${e.kind}${e.direction === null ? "" : ` ${e.direction}`}`,
      })),
    });
  }
  const since = addDays(input.to, -29);
  const deadliest = (input.trends.events ?? [])
    .filter((e) => e.date >= since && e.date <= input.to && (e.fatalities ?? 0) > 0)
    .sort((a, b) => (b.fatalities ?? 0) - (a.fatalities ?? 0) || b.date.localeCompare(a.date))
    .slice(0, EXAMPLES);
  if (deadliest.length > 0) {
    index.note(deadliest);
    blocks.push({
      kind: "events",
      title: `Deadliest events of the last 30 days (${span(since, input.to)})`,
      items: deadliest,
    });
  }
  if (blocks.length === 0) {
    blocks.push({
      kind: "text",
      text: "No cross-border or deadly events in the last 30 days of the period.",
    });
  }
  return { id: "recent", title: "Recent examples", blocks };
}

function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

function questionLine(q: BriefQuestion): string {
  if (q.status !== "open") {
    return `${q.text} — resolved ${q.status === "resolved_yes" ? "yes" : "no"}${q.resolvedOn === null ? "" : ` on ${q.resolvedOn}`}.`;
  }
  const last = q.history.at(-1);
  if (q.probability === null || last === undefined) {
    return `${q.text} — no forecast yet (run frontier forecast); closes ${q.closesOn}.`;
  }
  const before = q.history.at(-2);
  const moved =
    before === undefined ? "" : `, was ${pct(before.probability)} on data to ${before.dataEnd}`;
  return `${q.text} — ${pct(q.probability)} (${q.method ?? last.method}, data to ${last.dataEnd}${moved}); closes ${q.closesOn}.`;
}

export function watchSection(input: BriefInput): Section {
  const open = input.questions.filter((q) => q.status === "open");
  const closed = input.questions.filter((q) => q.status !== "open");
  const blocks: Block[] = [];
  if (input.questions.length === 0) {
    blocks.push({
      kind: "text",
      text: "The profile has no watch questions stored (run frontier forecast to store and forecast them).",
    });
  } else {
    blocks.push({
      kind: "text",
      text: "Will Kabul act, will the two sides coordinate, will mediators press, will it escalate? The profile's watch questions, with the latest forecast probability where one exists:",
    });
    blocks.push({ kind: "list", items: [...open, ...closed].map(questionLine) });
  }
  const reach = input.escalation.report.highest.last30;
  const next = input.profile.ladder.find((r) => r.rung === (reach?.rung ?? 0) + 1);
  if (next !== undefined) {
    blocks.push({
      kind: "text",
      text: `On the escalation ladder, the next rung to watch for is ${next.rung}: ${next.name}.`,
    });
  }
  return { id: "watch", title: "What to watch next", blocks };
}

export function appendixEvents(cited: ReadonlyMap<number, EventRef>): EventRef[] {
  return [...cited.values()].sort((a, b) => a.id - b.id);
}
