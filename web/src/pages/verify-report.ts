import { append, type Child, dataTable, failureNote, fill, h, labelled, loading } from "../dom.ts";
import { addDays, fmtInt } from "../format.ts";
import type { PageContext } from "../main.ts";
import {
  ApiError,
  type AuditItem,
  type EvidenceItem,
  get,
  isOpen,
  OUTCOMES,
  post,
  type Report,
  type RequestItem,
  type Session,
  statusLabel,
  uploadEvidence,
} from "../verify-api.ts";
import {
  card,
  commitmentName,
  markingBadge,
  onSubmit,
  partyName,
  reload,
  requestBlock,
  verifyHref,
} from "./verify-parts.ts";

function details(ctx: PageContext, r: Report): HTMLElement {
  const row = (term: string, value: Child | Child[]) => [h("dt", {}, term), h("dd", {}, value)];
  const place = [
    r.place.name,
    r.place.lat === null ? null : `${r.place.lat.toFixed(4)}, ${r.place.lon?.toFixed(4)}`,
  ]
    .filter((x) => x !== null)
    .join(" · ");
  return h(
    "dl",
    { class: "details", id: "report-details" },
    ...row("Status", h("strong", { id: "report-status" }, statusLabel(r.status))),
    ...row("Marking", markingBadge(r.marking)),
    ...row(
      "Filed by",
      `${r.filer} (${partyName(ctx, r.filerParty ?? "monitor")}), ${r.createdAt.slice(0, 10)}`,
    ),
    ...row("Concerning", partyName(ctx, r.against)),
    ...row("Commitment", commitmentName(ctx, r.commitment)),
    ...row("Occurred", r.occurredOn),
    ...row("Where", place || "—"),
    ...row(
      "Linked events",
      r.eventIds.length === 0 ? "none" : r.eventIds.map((id) => `#${id}`).join(", "),
    ),
    ...(r.recipients.length > 0 ? row("Recipients", r.recipients.join(", ")) : []),
    ...(r.persons.length > 0
      ? row("Private persons (redacted when published)", r.persons.join(", "))
      : []),
  );
}

function findingBlock(ctx: PageContext, r: Report): HTMLElement | null {
  const f = r.finding;
  if (f === null) return null;
  return h(
    "section",
    { id: "finding", "aria-labelledby": "finding-h" },
    h("h3", { id: "finding-h" }, `Finding: ${statusLabel(r.outcome ?? r.status)}`),
    h(
      "dl",
      { class: "details" },
      h("dt", {}, "Facts established"),
      h("dd", {}, f.facts),
      h("dt", {}, "Attribution"),
      h("dd", {}, f.attribution),
      h("dt", {}, "Commitment breached"),
      h("dd", {}, commitmentName(ctx, f.breachedCommitment)),
      h("dt", {}, "Recommended measure"),
      h("dd", {}, f.measure),
      h("dt", {}, "Concluded"),
      h("dd", {}, r.concludedAt?.slice(0, 10) ?? "—"),
    ),
  );
}

/** A button that takes one workflow step; the server's refusal (409, 403) is shown as it is. */
function stepButton(id: string, label: string, reportId: string, out: HTMLElement): HTMLElement {
  const button = h("button", { type: "button", class: "primary", id: `action-${id}` }, label);
  button.addEventListener("click", () => {
    button.disabled = true;
    post(`/reports/${encodeURIComponent(reportId)}/actions`, { type: id })
      .then(reload)
      .catch((error: unknown) => {
        // Refused (another mediator took a step first, say): this button no longer applies.
        const again = h(
          "button",
          { type: "button", id: "action-reload" },
          "Show the report as it is now",
        );
        again.addEventListener("click", reload);
        fill(out, failureNote(error), again);
      });
  });
  return button;
}

