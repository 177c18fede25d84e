/** A few DOM helpers: the dashboard is plain TypeScript without a framework. */

export type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

/** Creates an element: `on*` attributes become listeners, `true` an empty attribute. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(name, String(value));
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A live region saying what is loading; replaced by the content when it arrives. */
export function loading(what: string): HTMLElement {
  return h("p", { class: "muted", role: "status" }, `Loading ${what}…`);
}

export function errorNote(what: string, error: unknown): HTMLElement {
  const reason = error instanceof Error ? error.message : String(error);
  return h("p", { class: "error", role: "alert" }, `Could not load ${what}: ${reason}`);
}

/** An error said as it is (a refused step, a failed upload), announced to screen readers. */
export function failureNote(error: unknown): HTMLElement {
  const reason = error instanceof Error ? error.message : String(error);
  return h("p", { class: "error", role: "alert" }, reason);
}

/** A form control with its label, and a hint under it when given. */
export function labelled(id: string, label: string, control: HTMLElement, hint?: string) {
  return h(
    "label",
    { for: id },
    label,
    control,
    hint ? h("small", { class: "hint muted", id: `${id}-hint` }, hint) : null,
  );
}

/** A table from a header row and rows of cells (the text alternative of every chart). */
export function dataTable(
  caption: string,
  head: readonly string[],
  rows: readonly Child[][],
): HTMLTableElement {
  return h(
    "table",
    { class: "data" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ...head.map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      {},
      rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c)))),
    ),
  );
}

/** A chart in a figure, with a caption and its data in a table one click away. */
export function chartFigure(options: {
  id: string;
  title: string;
  chart: Element;
  caption: string;
  /** The chart's data; charts sharing one table leave it out and say where it is. */
  table?: HTMLTableElement;
}): HTMLElement {
  return h(
    "figure",
    { class: "chart", id: options.id },
    h("h3", {}, options.title),
    options.chart,
    h("figcaption", {}, options.caption),
    options.table === undefined ? null : dataDetails(options.table),
  );
}

/** A data table behind a disclosure button. */
export function dataDetails(table: HTMLTableElement): HTMLElement {
  return h("details", {}, h("summary", {}, "Data table"), h("div", { class: "scroll" }, table));
}
