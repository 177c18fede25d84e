import { defineConfig } from "vite";

/**
 * The dashboard (web/) builds to web/dist, which `frontier serve` serves at `/`. In development
 * (`npx vite`), API and boundary requests go to a `frontier serve` on port 8080.
 */
export default defineConfig({
  root: "web",
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // MapLibre alone is ~800 kB minified; it is loaded only by the map page.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8080",
      "/geo": "http://127.0.0.1:8080",
    },
  },
});
