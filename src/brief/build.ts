/**
 * A brief in the shape of the seed article: the situation and its trend, what is demanded and
 * where each demand stands, why it matters, the challenges, the verification mechanism's
 * published figures, recent examples and what to watch next. Pure: the analysis results come
 * in, a document comes out for a renderer to draw.
 */
import { datasetsOf, EventIndex, publishers, span } from "./cite.ts";
import { challengesSection, demandsSection } from "./demands.ts";
import { mechanismSection } from "./mechanism.ts";
import { mattersSection, situationSection } from "./situation.ts";
import type { Brief, BriefInput } from "./types.ts";
import { appendixEvents, recentSection, watchSection } from "./watch.ts";

export function buildBrief(input: BriefInput): Brief {
  const index = new EventIndex([
    ...(input.trends.events ?? []),
    ...(input.escalation.events ?? []),
    ...(input.crossBorder.latest ?? []),
  ]);
  const sections = [
    situationSection(input, index),
    demandsSection(input, index),
    mattersSection(input, index),
    challengesSection(input, index),
    mechanismSection(input),
    recentSection(input, index),
    watchSection(input),
  ];
  const used = datasetsOf([...(input.trends.events ?? []), ...index.cited.values()]);
  for (const p of input.demands.periods)
    for (const d of p.demands) for (const ds of d.datasets) used.add(ds);
  return {
    title: `${input.profile.name}: situation report`,
    subtitle: `${span(input.from, input.to)} · made ${input.generatedOn} by Frontier Watch from the stored event data (simulated events excluded)`,
    generatedOn: input.generatedOn,
    from: input.from,
    to: input.to,
    sections,
    publishers: publishers(used),
    cited: appendixEvents(index.cited),
  };
}
