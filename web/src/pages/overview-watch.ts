import * as Plot from "@observablehq/plot";
import { dataDetails, dataTable, errorNote, fill, h, loading } from "../dom.ts";
import { fmtPct } from "../format.ts";
import type { QuestionsResponse } from "../types.ts";
import type { OverviewScope } from "./overview.ts";

type Question = QuestionsResponse["questions"][number];

const STATUS: Record<Question["status"], string> = {
  open: "open",
  resolved_yes: "resolved: yes",
  resolved_no: "resolved: no",
};

function history(q: Question): HTMLElement | null {
  const points = q.history.map((p) => ({
    date: new Date(`${p.dataEnd}T00:00:00Z`),
    p: p.probability * 100,
  }));
  if (points.length < 2) return null;
  const chart = Plot.plot({
    width: 240,
    height: 70,
    marginLeft: 30,
    ariaLabel: `Forecast history of: ${q.text}`,
    ariaDescription: `${points.length} forecasts, from ${fmtPct(q.history[0]?.probability)} to ${fmtPct(q.probability)}`,
    x: { type: "utc", label: null, ticks: 2 },
    y: { domain: [0, 100], ticks: 2, label: null },
    marks: [
      Plot.lineY(points, { x: "date", y: "p", stroke: "#1f618d" }),
      Plot.dot(points, { x: "date", y: "p", r: 2 }),
    ],
  });
  return h(
    "div",
    {},
    chart,
    dataDetails(
      dataTable(
        "Forecast history",
        ["Data to", "Issued", "Method", "Probability"],
        q.history.map((p) => [p.dataEnd, p.issuedAt.slice(0, 10), p.method, fmtPct(p.probability)]),
      ),
    ),
  );
}

function question(q: Question): HTMLElement {
  const probability =
    q.status !== "open"
      ? ""
      : q.probability === null
        ? h("span", { class: "muted" }, "no forecast yet")
        : h("strong", {}, `${fmtPct(q.probability)} chance`);
  const last = q.history.at(-1);
  return h(
    "li",
    { "data-question": q.id },
    h("h3", {}, q.text),
    h(
      "p",
      {},
      h("span", { class: "badge" }, STATUS[q.status]),
      q.resolvedOn ? ` on ${q.resolvedOn}` : "",
      " · ",
      probability,
      last === undefined ? "" : ` (${last.method}, data to ${last.dataEnd})`,
      ` · ${q.opensOn} to ${q.closesOn}`,
      q.score === null ? "" : ` · Brier score ${q.score.brier.toFixed(3)}`,
    ),
    q.criteria ? h("p", { class: "muted" }, q.criteria) : null,
    history(q),
  );
}

/** "What to watch next": the profile's questions with their current probability and history. */
export async function renderWatch(section: HTMLElement, scope: OverviewScope): Promise<void> {
  const body = h("div", {}, loading("watch questions"));
  section.append(body);
  try {
    const { questions } = await scope.get<QuestionsResponse>("/api/questions");
    const hasForecast = questions.some((q) => q.probability !== null);
    fill(
      body,
      questions.length === 0
        ? h("p", {}, "The profile lists no watch questions.")
        : h("ul", { class: "examples", id: "watch-questions" }, ...questions.map(question)),
      hasForecast
        ? null
        : h(
            "p",
            { class: "muted" },
            "No forecasts are stored yet: probabilities appear once the forecasting run has scored these questions.",
          ),
    );
  } catch (error) {
    fill(body, errorNote("watch questions", error));
  }
}