function requestForm(ctx: PageContext, r: Report): HTMLFormElement {
  const party = h(
    "select",
    { id: "rfi-party", name: "party", required: true },
    ...ctx.meta.profile.parties.map((p) =>
      h("option", { value: p.iso3, selected: p.iso3 === (r.against ?? undefined) }, p.name),
    ),
  );
  const question = h("textarea", { id: "rfi-question", name: "question", rows: 3, required: true });
  // The deadline is a day after today at the earliest (the server refuses anything sooner).
  const due = h("input", {
    id: "rfi-due",
    name: "dueOn",
    type: "date",
    required: true,
    min: addDays(ctx.meta.today, 1),
  });
  const out = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    { id: "rfi-form", "aria-label": "Request information" },
    h("h4", {}, "Request information or the other party's account"),
    labelled("rfi-question", "Question", question),
    h(
      "div",
      { class: "controls" },
      labelled("rfi-party", "Put to", party),
      labelled("rfi-due", "Answer due by", due),
      h("button", { type: "submit", class: "primary" }, "Send the request"),
    ),
    out,
  );
  onSubmit(form, out, async () => {
    await post(`/reports/${encodeURIComponent(r.id)}/actions`, {
      type: "request_information",
      party: party.value,
      question: question.value,
      dueOn: due.value,
    });
    reload();
  });
  return form;
}

function concludeForm(ctx: PageContext, r: Report): HTMLFormElement {
  const outcome = h(
    "select",
    { id: "finding-outcome", name: "outcome", required: true },
    ...OUTCOMES.map((o) => h("option", { value: o }, statusLabel(o))),
  );
  const facts = h("textarea", { id: "finding-facts", name: "facts", rows: 4, required: true });
  const attribution = h("textarea", {
    id: "finding-attribution",
    name: "attribution",
    rows: 2,
    required: true,
  });
  const breached = h(
    "select",
    { id: "finding-breached", name: "breachedCommitment" },
    h("option", { value: "" }, "none"),
    h("option", { value: "ceasefire" }, "Ceasefire"),
    ...ctx.meta.demands.map((d) => h("option", { value: d.id }, d.title)),
  );
  const measure = h("textarea", {
    id: "finding-measure",
    name: "measure",
    rows: 2,
    required: true,
  });
  const out = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    { id: "conclude-form", "aria-label": "Record the finding" },
    h("h4", {}, "Record the finding"),
    h(
      "div",
      { class: "controls" },
      labelled("finding-outcome", "Outcome", outcome),
      labelled("finding-breached", "Commitment breached", breached),
    ),
    labelled("finding-facts", "Facts established", facts),
    labelled("finding-attribution", "Attribution", attribution),
    labelled("finding-measure", "Recommended measure (the penalty)", measure),
    h("button", { type: "submit", class: "primary" }, "Conclude"),
    out,
  );
  onSubmit(form, out, async () => {
    await post(`/reports/${encodeURIComponent(r.id)}/actions`, {
      type: "conclude",
      outcome: outcome.value,
      finding: {
        facts: facts.value,
        attribution: attribution.value,
        breachedCommitment: breached.value === "" ? null : breached.value,
        measure: measure.value,
      },
    });
    reload();
  });
  return form;
}

/** The steps a mediator can take now; other roles see where the report stands. */
function actionsCard(ctx: PageContext, r: Report, s: Session): HTMLElement | null {
  if (s.account.role !== "mediator") return null;
  const out = h("div", { "aria-live": "polite", id: "action-status" });
  const steps: Child[] = [];
  if (r.status === "submitted") steps.push(stepButton("acknowledge", "Acknowledge", r.id, out));
  if (r.status === "acknowledged") {
    steps.push(stepButton("start_verification", "Start verification", r.id, out));
  }
  if (r.status === "under_verification") {
    steps.push(requestForm(ctx, r), concludeForm(ctx, r));
  }
  if ((OUTCOMES as readonly string[]).includes(r.status)) {
    steps.push(
      h(
        "p",
        { class: "muted" },
        "Publishing freezes a public summary that keeps only what the marking lets out, with private persons' names, phone numbers and e-mail addresses removed.",
      ),
      stepButton("publish", "Publish the summary", r.id, out),
    );
  }
  if (steps.length === 0) return null;
  return card("actions", "Next step", out, ...steps);
}

