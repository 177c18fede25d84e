import { append, failureNote, fill, h, labelled } from "../dom.ts";
import type { Page, PageContext } from "../main.ts";
import { loadSession, type Session, signIn, signOut } from "../verify-api.ts";
import { publishedCard, reportsCard, requestsCard } from "./verify-lists.ts";
import { card, onSubmit, partyName, reload, verifyHref } from "./verify-parts.ts";

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
    labelled("login-name", "Account", name),
    labelled("login-password", "Password", password),
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
      .catch((error: unknown) => fill(out, failureNote(error)));
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

/**
 * The monitoring and verification mechanism: sign in, the reports the account may read, the
 * requests for information, the published findings (`verify-lists.ts`); a report's page, the
 * filing form and the account cards are in `verify-report.ts`, `verify-file.ts` and
 * `verify-admin.ts`.
 */
export const renderVerify: Page = async (root, ctx) => {
  // A session that no longer holds is answered as signed out (and its cookie dropped).
  const s = await loadSession();
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
      // An analyst reads what the public reads here: no reports, no requests.
      s.account.role === "analyst" ? null : reportsCard(ctx),
      s.account.role === "analyst" ? null : requestsCard(ctx, s),
      publishedCard(ctx),
      memberCards(ctx, s),
    ),
  );
  return undefined;
};
