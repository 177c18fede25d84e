import { errorMessage, getJson, postJson } from "../api.ts";
import { type Child, dataTable, fill, h } from "../dom.ts";
import { fmtInt } from "../format.ts";
import type { Page } from "../main.ts";
import type { CodeResponse, ImportJob } from "../types.ts";

const POLL_MS = 400;

function count(n: number, one: string, many = `${one}s`): string {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}

function percent(done: number, total: number): string {
  return total > 0 ? `${Math.min(100, Math.round((100 * done) / total))}%` : "";
}

/** Sends the form with XMLHttpRequest, the one browser API that reports upload progress. */
function upload(form: FormData, onProgress: (sent: number, total: number) => void) {
  return new Promise<ImportJob>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/import");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.addEventListener("progress", (e) => onProgress(e.loaded, e.total));
    xhr.addEventListener("load", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status === 202) resolve(body as ImportJob);
      else reject(new Error(errorMessage(body, `${xhr.status} ${xhr.statusText}`)));
    });
    xhr.addEventListener("error", () => reject(new Error("the upload failed")));
    xhr.send(form);
  });
}

function summary(job: ImportJob): HTMLElement {
  const r = job.result;
  if (r === null) return h("p", {}, "Done.");
  if (r.alreadyImported) {
    return h(
      "p",
      { id: "import-summary" },
      `${job.file} was imported before (same ${job.dataset} file): nothing changed.`,
    );
  }
  const rows: [string, number][] = [
    ["Rows read", r.read],
    ["Events stored", r.stored],
    ["Updated", r.updated],
    ["Unchanged", r.unchanged],
    ["Outside the profile's region (skipped)", r.skippedRegion],
    ["Rejected", r.rejected],
  ];
  return h(
    "div",
    { id: "import-summary" },
    h(
      "p",
      { role: "status" },
      `Imported ${job.file} as ${job.dataset.toUpperCase()} in ${r.seconds.toFixed(1)} s.`,
    ),
    dataTable(
      "Import summary",
      ["", "Rows"],
      rows.map(([label, n]) => [label, fmtInt(n)]),
    ),
    job.rejects === null
      ? null
      : h(
          "p",
          {},
          h(
            "a",
            { href: job.rejects.url, download: `rejects-${job.file}.csv`, id: "rejects-link" },
            `Download the ${fmtInt(job.rejects.count)} rejected rows (CSV)`,
          ),
        ),
  );
}

function uploadSection(): HTMLElement {
  const status = h("div", { id: "import-status", "aria-live": "polite" });
  const bar = h("progress", { id: "import-progress", max: 100, value: 0, hidden: true });
  const file = h("input", { type: "file", name: "file", id: "upload-file", required: true });
  const dataset = h(
    "select",
    { name: "dataset", id: "upload-dataset" },
    h("option", { value: "auto" }, "Tell from the header"),
    h("option", { value: "acled" }, "ACLED"),
    h("option", { value: "ucdp" }, "UCDP (GED, candidate, conflict-years)"),
    h("option", { value: "gdelt" }, "GDELT 2.0 events"),
  );
  const skipBad = h("input", {
    type: "checkbox",
    name: "skipBad",
    id: "upload-skip",
    value: "true",
  });
  const submit = h("button", { type: "submit", class: "primary" }, "Upload and import");
  const form = h(
    "form",
    { class: "controls", "aria-label": "Upload a data file", id: "upload-form" },
    h("label", { for: "upload-file" }, "ACLED, UCDP or GDELT file (CSV, TSV or zip)", file),
    h("label", { for: "upload-dataset" }, "Dataset", dataset),
    h(
      "label",
      { for: "upload-skip", class: "inline" },
      h("span", {}, skipBad, " Skip bad rows (and list them)"),
    ),
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      submit.disabled = true;
      bar.hidden = false;
      try {
        const job = await upload(new FormData(form), (sent, total) => {
          bar.value = total > 0 ? (100 * sent) / total : 0;
          fill(status, h("p", {}, `Uploading… ${percent(sent, total)}`));
        });
        let current = job;
        while (current.state === "running") {
          const { rows, bytesRead, totalBytes } = current.progress;
          bar.value = totalBytes > 0 ? (100 * bytesRead) / totalBytes : 0;
          fill(
            status,
            h(
              "p",
              {},
              `Importing ${current.file}: ${fmtInt(rows)} rows read ${percent(bytesRead, totalBytes)}`,
            ),
          );
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          current = await getJson<ImportJob>(`/api/import/${current.id}`);
        }
        bar.value = 100;
        if (current.state === "failed") {
          fill(
            status,
            h(
              "p",
              { class: "error", role: "alert" },
              `Nothing was imported: ${current.error?.message ?? "the import failed"}`,
            ),
          );
        } else fill(status, summary(current));
      } catch (error) {
        fill(
          status,
          h("p", { class: "error", role: "alert" }, `Upload failed: ${errorMessage(error)}`),
        );
      } finally {
        submit.disabled = false;
        bar.hidden = true;
      }
    })();
  });
  return h(
    "section",
    { class: "card", id: "upload" },
    h("h2", {}, "Upload a file"),
    h(
      "p",
      { class: "muted" },
      "A file is imported whole or not at all, as frontier import does; importing the same file again changes nothing. With “skip bad rows” the rows that cannot be read are left out and listed for download.",
    ),
    form,
    bar,
    status,
  );
}

