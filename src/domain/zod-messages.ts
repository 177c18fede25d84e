/**
 * Error wording shared by the files users write (crisis profiles, CSV mappings): zod issues in
 * plain words, and the path of the bad field as `demands[2].evidence.progress[0].category`.
 */
import type { z } from "zod";

/** A zod error-map function: words for missing fields, wrong types and closed value sets. */
export function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input === undefined) return "is required";
  if (issue.code === "invalid_type") {
    return `expected ${issue.expected}, got ${kindOf(issue.input)}`;
  }
  if (issue.code === "invalid_value") {
    const allowed = issue.values.map((value) => JSON.stringify(value)).join(", ");
    return `must be one of ${allowed}; got ${JSON.stringify(issue.input)}`;
  }
  return undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** `demands[2].evidence.progress[0].category`; the empty path is "(top level)". */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  }
  return out === "" ? "(top level)" : out;
}
