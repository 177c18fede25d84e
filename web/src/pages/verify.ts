import { append, type Child, dataTable, errorNote, fill, h, loading } from "../dom.ts";
import type { Page, PageContext } from "../main.ts";
import {
  ApiError,
  get,
  loadSession,
  MARKINGS,
  type PublicSummary,
  post,
  REPORT_STATUSES,
  type ReportItem,
  type RequestItem,
  type Session,
  signIn,
  signOut,
  statusLabel,
} from "../verify-api.ts";

/** `#/verify` with `report=ID` opens a report, `new=1` the filing form. */
export function verifyHref(params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params).toString();
  return `#/verify${search ? `?${search}` : ""}`;
}

/** Re-renders the page in its current address (after a sign-in, an action, an upload). */
export function reload(): void {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

export function failure(error: unknown): HTMLElement {
  const reason = error instanceof Error ? error.message : String(error);
  return h("p", { class: "error", role: "alert" }, reason);
}

/** Runs a form's work with its submit button disabled, showing the error in `out`. */
export function onSubmit(form: HTMLFormElement, out: HTMLElement, work: () => Promise<void>) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const buttons = [...form.querySelectorAll("button")];
    for (const b of buttons) b.disabled = true;
    fill(out);
    work()
      .catch((error: unknown) => fill(out, failure(error)))
      .finally(() => {
        for (const b of buttons) b.disabled = false;
      });
  });
}

export function card(id: string, title: string, ...children: (Child | Child[])[]): HTMLElement {
  return h(
    "section",
    { class: "card wide", id, "aria-labelledby": `${id}-h` },
    h("h2", { id: `${id}-h` }, title),
    ...children,
  );
}

export function partyName(ctx: PageContext, iso3: string | null): string {
  if (iso3 === null) return "—";
  if (iso3 === "monitor") return "the mediators";
  return ctx.meta.profile.parties.find((p) => p.iso3 === iso3)?.name ?? iso3;
}

export function commitmentName(ctx: PageContext, id: string | null): string {
  if (id === null) return "none";
  if (id === "ceasefire") return "Ceasefire";
  return ctx.meta.demands.find((d) => d.id === id)?.title ?? id;
}

export function markingBadge(marking: string): HTMLElement {
  return h("span", { class: `badge tlp tlp-${marking.toLowerCase()}` }, `TLP:${marking}`);
}

function whoLine(s: Session, ctx: PageContext): string {
  const { name, role, party } = s.account;
  return `Signed in as ${name} (${role}${party ? `, ${partyName(ctx, party)}` : ""})`;
}

function signInCard(): HTMLElement {
  const name = h("input", {
    id: "login-name",
    name: "name",
    autocomplete: "username",
    required: true,
  });
  const password = h("input", {
    id: "login-password",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
  });
  const out = h("div", { "aria-live": "polite", id: "login-status" });
  const form = h(
    "form",
    { class: "controls", id: "login-form", "aria-label": "Sign in" },
    h("label", { for: "login-name" }, "Account", name),
    h("label", { for: "login-password" }, "Password", password),
    h("button", { type: "submit", class: "primary" }, "Sign in"),
  );
  onSubmit(form, out, async () => {
    await signIn(name.value.trim(), password.value);
    password.value = "";
    reload();
  });
  return card(
    "sign-in",
    "Sign in",
    h(
      "p",
      { class: "muted" },
      "Party liaisons and mediators sign in to file and verify incident reports. Without an account you see the published findings.",
    ),
    form,
    out,
  );
}

function accountBar(s: Session, ctx: PageContext): HTMLElement {
  const out = h("span", { "aria-live": "polite" });
  const button = h("button", { type: "button", id: "sign-out" }, "Sign out");
  button.addEventListener("click", () => {
    signOut()
      .then(() => {
        // Back to the mechanism's front page: the report in view is no longer readable.
        if (location.hash === verifyHref()) reload();
        else location.hash = verifyHref();
      })
      .catch((error: unknown) => fill(out, failure(error)));
  });
  const canFile = s.account.role === "liaison" || s.account.role === "mediator";
  return h(
    "div",
    { class: "controls account-bar" },
    h("span", { id: "signed-in-as" }, whoLine(s, ctx)),
    canFile
      ? h(
          "a",
          { href: verifyHref({ new: "1" }), class: "button primary", id: "new-report" },
          "File a report",
        )
      : null,
    button,
    out,
  );
}

