import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import { AppError } from "../domain/errors.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".geojson": "application/geo+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The dashboard loads nothing from elsewhere: no tiles, fonts or scripts from the internet.
 * MapLibre runs its worker from a blob URL; Plot sets inline style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "child-src blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Boundary layers the map draws, each from the first of its files found in the geo directory
 * (Natural Earth via world-atlas, filtered to the region; see ../shared/data/SOURCES.md).
 */
export const GEO_LAYERS = [
  { id: "countries", files: ["ne_10m_admin_0_countries_PAK_AFG_world-atlas.geojson"] },
  {
    id: "admin1",
    files: [
      "ne_10m_admin_1_states_provinces_PAK_AFG_simplified10pct.geojson",
      "ne_10m_admin_1_states_provinces_PAK_AFG.geojson",
    ],
  },
  { id: "border", files: ["pak_afg_border_line_ne_10m.geojson"] },
] as const;

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function sendFile(reply: FastifyReply, path: string, cacheControl: string) {
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
  reply
    .header("content-type", type)
    .header("cache-control", cacheControl)
    .header("x-content-type-options", "nosniff");
  if (type.startsWith("text/html"))
    reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
  return reply.send(createReadStream(path));
}

/** The file under `root` that a URL path names, or null when it would leave `root`. */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const base = resolve(root);
  const path = resolve(base, `.${decoded.startsWith("/") ? decoded : `/${decoded}`}`);
  return path === base || path.startsWith(base + sep) ? path : null;
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Frontier Watch</title>
<p>The dashboard is not built. Run <code>npm run build:web</code>, then reload.
The API is at <a href="/openapi.json">/openapi.json</a>.</p></html>`;

/** `/api/geo`, `/geo/FILE` (boundaries, read-only) and the built dashboard at `/`. */
export function registerStaticRoutes(
  app: FastifyInstance,
  dirs: { webDir: string | null; geoDir: string | null },
) {
  const { webDir, geoDir } = dirs;
  const geoFiles = async () => {
    if (geoDir === null) return [];
    const found: { id: string; file: string }[] = [];
    for (const layer of GEO_LAYERS) {
      for (const file of layer.files) {
        if (await isFile(join(geoDir, file))) {
          found.push({ id: layer.id, file });
          break;
        }
      }
    }
    return found;
  };

  app.get(
    "/api/geo",
    { schema: { summary: "boundary layers available to the map" } },
    async () => ({
      layers: (await geoFiles()).map(({ id, file }) => ({ id, url: `/geo/${file}` })),
    }),
  );

  app.get<{ Params: { file: string } }>(
    "/geo/:file",
    { schema: { hide: true } },
    async (request, reply) => {
      const layer = (await geoFiles()).find((l) => l.file === request.params.file);
      if (layer === undefined || geoDir === null) {
        throw new AppError("NOT_FOUND", `no boundary file "${request.params.file}"`);
      }
      return sendFile(reply, join(geoDir, layer.file), "public, max-age=3600");
    },
  );

  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split("?")[0] ?? "/";
    if (urlPath.startsWith("/api/") || urlPath.startsWith("/geo/")) {
      throw new AppError("NOT_FOUND", `no route GET ${urlPath}`);
    }
    if (webDir === null || !(await isFile(join(webDir, "index.html")))) {
      return reply.status(404).type("text/html; charset=utf-8").send(NOT_BUILT);
    }
    const path = resolveUnder(webDir, urlPath);
    if (path !== null && path !== resolve(webDir) && (await isFile(path))) {
      // Vite names built assets by content hash, so they never change under one name.
      const isHashed = urlPath.startsWith("/assets/");
      return sendFile(reply, path, isHashed ? "public, max-age=31536000, immutable" : "no-cache");
    }
    if (extname(urlPath) !== "") throw new AppError("NOT_FOUND", `no file ${urlPath}`);
    return sendFile(reply, join(webDir, "index.html"), "no-cache");
  });
}
