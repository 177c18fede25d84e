/**
 * The routes behind the Add data page, in-process: an upload imported in the background with
 * its progress, summary and rejected rows; an article coded, previewed and stored once.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import type { Db } from "../../src/store/db.ts";
import { countEvents } from "../../src/store/event-list.ts";
import { ROOT } from "../helpers/cli.ts";
import { openTestDb } from "../helpers/store.ts";

const BAD_ACLED = join(ROOT, "test/fixtures/ingest/acled-bad-values.csv");

/** A multipart/form-data body: the fields, then the file. */
function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = "----frontier-test-boundary";
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(parts.join("") + head),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

interface Job {
  id: string;
  state: "running" | "done" | "failed";
  dataset: string;
  result: { stored: number; rejected: number; alreadyImported: boolean } | null;
  error: { code: string; message: string } | null;
  rejects: { count: number; url: string } | null;
}

describe("POST /api/import and POST /api/code", () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await openTestDb();
    app = await buildApp({ db, profile: await ensureProfile(db) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  async function upload(fields: Record<string, string>, name: string, content: Buffer) {
    return app.inject({
      method: "POST",
      url: "/api/import",
      ...multipart(fields, { name, content }),
    });
  }

  async function finished(id: string): Promise<Job> {
    for (;;) {
      const job = (await app.inject({ url: `/api/import/${id}` })).json() as Job;
      if (job.state !== "running") return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("imports an upload in the background and lists its rejected rows", async () => {
    const res = await upload(
      { dataset: "auto", skipBad: "true" },
      "acled.csv",
      readFileSync(BAD_ACLED),
    );
    expect(res.statusCode).toBe(202);
    const job = await finished((res.json() as Job).id);
    expect(job).toMatchObject({ state: "done", dataset: "acled", error: null });
    expect(job.result?.stored).toBe(await countEvents(db, { dataset: ["acled"] }));
    expect(job.result?.rejected).toBeGreaterThan(0);
    const csv = await app.inject({ url: job.rejects?.url ?? "" });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trim().split("\n");
    expect(lines[0]).toBe("file,line,field,value,reason");
    expect(lines).toHaveLength((job.result?.rejected ?? 0) + 1);
    expect(lines[1]).toMatch(/^acled\.csv,\d+,/);

    const again = await finished(
      (await upload({ skipBad: "true" }, "acled.csv", readFileSync(BAD_ACLED))).json().id,
    );
    expect(again.result?.alreadyImported).toBe(true);
  });

  it("fails a file with a bad row, without skipBad, naming the row and leaving the store as it was", async () => {
    const before = await countEvents(db, {});
    const content = Buffer.from(
      readFileSync(BAD_ACLED, "utf8").replace("2023-02-27", "2023-02-26"),
    );
    const job = await finished(
      (await upload({ dataset: "acled" }, "other.csv", content)).json().id,
    );
    expect(job.state).toBe("failed");
    expect(job.error?.code).toBe("INVALID_INPUT");
    expect(job.error?.message).toMatch(/other\.csv/);
    expect(await countEvents(db, {})).toBe(before);
  });

  it("answers 400 for a file whose dataset cannot be told, and for an unknown field", async () => {
    const unknown = await upload({}, "notes.csv", Buffer.from("a,b\n1,2\n"));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain("cannot tell what notes.csv is");
    const field = await upload({ colour: "red" }, "acled.csv", readFileSync(BAD_ACLED));
    expect(field.statusCode).toBe(400);
    expect(field.json().code).toBe("INVALID_INPUT");
  });

  it("codes an article, previews its events, and stores them once", async () => {
    const text =
      "Pakistani forces said on 3 March 2026 that militants who crossed from Afghanistan killed five soldiers in North Waziristan.";
    const preview = await app.inject({
      method: "POST",
      url: "/api/code",
      payload: { text, date: "2026-03-04" },
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.recordable).toBe(1);
    expect(body.events[0]).toMatchObject({ category: "ASSAULT", isRecordable: true });
    expect(body.events[0].casualties.killed.best).toBe(5);
    expect(body.stored).toBeNull();
    const before = await countEvents(db, { dataset: ["text"] });
    const stored = await app.inject({
      method: "POST",
      url: "/api/code",
      payload: { text, date: "2026-03-04", store: true },
    });
    expect(stored.json().stored).toMatchObject({ alreadyStored: false, stored: 1 });
    expect(await countEvents(db, { dataset: ["text"] })).toBe(before + 1);
    const twice = await app.inject({
      method: "POST",
      url: "/api/code",
      payload: { text, date: "2026-03-04", store: true },
    });
    expect(twice.json().stored).toMatchObject({ alreadyStored: true });
  });
});