function reportsCard(ctx: PageContext): HTMLElement {
  const select = (
    id: string,
    label: string,
    values: readonly string[],
    show: (v: string) => string,
  ) =>
    h(
      "label",
      { for: id },
      label,
      h(
        "select",
        { id, name: id.replace("reports-", "") },
        h("option", { value: "" }, "any"),
        ...values.map((v) =>
          h(
            "option",
            { value: v, selected: ctx.params.get(id.replace("reports-", "")) === v },
            show(v),
          ),
        ),
      ),
    );
  const search = h("input", {
    id: "reports-q",
    name: "q",
    type: "search",
    value: ctx.params.get("q") ?? "",
  });
  const form = h(
    "form",
    { class: "controls", id: "reports-filter", "aria-label": "Filter the reports" },
    select("reports-status", "Status", REPORT_STATUSES, (v) => statusLabel(v as never)),
    select("reports-marking", "Marking", MARKINGS, (v) => `TLP:${v}`),
    h("label", { for: "reports-q" }, "Text", search),
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

function respondForm(request: RequestItem): HTMLElement {
  const text = h("textarea", {
    id: `respond-${request.id}`,
    name: "response",
    rows: 4,
    required: true,
  });
  const out = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    { class: "respond", "data-request": request.id, "aria-label": "Answer the request" },
    h("label", { for: `respond-${request.id}` }, "Your party's answer", text),
    h("button", { type: "submit", class: "primary" }, "Send the answer"),
    out,
  );
  onSubmit(form, out, async () => {
    await post(`/requests/${encodeURIComponent(request.id)}/respond`, { response: text.value });
    reload();
  });
  return form;
}

/** One request for information: the question, its deadline, and the answer or a form for it. */
export function requestBlock(
  ctx: PageContext,
  request: RequestItem,
  options: { session: Session | null; asOf: string },
): HTMLElement {
  const overdue = request.response === null && request.dueOn < options.asOf;
  const mine =
    options.session?.account.role === "liaison" && options.session.account.party === request.party;
  return h(
    "article",
    { class: "request", "data-request": request.id },
    h(
      "p",
      {},
      h("strong", {}, `To ${partyName(ctx, request.party)}`),
      `, asked ${request.askedAt.slice(0, 10)}, due ${request.dueOn}`,
      overdue ? h("span", { class: "badge overdue" }, "overdue") : null,
      request.reportId
        ? [" · ", h("a", { href: verifyHref({ report: request.reportId }) }, "the report")]
        : null,
    ),
    h("blockquote", {}, request.question),
    request.response === null
      ? mine
        ? respondForm(request)
        : h("p", { class: "muted" }, "Not answered yet.")
      : h(
          "div",
          { class: "response" },
          h("p", { class: "muted" }, `Answered ${request.respondedAt?.slice(0, 10) ?? ""}:`),
          h("blockquote", {}, request.response),
        ),
  );
}

function requestsCard(ctx: PageContext, s: Session): HTMLElement {
  const body = h("div", {}, loading("the requests"));
  get<{ items: RequestItem[] }>("/requests")
    .then(({ items }) => {
      if (items.length === 0) {
        fill(body, h("p", {}, "No requests for information."));
        return;
      }
      const open = items.filter((q) => q.response === null);
      fill(
        body,
        h(
          "p",
          { class: "muted" },
          `${open.length} waiting for an answer, ${items.length - open.length} answered.`,
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
  return h(
    "article",
    { class: "summary", "data-published": s.id },
    h("h3", {}, s.title ?? `${commitmentName(ctx, s.commitment)}: ${statusLabel(s.outcome)}`),
    h(
      "dl",
      { class: "details" },
      ...row("Finding", statusLabel(s.outcome)),
      ...row("Commitment", commitmentName(ctx, s.commitment)),
      ...row(
        "Commitment breached",
        s.breachedCommitment === null ? "none" : commitmentName(ctx, s.breachedCommitment),
      ),
      ...row("Occurred", s.occurred),
      ...row("Place", s.place),
      ...row(
        "Parties",
        s.parties
          ? `filed by ${partyName(ctx, s.parties.filer ?? "monitor")}${s.parties.against ? `, concerning ${partyName(ctx, s.parties.against)}` : ""}`
          : undefined,
      ),
      ...row("Facts established", s.facts),
      ...row("Attribution", s.attribution),
      ...row("Recommended measure", s.measure),
      ...row("Report", s.description),
      ...row("Published", s.publishedOn),
    ),
    h("p", {}, markingBadge(s.marking)),
  );
}

function publishedCard(ctx: PageContext): HTMLElement {
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

/**
 * The monitoring and verification mechanism: sign in, the reports the account may read, the
 * requests for information, the published findings; a report's page and the filing form are in
 * `verify-report.ts` and `verify-file.ts`.
 */
export const renderVerify: Page = async (root, ctx) => {
  let s: Session | null;
  try {
    s = await loadSession();
  } catch (error) {
    // An expired or revoked session is a 401 from /session too: treat it as signed out.
    if (!(error instanceof ApiError)) throw error;
    s = null;
  }
  const heading = h("h1", { tabindex: -1 }, "Monitoring and verification mechanism");
  const reportId = ctx.params.get("report");
  if (reportId !== null && s !== null) {
    const { renderReport } = await import("./verify-report.ts");
    append(root, heading, accountBar(s, ctx));
    await renderReport(root, ctx, { id: reportId, session: s });
    return undefined;
  }
  if (ctx.params.get("new") !== null && s !== null) {
    const { renderFileForm } = await import("./verify-file.ts");
    append(root, heading, accountBar(s, ctx));
    return renderFileForm(root, ctx, s);
  }
  append(
    root,
    heading,
    h(
      "p",
      {},
      "The mechanism the parties agreed in the 2025 Doha and Istanbul talks: the parties file incident reports, the mediators verify them, ask the other side for its account, and publish findings. Who reads a report is fixed by its TLP marking when it is filed.",
    ),
  );
  if (s === null) {
    if (reportId !== null || ctx.params.get("new") !== null) {
      append(root, h("p", { class: "error", role: "alert" }, "Sign in to open reports."));
    }
    append(root, h("div", { class: "grid" }, signInCard(), publishedCard(ctx)));
    return undefined;
  }
  const { memberCards } = await import("./verify-admin.ts");
  append(
    root,
    accountBar(s, ctx),
    h(
      "div",
      { class: "grid" },
      reportsCard(ctx),
      s.account.role === "analyst" ? null : requestsCard(ctx, s),
      publishedCard(ctx),
      memberCards(ctx, s),
    ),
  );
  return undefined;
};
