import { sharedGetter } from "../api.ts";
import { append, h } from "../dom.ts";
import { addDays, monthsBefore } from "../format.ts";
import type { Page } from "../main.ts";
import { renderDemands } from "./overview-demands.ts";
import { renderEscalation } from "./overview-escalation.ts";
import { renderMechanism } from "./overview-mechanism.ts";
import { renderRecent } from "./overview-recent.ts";
import { renderTrends } from "./overview-trends.ts";
import { renderWatch } from "./overview-watch.ts";

/** What each section gets: when the view ends and starts, and a shared fetcher. */
export interface OverviewScope {
  asOf: string;
  /** First day of the trend charts. */
  from: string;
  get: ReturnType<typeof sharedGetter>;
}

const SPANS = [
  ["12", "12 months"],
  ["36", "3 years"],
  ["120", "10 years"],
] as const;

/**
 * The situation in the shape of the seed article: rising tensions, what is demanded, recent
 * examples, the risk of escalation and what to watch next.
 */
export const renderOverview: Page = async (root, ctx) => {
  const range = ctx.meta.dataRange;
  // Monitoring stops when the data does: by default the view ends on the last stored day.
  const defaultAsOf = range?.last ?? ctx.meta.today;
  const asOf = ctx.params.get("asOf") || defaultAsOf;
  const months = Number(ctx.params.get("months") || "12");
  const scope: OverviewScope = {
    asOf,
    from: monthsBefore(asOf, Math.max(1, months) - 1),
    get: sharedGetter(),
  };

  const asOfInput = h("input", {
    type: "date",
    name: "asOf",
    id: "as-of",
    value: asOf,
    max: ctx.meta.today,
  });
  const spanSelect = h(
    "select",
    { name: "months", id: "months" },
    ...SPANS.map(([v, text]) => h("option", { value: v, selected: Number(v) === months }, text)),
  );
  const controls = h(
    "form",
    { class: "controls", "aria-label": "Period of the overview" },
    h("label", { for: "as-of" }, "As of", asOfInput),
    h("label", { for: "months" }, "Trend over the last", spanSelect),
    h("button", { type: "submit", class: "primary" }, "Show"),
  );
  controls.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (asOfInput.value && asOfInput.value !== defaultAsOf) next.set("asOf", asOfInput.value);
    if (spanSelect.value !== "12") next.set("months", spanSelect.value);
    const search = next.toString();
    location.hash = `#/overview${search ? `?${search}` : ""}`;
  });

  const stale =
    range !== null && range.last < addDays(ctx.meta.today, -30)
      ? ` The latest stored event is of ${range.last}; today is ${ctx.meta.today}: import newer data to follow the present.`
      : "";
  const section = (id: string, title: string, wide = false) =>
    h(
      "section",
      { class: wide ? "card wide" : "card", id, "aria-labelledby": `${id}-h` },
      h("h2", { id: `${id}-h` }, title),
    );
  const trends = section("rising-tensions", "Rising tensions, rising attacks", true);
  const demands = section("demands", "What is demanded", true);
  const recent = section("recent", "Recent examples");
  const escalation = section("escalation", "Risk of escalation");
  const watch = section("watch", "What to watch next", true);
  const mechanism = section("mechanism", "Monitoring and verification mechanism", true);

  append(
    root,
    h("h1", { tabindex: -1 }, ctx.meta.profile.name),
    ctx.meta.profile.description ? h("p", {}, ctx.meta.profile.description) : null,
    range === null
      ? h(
          "p",
          { class: "error", role: "alert" },
          "No events are stored yet. Import data first, e.g. `npx frontier import ucdp FILE`.",
        )
      : h(
          "p",
          { class: "muted" },
          `Stored events run from ${range.first} to ${range.last}. Figures are as of ${asOf}.${stale}`,
        ),
    controls,
    h("div", { class: "grid" }, trends, demands, recent, escalation, watch, mechanism),
  );
  await Promise.all([
    renderTrends(trends, scope),
    renderDemands(demands, scope, ctx.meta),
    renderRecent(recent, scope),
    renderEscalation(escalation, scope),
    renderWatch(watch, scope),
    // The mechanism is live, unlike the imported event data: its figures are today's unless
    // a day was chosen.
    renderMechanism(mechanism, scope, {
      meta: ctx.meta,
      asOf: ctx.params.get("asOf") || ctx.meta.today,
    }),
  ]);
  return undefined;
};