function evidenceCard(r: Report, s: Session): HTMLElement {
  const list = h("div", { id: "evidence-list" }, loading("the evidence"));
  const show = (items: EvidenceItem[]) =>
    fill(
      list,
      items.length === 0
        ? h("p", {}, "No evidence files.")
        : dataTable(
            "Evidence files",
            ["File", "Type", "Size", "sha256", "Added"],
            items.map((e) => [
              h(
                "a",
                { href: `/api/verify/evidence/${encodeURIComponent(e.id)}`, download: e.filename },
                e.filename,
              ),
              e.mediaType,
              `${fmtInt(e.size)} bytes`,
              h("code", { title: e.sha256 }, `${e.sha256.slice(0, 12)}…`),
              e.addedAt.slice(0, 10),
            ]),
          ),
    );
  get<{ items: EvidenceItem[] }>(`/reports/${encodeURIComponent(r.id)}/evidence`)
    .then(({ items }) => show(items))
    .catch((error: unknown) => fill(list, failureNote(error)));
  const mayAdd =
    isOpen(r.status) &&
    (s.account.role === "mediator" ||
      (s.account.role === "liaison" && s.account.party === r.filerParty));
  let form: HTMLFormElement | null = null;
  if (mayAdd) {
    const file = h("input", { type: "file", id: "evidence-file", name: "file", required: true });
    const out = h("div", { "aria-live": "polite", id: "evidence-status" });
    form = h(
      "form",
      { class: "controls", id: "evidence-form", "aria-label": "Add an evidence file" },
      labelled("evidence-file", "PDF, image, video or plain text, at most 10 MiB", file),
      h("button", { type: "submit", class: "primary" }, "Upload"),
      out,
    );
    onSubmit(form, out, async () => {
      const chosen = file.files?.[0];
      if (chosen === undefined) throw new Error("choose a file first");
      const added = await uploadEvidence(r.id, chosen);
      fill(out, h("p", { role: "status" }, `Stored ${added.filename} (${added.mediaType}).`));
      file.value = "";
      // The file is stored: a failure to list it again belongs to the list, not to the upload.
      get<{ items: EvidenceItem[] }>(`/reports/${encodeURIComponent(r.id)}/evidence`)
        .then(({ items }) => show(items))
        .catch((error: unknown) => fill(list, failureNote(error)));
    });
  }
  return card(
    "evidence",
    "Evidence",
    h(
      "p",
      { class: "muted" },
      "Files are typed by their content, stored once by sha256, and only ever downloaded, never opened in the page.",
    ),
    list,
    form,
  );
}

function requestsCard(ctx: PageContext, r: Report, s: Session): HTMLElement {
  const body = h("div", {}, loading("the requests"));
  get<{ items: RequestItem[] }>(`/reports/${encodeURIComponent(r.id)}/requests`)
    .then(({ items }) =>
      fill(
        body,
        items.length === 0
          ? h("p", {}, "No requests for information on this report.")
          : items.map((q) =>
              requestBlock(
                ctx,
                { ...q, reportId: undefined },
                { session: s, asOf: ctx.meta.today },
              ),
            ),
      ),
    )
    .catch((error: unknown) => fill(body, failureNote(error)));
  return card("report-requests", "Requests for information", body);
}

function auditCard(r: Report): HTMLElement {
  const body = h("details", {}, h("summary", {}, "Audit entries of this report"));
  get<{ items: AuditItem[] }>(`/reports/${encodeURIComponent(r.id)}/audit`)
    .then(({ items }) =>
      append(
        body,
        h(
          "div",
          { class: "scroll" },
          dataTable(
            `${items.length} entries in the hash-chained audit log`,
            ["#", "When", "Who", "Action", "Hash"],
            items.map((e) => [
              String(e.seq),
              e.at.replace("T", " ").slice(0, 19),
              e.actor,
              e.action,
              h("code", { title: e.hash }, `${e.hash.slice(0, 12)}…`),
            ]),
          ),
        ),
      ),
    )
    .catch((error: unknown) => append(body, failureNote(error)));
  return card("report-audit", "Audit", body);
}

/** One report: what was filed, the finding, the next step, evidence, requests and audit. */
export async function renderReport(
  root: HTMLElement,
  ctx: PageContext,
  options: { id: string; session: Session },
): Promise<void> {
  let r: Report;
  try {
    r = await get<Report>(`/reports/${encodeURIComponent(options.id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      append(
        root,
        h("p", { class: "error", role: "alert" }, `No report ${options.id} that you may read.`),
        h("p", {}, h("a", { href: verifyHref() }, "Back to the reports")),
      );
      return;
    }
    throw error;
  }
  const s = options.session;
  append(
    root,
    h("p", {}, h("a", { href: verifyHref() }, "← All reports")),
    h(
      "div",
      { class: "grid" },
      card(
        "report",
        r.title,
        details(ctx, r),
        h("h3", {}, "What happened"),
        h("p", { class: "report-text" }, r.description),
        findingBlock(ctx, r),
      ),
      actionsCard(ctx, r, s),
      evidenceCard(r, s),
      requestsCard(ctx, r, s),
      auditCard(r),
    ),
  );
}
