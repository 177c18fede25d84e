import "./styles.css";
import { getJson } from "./api.ts";
import { errorNote, fill, loading } from "./dom.ts";
import type { MetaResponse } from "./types.ts";

export interface PageContext {
  meta: MetaResponse;
  params: URLSearchParams;
  /** Records the page's state in the address without reloading the page. */
  replaceParams(params: URLSearchParams): void;
}

/** Renders a page into `root`; may return a function that releases what it holds (the map). */
export type Page = (root: HTMLElement, ctx: PageContext) => Promise<(() => void) | undefined>;

const PAGES: Record<string, { title: string; load: () => Promise<Page> }> = {
  overview: {
    title: "Overview",
    load: async () => (await import("./pages/overview.ts")).renderOverview,
  },
  map: { title: "Map", load: async () => (await import("./pages/map.ts")).renderMap },
  events: { title: "Events", load: async () => (await import("./pages/events.ts")).renderEvents },
  verify: {
    title: "Mechanism",
    load: async () => (await import("./pages/verify.ts")).renderVerify,
  },
  add: {
    title: "Add data",
    load: async () => (await import("./pages/add-data.ts")).renderAddData,
  },
};

/** A badge in the header whenever synthetic events are stored: they must never pass as real. */
async function markSimulated(): Promise<void> {
  const badge = document.getElementById("simulated-badge");
  if (badge === null) return;
  const { present } = await getJson<{ present: boolean }>("/api/simulated");
  badge.hidden = !present;
}

function route(): { page: string; params: URLSearchParams } {
  const hash = location.hash.startsWith("#/") ? location.hash.slice(2) : "";
  const [name = "", search = ""] = hash.split("?");
  return { page: name in PAGES ? name : "overview", params: new URLSearchParams(search) };
}

function main(): void {
  const root = document.getElementById("main");
  if (root === null) return;
  const skip = document.querySelector<HTMLAnchorElement>("a.skip");
  skip?.addEventListener("click", (event) => {
    event.preventDefault();
    root.focus();
  });
  let release: (() => void) | undefined;
  let renders = 0;
  let meta: MetaResponse | null = null;

  const render = async () => {
    const { page, params } = route();
    const current = ++renders;
    release?.();
    release = undefined;
    for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a[data-page]")) {
      if (link.dataset.page === page) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    const spec = PAGES[page] ?? PAGES.overview;
    document.title = `${spec?.title ?? ""} · Frontier Watch`;
    fill(root, loading("the page"));
    try {
      meta ??= await getJson<MetaResponse>("/api/meta");
      const profileName = document.getElementById("profile-name");
      if (profileName !== null) profileName.textContent = meta.profile.name;
      const renderPage = await (spec ?? PAGES.overview)?.load();
      if (renderPage === undefined || current !== renders) return;
      const ctx: PageContext = {
        meta,
        params,
        replaceParams(next) {
          const search = next.toString();
          history.replaceState(null, "", `#/${page}${search ? `?${search}` : ""}`);
        },
      };
      // Each render draws into its own element: one that finishes after a newer navigation
      // fills an element no longer in the page, never the page itself.
      const view = document.createElement("div");
      view.className = "view";
      root.replaceChildren(view);
      const done = await renderPage(view, ctx);
      if (current !== renders) {
        done?.();
        return;
      }
      release = done;
      // After a navigation (not the first load) move focus to the new page's heading.
      if (current > 1) root.querySelector<HTMLElement>("h1")?.focus();
    } catch (error) {
      if (current === renders) fill(root, errorNote("the page", error));
    }
  };
  window.addEventListener("hashchange", () => void render());
  void render();
  markSimulated().catch(() => {
    // the badge is a warning, not the page: a failure to ask shows no badge
  });
}

main();
