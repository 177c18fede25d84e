/** What the Mechanism page's parts share: addresses, forms, cards, names and requests. */
import { type Child, failureNote, fill, h } from "../dom.ts";
import { partyLabel } from "../format.ts";
import type { PageContext } from "../main.ts";
import { post, type RequestItem, type Session } from "../verify-api.ts";

/** `#/verify` with `report=ID` opens a report, `new=1` the filing form. */
export function verifyHref(params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params).toString();
  return `#/verify${search ? `?${search}` : ""}`;
}

/** Re-renders the page in its current address (after a sign-in, an action, an upload). */
export function reload(): void {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

/** Runs a form's work with its buttons disabled, showing the server's refusal in `out`. */
export function onSubmit(form: HTMLFormElement, out: HTMLElement, work: () => Promise<void>) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const buttons = [...form.querySelectorAll("button")];
    for (const b of buttons) b.disabled = true;
    fill(out);
    work()
      .catch((error: unknown) => fill(out, failureNote(error)))
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

export function partyName(ctx: PageContext, party: string | null): string {
  return partyLabel(ctx.meta.profile.parties, party);
}

export function commitmentName(ctx: PageContext, id: string | null): string {
  if (id === null) return "none";
  if (id === "ceasefire") return "Ceasefire";
  return ctx.meta.demands.find((d) => d.id === id)?.title ?? id;
}

export function markingBadge(marking: string): HTMLElement {
  return h("span", { class: `badge tlp tlp-${marking.toLowerCase()}` }, `TLP:${marking}`);
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

/**
 * One request for information: the question, its deadline, and the answer — or, for a liaison
 * of the party asked while the report is under verification, the form for it.
 */
export function requestBlock(
  ctx: PageContext,
  request: RequestItem,
  options: { session: Session | null; asOf: string },
): HTMLElement {
  const overdue = request.response === null && request.dueOn < options.asOf;
  const mine =
    options.session?.account.role === "liaison" && options.session.account.party === request.party;
  const unanswered = !request.open
    ? h(
        "p",
        { class: "muted" },
        "Closed without an answer: the report is no longer under verification.",
      )
    : mine
      ? respondForm(request)
      : h("p", { class: "muted" }, "Not answered yet.");
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
      ? unanswered
      : h(
          "div",
          { class: "response" },
          h("p", { class: "muted" }, `Answered ${request.respondedAt?.slice(0, 10) ?? ""}:`),
          h("blockquote", {}, request.response),
        ),
  );
}
