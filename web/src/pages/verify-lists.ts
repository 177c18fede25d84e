/** The Mechanism page's lists: the reports an account reads, its requests, published findings. */
import { dataTable, errorNote, fill, h, labelled, loading } from "../dom.ts";
import type { PageContext } from "../main.ts";
import {
  get,
  MARKINGS,
  type PublicSummary,
  REPORT_STATUSES,
  type ReportItem,
  type RequestItem,
  type Session,
  statusLabel,
} from "../verify-api.ts";
import {
  card,
  commitmentName,
  markingBadge,
  partyName,
  requestBlock,
  verifyHref,
} from "./verify-parts.ts";

function choice(
  ctx: PageContext,
  name: string,
  label: string,
  options: readonly (readonly [string, string])[],
): HTMLElement {
  const id = `reports-${name}`;
  const select = h(
    "select",
    { id, name },
    h("option", { value: "" }, "any"),
    ...options.map(([value, text]) =>
      h("option", { value, selected: ctx.params.get(name) === value }, text),
    ),
  );
  return labelled(id, label, select);
}

export function reportsCard(ctx: PageContext): HTMLElement {
  const search = h("input", {
    id: "reports-q",
    name: "q",
    type: "search",
    value: ctx.params.get("q") ?? "",
  });
  const form = h(
    "form",
    { class: "controls", id: "reports-filter", "aria-label": "Filter the reports" },
    choice(
      ctx,
      "status",
      "Status",
      REPORT_STATUSES.map((s) => [s, statusLabel(s)] as const),
    ),
    choice(
      ctx,
      "marking",
      "Marking",
      MARKINGS.map((m) => [m, `TLP:${m}`] as const),
    ),
    labelled("reports-q", "Text", search),
    h("button", { type: "submit" }, "Filter"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [key, value] of new FormData(form)) if (value !== "") next[key] = String(value);
    location.hash = verifyHref(next);
  });
  const body = h("div", {}, loading("the reports"));
  const query = new URLSearchParams();
  for (const key of ["status", "marking", "q"]) {
    const value = ctx.params.get(key);
    if (value) query.set(key, value);
  }
  get<{ total: number; items: ReportItem[] }>(`/reports?${query}`)
    .then(({ total, items }) => {
      if (total === 0) {
        fill(body, h("p", { id: "reports-none" }, "No reports you may read match."));
        return;
      }
      fill(
        body,
        h(
          "p",
          { class: "muted", id: "reports-total" },
          `${total} report${total === 1 ? "" : "s"} you may read.`,
        ),
        h(
          "div",
          { class: "scroll" },
          dataTable(
            "Incident reports",
            [
              "Report",
              "Marking",
              "Status",
              "Commitment",
              "Filed by",
              "Against",
              "Occurred",
              "Filed",
            ],
            items.map((r) => [
              h("a", { href: verifyHref({ report: r.id }), "data-report": r.id }, r.title),
              markingBadge(r.marking),
              statusLabel(r.status),
              commitmentName(ctx, r.commitment),
              partyName(ctx, r.filerParty ?? "monitor"),
              partyName(ctx, r.against),
              r.occurredOn,
              r.createdAt.slice(0, 10),
            ]),
          ),
        ),
      );
    })
    .catch((error: unknown) => fill(body, errorNote("the reports", error)));
  return card("reports", "Incident reports", form, body);
}

export function requestsCard(ctx: PageContext, s: Session): HTMLElement {
  const body = h("div", {}, loading("the requests"));
  get<{ items: RequestItem[] }>("/requests")
    .then(({ items }) => {
      if (items.length === 0) {
        fill(body, h("p", {}, "No requests for information."));
        return;
      }
      const waiting = items.filter((q) => q.response === null && q.open);
      const answered = items.filter((q) => q.response !== null);
      fill(
        body,
        h(
          "p",
          { class: "muted" },
          `${waiting.length} waiting for an answer, ${answered.length} answered, ${items.length - waiting.length - answered.length} closed without one.`,
        ),
        ...items.map((q) => requestBlock(ctx, q, { session: s, asOf: ctx.meta.today })),
      );
    })
    .catch((error: unknown) => fill(body, errorNote("the requests", error)));
  return card("requests", "Requests for information", body);
}

function summaryBlock(ctx: PageContext, s: PublicSummary): HTMLElement {
  const row = (term: string, value: string | null | undefined) =>
    value === undefined || value === null || value === ""
      ? []
      : [h("dt", {}, term), h("dd", {}, value)];
  const parties =
    s.parties === undefined
      ? undefined
      : `filed by ${partyName(ctx, s.parties.filer ?? "monitor")}${s.parties.against ? `, concerning ${partyName(ctx, s.parties.against)}` : ""}`;
  return h(
    "article",
    { class: "summary", "data-published": s.id },
    h("h3", {}, s.title ?? `${commitmentName(ctx, s.commitment)}: ${statusLabel(s.outcome)}`),
    h(
      "dl",
      { class: "details" },
      ...row("Finding", statusLabel(s.outcome)),
      ...row("Commitment", commitmentName(ctx, s.commitment)),
      ...row("Commitment breached", commitmentName(ctx, s.breachedCommitment)),
      ...row("Occurred", s.occurred),
      ...row("Place", s.place),
      ...row("Parties", parties),
      ...row("Facts established", s.facts),
      ...row("Attribution", s.attribution),
      ...row("Recommended measure", s.measure),
      ...row("Report", s.description),
      ...row("Published", s.publishedOn),
    ),
    h("p", {}, markingBadge(s.marking)),
  );
}

export function publishedCard(ctx: PageContext): HTMLElement {
  const body = h("div", {}, loading("the published findings"));
  get<{ items: PublicSummary[] }>("/published")
    .then(({ items }) => {
      fill(
        body,
        items.length === 0
          ? h("p", { id: "published-none" }, "No findings have been published yet.")
          : items.map((s) => summaryBlock(ctx, s)),
      );
    })
    .catch((error: unknown) => fill(body, errorNote("the published findings", error)));
  return card(
    "published",
    "Published findings",
    h(
      "p",
      { class: "muted" },
      "What the mediators have published: each summary keeps only what the report's marking lets out, with the names of private persons, phone numbers and e-mail addresses removed.",
    ),
    body,
  );
}
