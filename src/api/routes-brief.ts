import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { BRIEF_FORMATS, collectBrief, DEFAULT_CHROMIUM, renderBrief } from "../app/brief.ts";
import type { AppDeps } from "./deps.ts";
import { isoDate } from "./schemas.ts";
import { parse, queryDoc } from "./validate.ts";

export const briefQuerySchema = z.strictObject({
  format: z.enum(BRIEF_FORMATS).default("html"),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export interface BriefDeps extends AppDeps {
  /** The Chromium that prints PDFs (default /usr/bin/chromium). */
  chromium?: string;
}

/**
 * `GET /api/brief`: the situation report as `frontier brief` makes it, as Markdown, HTML or
 * PDF. Like `/api/demands` and `/api/escalation`, it stores the evidence links and alerts it
 * derives (repeating a request changes nothing).
 */
export function registerBriefRoutes(app: FastifyInstance, deps: BriefDeps, today: () => string) {
  app.get(
    "/api/brief",
    {
      schema: queryDoc(
        briefQuerySchema,
        "situation report: trend, demands, figures with their events, challenges, the mechanism's published figures, examples, what to watch (md, html or pdf)",
      ),
    },
    async (request, reply) => {
      const q = parse(briefQuerySchema, request.query);
      const input = await collectBrief(deps.db, deps.profile, {
        from: q.from,
        to: q.to,
        today: today(),
      });
      const rendered = await renderBrief(input, q.format, {
        chromium: deps.chromium ?? DEFAULT_CHROMIUM,
      });
      const name = `brief-${input.from}-${input.to}.${rendered.extension}`;
      reply.header("content-type", rendered.contentType);
      // The HTML brief is self-contained: inline styles and SVG, and nothing else allowed.
      if (q.format === "html") {
        reply.header(
          "content-security-policy",
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        );
      } else {
        reply.header("content-disposition", `attachment; filename="${name}"`);
      }
      return reply.send(rendered.body);
    },
  );
}
