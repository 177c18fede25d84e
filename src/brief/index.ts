/**
 * Briefs (DESIGN.md, "Brief"): a situation report in the shape of the seed article, built
 * from the analysis results and rendered as Markdown or HTML with inline SVG charts. Pure:
 * data in, strings out; the PDF is Chromium printing the HTML, at the edges.
 */
export { buildBrief } from "./build.ts";
export { renderHtml } from "./html.ts";
export { renderMarkdown } from "./markdown.ts";
export { renderChart } from "./svg.ts";
export type {
  Brief,
  BriefDemand,
  BriefInput,
  BriefQuestion,
  Chart,
  Citation,
  Figure,
  Section,
} from "./types.ts";
