import { SCORE_COLORS } from "../colors.ts";
import { errorNote, fill, h, loading } from "../dom.ts";
import { fmtInt, sourceLabel } from "../format.ts";
import type { DemandsResult, DemandView, Evidence, MetaResponse } from "../types.ts";
import type { OverviewScope } from "./overview.ts";

const PERIODS = 4;
/** Evidence items listed before "Show all". */
const SHOWN = 25;

function partyName(meta: MetaResponse, code: string): string {
  return meta.profile.parties.find((p) => p.iso3 === code)?.name ?? code;
}

export function evidenceItem(e: Evidence): HTMLElement {
  const where = [e.place, e.country].filter((p) => p !== null).join(", ");
  return h(
    "li",
    {},
    h("strong", {}, e.date),
    ` · ${where || "place unknown"}`,
    e.fatalities === null ? "" : ` · ${fmtInt(e.fatalities)} killed`,
    e.category === null ? "" : ` · ${e.category}`,
    e.summary ? h("p", {}, e.summary) : null,
    h(
      "p",
      { class: "sources" },
      `Sources: ${e.sources.map(sourceLabel).join(", ") || "none"} · event #${e.id} · rule ${e.rules.map((r) => r + 1).join(", ")}`,
    ),
  );
}

function evidenceList(title: string, events: readonly Evidence[]): HTMLElement {
  const list = [...events].reverse(); // newest first
  const ul = h("ul", { class: "evidence" }, ...list.slice(0, SHOWN).map(evidenceItem));
  const all =
    list.length > SHOWN
      ? h(
          "button",
          {
            type: "button",
            onclick: (event: Event) => {
              ul.replaceChildren(...list.map(evidenceItem));
              (event.currentTarget as HTMLElement).remove();
            },
          },
          `Show all ${list.length}`,
        )
      : null;
  return h(
    "section",
    { "aria-label": title },
    h("h3", {}, `${title}: ${list.length} event${list.length === 1 ? "" : "s"}`),
    list.length === 0 ? h("p", { class: "muted" }, "None in this period.") : ul,
    all,
  );
}

function openEvidence(view: DemandView, periodLabel: string, opener: HTMLElement): void {
  const close = h("button", { type: "button", "aria-label": "Close" }, "Close");
  const o = view.override;
  const dialog = h(
    "dialog",
    { "aria-labelledby": "evidence-title", id: "evidence-dialog" },
    h(
      "div",
      { class: "dialog-head" },
      h("h2", { id: "evidence-title" }, `${view.title} — ${periodLabel}`),
      close,
    ),
    h(
      "p",
      {},
      `Computed score ${view.computed.score} (${view.computed.label}): ${view.computed.basis}.`,
    ),
    o === null
      ? null
      : h(
          "p",
          {},
          `Analyst override: ${o.score} by ${o.author} — “${o.reason}”`,
          view.isOverrideStale ? " (made against a different computed score)" : "",
        ),
    h(
      "p",
      { class: "muted" },
      `Datasets examined: ${view.datasets.length === 0 ? "none (no events in the period)" : view.datasets.join(", ")}. Days ${view.start} to ${view.end}${view.isComplete ? "" : ", period still running"}.`,
    ),
    evidenceList("Progress", view.progress),
    evidenceList("Breach", view.breach),
  );
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}

function scoreCell(view: DemandView, periodLabel: string): HTMLElement {
  const shown = view.override?.score ?? view.computed.score;
  const color = SCORE_COLORS[shown as 0 | 1 | 2 | 3] ?? "#eee";
  const button = h(
    "button",
    {
      type: "button",
      class: "score",
      style: `background:${color}`,
      "data-demand": view.demandId,
      "aria-label": `${view.title}, ${periodLabel}: score ${shown} ${view.computed.label}; ${view.progress.length} progress and ${view.breach.length} breach events. Show the evidence.`,
    },
    h("strong", {}, `${shown} · ${view.override === null ? view.computed.label : "override"}`),
    h("small", {}, `${view.progress.length} progress · ${view.breach.length} breach`),
  );
  button.addEventListener("click", () => openEvidence(view, periodLabel, button));
  return button;
}

/** "What is demanded": each demand's 0–3 score per period, the evidence one click away. */
export async function renderDemands(
  section: HTMLElement,
  scope: OverviewScope,
  meta: MetaResponse,
): Promise<void> {
  const body = h("div", {}, loading("demands"));
  section.append(body);
  if (meta.demands.length === 0) {
    fill(body, h("p", {}, "The profile lists no demands."));
    return;
  }
  try {
    const result = await scope.get<DemandsResult>("/api/demands", {
      unit: "quarter",
      periods: PERIODS,
      asOf: scope.asOf,
    });
    const labels = result.periods.map((p) => (p.isComplete ? p.period : `${p.period} (so far)`));
    const rows = meta.demands.map((demand) => {
      const cells = result.periods.map((p, i) => {
        const view = p.demands.find((d) => d.demandId === demand.id);
        return h("td", {}, view === undefined ? "—" : scoreCell(view, labels[i] ?? p.period));
      });
      return h(
        "tr",
        {},
        h(
          "th",
          { scope: "row" },
          h("strong", {}, demand.title),
          h("br"),
          h(
            "small",
            { class: "muted" },
            `${partyName(meta, demand.by)} of ${partyName(meta, demand.of)}`,
          ),
        ),
        ...cells,
      );
    });
    const scale = Object.entries(result.scale)
      .map(([score, label]) => `${score} ${label}`)
      .join(", ");
    fill(
      body,
      h(
        "p",
        { class: "muted" },
        `Compliance per quarter on the Peace Accords Matrix scale (${scale}), computed from the events that the profile's rules count as progress or breach. Select a score to see its evidence.`,
      ),
      h(
        "div",
        { class: "scroll" },
        h(
          "table",
          { class: "data demands", id: "demands-table" },
          h("caption", {}, `Demand compliance by quarter, as of ${result.asOf}`),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Demand"),
              ...labels.map((l) => h("th", { scope: "col" }, l)),
            ),
          ),
          h("tbody", {}, ...rows),
        ),
      ),
    );
  } catch (error) {
    fill(body, errorNote("demands", error));
  }
}
