/**
 * Reads a profile from YAML or JSON text. Every error is an
 * `AppError("INVALID_INPUT")` whose message starts with the source name and
 * names the first bad field by path, e.g.
 * `profiles/x.yaml: demands[2].evidence.progress[0].category: unknown category "ARRESTS" (line 88, column 21)`.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import { describeIssue, formatPath } from "../zod-messages.ts";
import { checkReferences, type IssuePath, type ProfileIssue } from "./references.ts";
import { type Profile, profileSchema } from "./schema.ts";

export interface ParseProfileOptions {
  /** File name or other label, put at the start of every error message. */
  source: string;
  /** Defaults to "json" when `source` ends in .json, else "yaml". */
  format?: "yaml" | "json";
}

/** Parses and checks a profile file's text; the result is deeply frozen. Throws `AppError("INVALID_INPUT")`. */
export function parseProfile(text: string, options: ParseProfileOptions): Profile {
  const format = options.format ?? (/\.json$/i.test(options.source) ? "json" : "yaml");
  const data = format === "json" ? readJson(text, options.source) : readYaml(text, options.source);

  const parsed = profileSchema.safeParse(data, { error: describeIssue });
  if (!parsed.success) {
    const issues = parsed.error.issues.map(toProfileIssue);
    throw invalid(options.source, text, issues, parsed.error);
  }
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) throw invalid(options.source, text, problems);
  return deepFreeze(parsed.data);
}

/** A profile is configuration: read once, then shared read-only. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function readYaml(text: string, source: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const [error] = doc.errors;
  if (error !== undefined) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const detail = error.message.split("\n")[0] ?? error.code;
    throw new AppError(
      "INVALID_INPUT",
      `${source}: YAML syntax error at line ${line}, column ${col}: ${detail}`,
      { cause: error },
    );
  }
  try {
    return doc.toJS();
  } catch (error) {
    // An alias whose anchor is missing or comes later (`*fata` before `&fata`).
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError("INVALID_INPUT", `${source}: YAML error: ${message}`, { cause: error });
  }
}

function readJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    let where = "";
    if (position !== undefined) {
      const { line, col } = lineAndColumn(text, Number(position));
      where = ` at line ${line}, column ${col}`;
    }
    throw new AppError("INVALID_INPUT", `${source}: JSON syntax error${where}: ${message}`, {
      cause: error,
    });
  }
}

function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, col: offset - lastBreak };
}

/** Plain-language messages for zod's built-in issues; custom messages win over these. */

function toProfileIssue(issue: z.core.$ZodIssue): ProfileIssue {
  const path = issue.path.filter(
    (part): part is string | number => typeof part === "string" || typeof part === "number",
  );
  if (issue.code === "unrecognized_keys") {
    const [key = "?"] = issue.keys;
    return { path: [...path, key], message: "unknown field" };
  }
  if (issue.code === "invalid_key") {
    const inner = issue.issues[0]?.message ?? issue.message;
    return { path, message: `invalid key: ${inner}` };
  }
  return { path, message: issue.message };
}

function invalid(source: string, text: string, issues: ProfileIssue[], cause?: unknown): AppError {
  const [first] = issues;
  if (first === undefined) return new AppError("INVALID_INPUT", `${source}: invalid profile`);
  const where = locate(text, first.path);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : "";
  const at = where === null ? "" : ` (line ${where.line}, column ${where.col})`;
  const message = `${source}: ${formatPath(first.path)}: ${first.message}${at}${more}`;
  return new AppError("INVALID_INPUT", message, { cause: cause ?? issues });
}

/**
 * Line and column of the deepest node on `path` in the source text. JSON is
 * YAML too, so one YAML parse locates fields of both formats.
 */
function locate(text: string, path: IssuePath): { line: number; col: number } | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  let found: Node | null = isNode(doc.contents) ? doc.contents : null;
  for (const part of path) {
    const next = childOf(found, part);
    if (next === null) break;
    found = next;
  }
  const start = found?.range?.[0];
  return start === undefined ? null : lineCounter.linePos(start);
}

function childOf(node: Node | null, part: string | number): Node | null {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === String(part),
    );
    return isNode(pair?.value) ? pair.value : null;
  }
  if (isSeq(node) && typeof part === "number") {
    const item: unknown = node.items[part];
    return isNode(item) ? item : null;
  }
  return null;
}
