/**
 * Main text of an HTML page, without a DOM library: drop what is never
 * article text (scripts, styles, navigation, forms), prefer the `<article>`
 * or `<main>` element when the page has one, keep block boundaries as line
 * breaks so the sentence splitter sees paragraphs and headings.
 *
 * Readability-style scoring was not worth a DOM dependency here: news pages
 * the project codes put their text in `<article>`/`<main>` or in `<p>`s, and
 * paragraphs with little text (menus, bylines) are dropped below.
 */

const DROPPED_ELEMENTS = [
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "head",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "iframe",
  "button",
  "select",
  "figure",
];

const BLOCK_TAGS =
  /<\/?(?:p|div|section|article|main|h[1-6]|li|ul|ol|tr|table|blockquote|br|hr|dd|dt|pre)\b[^>]*>/gi;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  laquo: "«",
  raquo: "»",
};

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return true;
  const tags = text.slice(0, 20_000).match(/<\/?(?:p|div|body|span|a|script|br|h[1-6])\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 3;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X"
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && code !== 0xfffd
        ? String.fromCodePoint(code)
        : " ";
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function dropElements(html: string): string {
  let out = html.replace(/<!--[\s\S]*?-->/g, " ");
  for (const tag of DROPPED_ELEMENTS) {
    out = out.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}\\s*>`, "gi"), "\n");
    // An unclosed script or style runs to the end of the page.
    if (tag === "script" || tag === "style") {
      out = out.replace(new RegExp(`<${tag}\\b[\\s\\S]*$`, "i"), "\n");
    }
  }
  return out;
}

/** The inner HTML of the first `<article>` (else `<main>`, else `<body>`), or the whole page. */
function mainRegion(html: string): string {
  for (const tag of ["article", "main", "body"]) {
    const found = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, "i").exec(html);
    if (found?.[1] !== undefined && found[1].trim() !== "") return found[1];
  }
  return html;
}

/** Plain text of an HTML page's main content, one block per line. */
export function extractMainText(html: string): string {
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1];
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(html)?.[1];
  const region = mainRegion(dropElements(html));
  const blocks = decodeEntities(region.replace(BLOCK_TAGS, "\n\n").replace(/<[^>]*>/g, ""))
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, " ").trim())
    .filter((block) => block !== "");
  const heading = h1 ?? title;
  const headingText =
    heading === undefined ? "" : decodeEntities(heading.replace(/<[^>]*>/g, "")).trim();
  if (headingText !== "" && !blocks.includes(headingText)) blocks.unshift(headingText);
  return blocks.join("\n\n");
}