function place(e: CodeResponse["events"][number]): string {
  const p = e.place;
  if (p === null) return "—";
  return [p.name, p.admin1, p.countryIso3].filter((x) => x !== null && x !== "").join(", ");
}

function preview(result: CodeResponse): Child[] {
  if (result.notCoded !== null) {
    return [h("p", { role: "status" }, `Not coded: ${result.notCoded.detail}`)];
  }
  const rows = result.events.map((e) => [
    e.date?.start ?? "no date",
    place(e),
    [e.category, e.subtype].filter(Boolean).join(" / "),
    [e.actor?.name, e.recipient?.name].filter(Boolean).join(" → ") || "—",
    e.casualties.killed === null ? "—" : fmtInt(e.casualties.killed.best),
    e.isRecordable ? "yes" : `no (${e.date === null ? "no date" : e.modality.join(", ")})`,
    e.evidence.text,
  ]);
  return [
    h(
      "p",
      { role: "status", id: "code-count" },
      `${count(result.events.length, "coded event")}, ${fmtInt(result.recordable)} dated and factual enough to store; ${count(result.claims.length, "claim")}, ${count(result.questions.length, "question")}.`,
      result.hasGazetteer ? "" : " (No gazetteer on the server: places are not coded.)",
    ),
    rows.length === 0
      ? null
      : h(
          "div",
          { class: "scroll" },
          dataTable(
            "Coded events (preview)",
            ["Date", "Place", "Type", "Actor → recipient", "Killed", "Storable", "Sentence"],
            rows,
          ),
        ),
  ];
}

function codeSection(): HTMLElement {
  const out = h("div", { id: "code-result", "aria-live": "polite" });
  const text = h("textarea", { id: "code-text", name: "text", rows: 10, required: true });
  const date = h("input", { type: "date", id: "code-date", name: "date" });
  const submit = h("button", { type: "submit", class: "primary" }, "Code the article");
  const form = h(
    "form",
    { "aria-label": "Code an article", id: "code-form" },
    h("label", { for: "code-text" }, "Article text (plain text or HTML)", text),
    h(
      "div",
      { class: "controls" },
      h("label", { for: "code-date" }, "Article date (resolves “on Monday”)", date),
      submit,
    ),
  );
  const body = (store: boolean) => ({
    text: text.value,
    ...(date.value ? { date: date.value } : {}),
    store,
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      fill(out, h("p", { role: "status" }, "Coding…"));
      try {
        const result = await postJson<CodeResponse>("/api/code", body(false));
        const store = h(
          "button",
          { type: "button", id: "code-store", disabled: result.recordable === 0 },
          `Store the ${count(result.recordable, "dated event")}`,
        );
        const note = h("p", { role: "status", id: "code-stored" });
        store.addEventListener("click", () => {
          void postJson<CodeResponse>("/api/code", body(true))
            .then((r) => {
              const s = r.stored;
              fill(
                note,
                s === null
                  ? "Nothing to store."
                  : s.alreadyStored
                    ? "This text was stored before: nothing changed."
                    : `Stored ${count(s.stored, "event")} (dataset “text”).`,
              );
              store.disabled = true;
            })
            .catch((error: unknown) =>
              fill(note, h("span", { class: "error" }, errorMessage(error))),
            );
        });
        fill(out, ...preview(result), store, note);
      } catch (error) {
        fill(
          out,
          h("p", { class: "error", role: "alert" }, `Could not code it: ${errorMessage(error)}`),
        );
      }
    })();
  });
  return h(
    "section",
    { class: "card", id: "code" },
    h("h2", {}, "Paste an article"),
    h(
      "p",
      { class: "muted" },
      "The coder reads events, casualties, places and demands from news text. Check the preview; only dated reports of what happened are stored, as source records of dataset “text”.",
    ),
    form,
    out,
  );
}

/** Adding data: upload an event file, or paste an article and store its coded events. */
export const renderAddData: Page = async (root) => {
  root.append(
    h("h1", { tabindex: -1 }, "Add data"),
    h("div", { class: "grid" }, uploadSection(), codeSection()),
  );
  return undefined;
};
