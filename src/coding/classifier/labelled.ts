/**
 * Labelled examples from the rows of a labelled file: ACLED exports (`notes`
 * with `sub_event_type`), the renamed ACLED subset (`Notes`, `Sub_type`) and
 * the CASE 2021 task-2 snippets (`EventSnippet`, `SubType`). Labels are
 * ACLED sub-event type names; CASE codes (ARMED_CLASH, …) become those names,
 * and CASE's five non-ACLED types (DIPLO, ATTRIB, …) are kept as they are.
 */
import { AppError } from "../../domain/errors.ts";
import { parseAcledSubEventType } from "../../domain/ontology/index.ts";
import type { LabelledText } from "./model.ts";

const TEXT_COLUMNS = ["notes", "Notes", "EventSnippet", "text"];
const LABEL_COLUMNS = ["sub_event_type", "Sub_type", "SubType", "label"];

export interface LabelledRows {
  examples: LabelledText[];
  /** Rows with an empty text or label, skipped. */
  skipped: number;
}

function pickColumn(columns: readonly string[], wanted: readonly string[]): string | undefined {
  return wanted.find((name) => columns.includes(name));
}

/** Examples from header → value rows; throws when the text or label column is missing. */
export function labelledFromRows(
  rows: ReadonlyArray<Record<string, string>>,
  options: { source: string },
): LabelledRows {
  const columns = Object.keys(rows[0] ?? {});
  const textColumn = pickColumn(columns, TEXT_COLUMNS);
  const labelColumn = pickColumn(columns, LABEL_COLUMNS);
  if (textColumn === undefined || labelColumn === undefined) {
    throw new AppError(
      "INVALID_INPUT",
      `${options.source}: needs a text column (${TEXT_COLUMNS.join(", ")}) and a label column (${LABEL_COLUMNS.join(", ")}); found ${columns.join(", ") || "no header"}`,
    );
  }
  const examples: LabelledText[] = [];
  let skipped = 0;
  for (const row of rows) {
    const text = (row[textColumn] ?? "").trim();
    const raw = (row[labelColumn] ?? "").trim();
    if (text === "" || raw === "") {
      skipped += 1;
      continue;
    }
    examples.push({ text, label: parseAcledSubEventType(raw) ?? raw });
  }
  return { examples, skipped };
}
