import { append, dataTable, failureNote, fill, h, labelled, loading } from "../dom.ts";
import type { PageContext } from "../main.ts";
import { type Account, type AuditItem, get, post, type Session } from "../verify-api.ts";
import { card, onSubmit, partyName } from "./verify-parts.ts";

interface TokenItem {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

type ChainCheck =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | { ok: false; seq: number; problem: string; message: string };

/** How many of the latest audit entries the admin's card lists. */
const LATEST = 50;

function day(iso: string | null): string {
  return iso === null ? "—" : iso.slice(0, 10);
}

/** The account's API tokens for machines: made here, shown once, revoked here. */
export function tokensCard(): HTMLElement {
  const list = h("div", { id: "token-list" }, loading("the tokens"));
  const out = h("div", { "aria-live": "polite", id: "token-created" });
  const show = () =>
    get<{ items: TokenItem[] }>("/tokens")
      .then(({ items }) => {
        // A token's value is shown once, right after it is made, and gone with the next change.
        fill(out);
        if (items.length === 0) {
          fill(list, h("p", {}, "No API tokens."));
          return;
        }
        fill(
          list,
          dataTable(
            "Your API tokens",
            ["Label", "Created", "Expires", "State", ""],
            items.map((t) => {
              const live = t.revokedAt === null && t.expiresAt > new Date().toISOString();
              const revoke = h("button", { type: "button", "data-token": t.id }, "Revoke");
              revoke.addEventListener("click", () => {
                revoke.disabled = true;
                post(`/tokens/${encodeURIComponent(t.id)}/revoke`)
                  .then(show)
                  .catch((error: unknown) => revoke.replaceWith(failureNote(error)));
              });
              return [
                t.label,
                day(t.createdAt),
                day(t.expiresAt),
                t.revokedAt === null ? (live ? "live" : "expired") : `revoked ${day(t.revokedAt)}`,
                live ? revoke : null,
              ];
            }),
          ),
        );
      })
      .catch((error: unknown) => fill(list, failureNote(error)));
  void show();
  const label = h("input", { id: "token-label", name: "label", value: "api", required: true });
  const days = h("input", {
    id: "token-days",
    name: "expiresInDays",
    type: "number",
    min: 1,
    max: 365,
    value: 90,
    required: true,
  });
  const form = h(
    "form",
    { class: "controls", id: "token-form", "aria-label": "Create an API token" },
    labelled("token-label", "Label", label),
    labelled("token-days", "Valid for (days)", days),
    h("button", { type: "submit", class: "primary" }, "Create a token"),
  );
  onSubmit(form, out, async () => {
    const created = await post<{ token: string }>("/tokens", {
      label: label.value,
      expiresInDays: Number(days.value),
    });
    await show();
    // Set as a property, not an attribute: the token is in no markup, and goes with `hide`.
    const value = h("input", { id: "token-value", readonly: true, size: 60 });
    value.setAttribute("aria-label", "The new token");
    value.value = created.token;
    const hide = h("button", { type: "button", id: "token-hide" }, "Copied — hide it");
    hide.addEventListener("click", () => fill(out));
    fill(
      out,
      h(
        "p",
        { role: "status" },
        "Copy the token now: it is shown this once, and only its hash is stored. Send it as ",
        h("code", {}, "Authorization: Bearer …"),
        ".",
      ),
      value,
      hide,
    );
    value.select();
  });
  return card(
    "tokens",
    "API tokens",
    h(
      "p",
      { class: "muted" },
      "For programs that file or read reports in your name. A token acts with your role and party.",
    ),
    list,
    form,
    out,
  );
}

function accountsTable(ctx: PageContext, items: Account[], onChange: () => void): HTMLElement {
  return dataTable(
    "Accounts",
    ["Name", "Role", "Party", "State", ""],
    items.map((a) => {
      const disable = h("button", { type: "button", "data-account": a.name }, "Disable");
      disable.addEventListener("click", () => {
        if (!window.confirm(`Disable ${a.name}? Its sessions and tokens stop at once.`)) return;
        disable.disabled = true;
        post(`/accounts/${encodeURIComponent(a.id)}/disable`)
          .then(onChange)
          .catch((error: unknown) => disable.replaceWith(failureNote(error)));
      });
      return [
        a.name,
        a.role,
        a.party === null ? "—" : partyName(ctx, a.party),
        a.disabled ? "disabled" : "active",
        a.disabled ? null : disable,
      ];
    }),
  );
}

function newAccountForm(ctx: PageContext, onCreated: () => void): HTMLElement {
  const name = h("input", {
    id: "account-name",
    name: "name",
    required: true,
    autocomplete: "off",
  });
  const role = h(
    "select",
    { id: "account-role", name: "role" },
    ...["liaison", "mediator", "analyst", "admin"].map((r) => h("option", { value: r }, r)),
  );
  const party = h(
    "select",
    { id: "account-party", name: "party" },
    ...ctx.meta.profile.parties.map((p) => h("option", { value: p.iso3 }, p.name)),
  );
  const partyField = labelled("account-party", "Party (liaisons)", party);
  role.addEventListener("change", () => {
    partyField.hidden = role.value !== "liaison";
  });
  const password = h("input", {
    id: "account-password",
    name: "password",
    type: "password",
    minlength: 12,
    required: true,
    autocomplete: "new-password",
  });
  const out = h("div", { "aria-live": "polite", id: "account-status" });
  const form = h(
    "form",
    { class: "controls", id: "account-form", "aria-label": "Add an account" },
    labelled("account-name", "Name", name),
    labelled("account-role", "Role", role),
    partyField,
    labelled("account-password", "Password (12 characters or more)", password),
    h("button", { type: "submit", class: "primary" }, "Add the account"),
  );
  onSubmit(form, out, async () => {
    const created = await post<Account>("/accounts", {
      name: name.value.trim(),
      role: role.value,
      party: role.value === "liaison" ? party.value : null,
      password: password.value,
    });
    name.value = "";
    password.value = "";
    fill(out, h("p", { role: "status" }, `Added ${created.name}.`));
    onCreated();
  });
  return h("div", {}, h("h3", {}, "Add an account"), form, out);
}

function auditSection(): HTMLElement {
  const out = h("div", { "aria-live": "polite", id: "audit-check" });
  const entries = h("div", { id: "audit-latest" });
  const button = h(
    "button",
    { type: "button", id: "audit-verify", class: "primary" },
    "Check the chain",
  );
  button.addEventListener("click", () => {
    button.disabled = true;
    fill(out, h("p", { role: "status" }, "Checking every entry…"));
    fill(entries);
    get<ChainCheck>("/audit/verify")
      .then(async (check) => {
        if (!check.ok) {
          fill(
            out,
            h("p", { class: "error", role: "alert" }, `Audit chain broken: ${check.message}`),
          );
          return;
        }
        const head = check.head === null ? "empty" : `head ${check.head.seq}:${check.head.hash}`;
        fill(
          out,
          h("p", { role: "status" }, `Audit chain intact: ${check.count} entries, ${head}.`),
          h(
            "p",
            { class: "muted" },
            "Record the head somewhere else now and then: only a head kept outside the database catches a chain rewritten from some entry to its end (frontier audit verify --head).",
          ),
        );
        const after = Math.max(0, check.count - LATEST);
        const { items } = await get<{ items: AuditItem[] }>(
          `/audit?after=${after}&limit=${LATEST}`,
        );
        fill(
          entries,
          h(
            "div",
            { class: "scroll" },
            dataTable(
              `The latest ${items.length} entries`,
              ["#", "When", "Who", "Action", "Object", "Hash"],
              items
                .slice()
                .reverse()
                .map((e) => [
                  String(e.seq),
                  e.at.replace("T", " ").slice(0, 19),
                  e.actor,
                  e.action,
                  `${e.objectType} ${e.objectId.slice(0, 8)}`,
                  h("code", { title: e.hash }, `${e.hash.slice(0, 12)}…`),
                ]),
            ),
          ),
        );
      })
      .catch((error: unknown) => fill(out, failureNote(error)))
      .finally(() => {
        button.disabled = false;
      });
  });
  return h(
    "div",
    {},
    h("h3", {}, "Audit log"),
    h(
      "p",
      { class: "muted" },
      "Every change appends a hash-chained entry in the same transaction. The check walks the whole chain and names the first entry edited, deleted or reordered.",
    ),
    button,
    out,
    entries,
  );
}

/** The admin's card: accounts, and the audit chain. */
export function adminCard(ctx: PageContext): HTMLElement {
  const accounts = h("div", { id: "account-list" }, loading("the accounts"));
  const show = () => {
    get<{ items: Account[] }>("/accounts")
      .then(({ items }) => fill(accounts, accountsTable(ctx, items, show)))
      .catch((error: unknown) => fill(accounts, failureNote(error)));
  };
  show();
  const body = card("admin", "Accounts and audit", accounts);
  append(body, newAccountForm(ctx, show), auditSection());
  return body;
}

/** Cards only an admin (accounts, audit) or any member (tokens) sees. */
export function memberCards(ctx: PageContext, s: Session): HTMLElement[] {
  return [...(s.account.role === "admin" ? [adminCard(ctx)] : []), tokensCard()];
}
