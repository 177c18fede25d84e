import { h } from "./dom.ts";
import type { MetaResponse } from "./types.ts";

/** The filters of `/api/events`, as form fields; the Events and Map pages share them. */
export const FILTER_FIELDS = [
  "from",
  "to",
  "category",
  "subtype",
  "country",
  "admin1",
  "actor",
  "dataset",
  "crossBorder",
  "q",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The filter part of the address's parameters, ready for the API. */
export function filterParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of FILTER_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) out[field] = value;
  }
  return out;
}

function select(
  name: string,
  value: string,
  options: readonly (readonly [string, string])[],
): HTMLSelectElement {
  return h(
    "select",
    { name, id: `f-${name}` },
    h("option", { value: "" }, "Any"),
    ...options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)),
  );
}

function control(field: FilterField, meta: MetaResponse, value: string): HTMLElement {
  switch (field) {
    case "from":
    case "to":
      return h("input", { type: "date", name: field, id: `f-${field}`, value });
    case "category":
      return select(
        field,
        value,
        meta.categories.map((c) => [c, c] as const),
      );
    case "country":
      return select(
        field,
        value,
        meta.profile.parties.map((p) => [p.iso3, p.name] as const),
      );
    case "actor":
      return select(
        field,
        value,
        meta.actors.map((a) => [a.id, a.name] as const),
      );
    case "dataset":
      return select(field, value, [
        ...meta.datasets.map((d) => [d, d.toUpperCase()] as const),
        // Beside the imported datasets: coded articles, and synthetic data for load tests.
        ["text", "Coded articles"] as const,
        ["sim", "Simulated (not real)"] as const,
      ]);
    case "crossBorder":
      return select(field, value, [
        ["true", "Cross-border only"],
        ["false", "Not cross-border"],
      ]);
    case "admin1":
      return h("input", {
        type: "text",
        name: field,
        id: `f-${field}`,
        value,
        list: "admin1-list",
        autocomplete: "off",
      });
    case "subtype":
    case "q":
      return h("input", {
        type: field === "q" ? "search" : "text",
        name: field,
        id: `f-${field}`,
        value,
      });
  }
}

const LABELS: Record<FilterField, string> = {
  from: "From",
  to: "To",
  category: "Category",
  subtype: "Sub-event type",
  country: "Country",
  admin1: "Province / state",
  actor: "Actor",
  dataset: "Source dataset",
  crossBorder: "Cross-border",
  q: "Text in summary",
};

/** A filter form; `onApply` gets the non-empty values when it is submitted or reset. */
export function filterForm(options: {
  meta: MetaResponse;
  params: URLSearchParams;
  fields: readonly FilterField[];
  label: string;
  onApply: (params: URLSearchParams) => void;
}): HTMLFormElement {
  const { meta, params, fields } = options;
  const admin1 = Object.values(meta.admin1).flat();
  const form = h(
    "form",
    { class: "controls", "aria-label": options.label, role: "search" },
    ...fields.map((field) =>
      h(
        "label",
        { for: `f-${field}` },
        LABELS[field],
        control(field, meta, params.get(field) ?? ""),
      ),
    ),
    h("datalist", { id: "admin1-list" }, ...admin1.map((name) => h("option", { value: name }))),
    h("button", { type: "submit", class: "primary" }, "Apply filters"),
    h("button", { type: "reset" }, "Clear"),
  );
  const collect = () => {
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") next.set(key, value.trim());
    }
    return next;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    options.onApply(collect());
  });
  form.addEventListener("reset", () => {
    // The reset restores the values the page opened with: empty every field instead.
    queueMicrotask(() => {
      for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        "input, select",
      )) {
        el.value = "";
      }
      options.onApply(new URLSearchParams());
    });
  });
  return form;
}
