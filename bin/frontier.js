#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx frontier` needs no build step.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
const main = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "cli", "main.ts");
await import(pathToFileURL(main).href);
