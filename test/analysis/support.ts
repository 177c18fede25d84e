/** Shared by the analysis tests: the default profile in a store, fixture imports, a webhook. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Io } from "../../src/cli/context.ts";
import { ensureProfile } from "../../src/cli/profile-file.ts";
import type { SourceRecord } from "../../src/domain/event.ts";
import type { Profile } from "../../src/domain/profile/index.ts";
import type { Db } from "../../src/store/db.ts";
import { type ImportItem, importFile } from "../../src/store/importer.ts";

export const STORE = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

async function* items(records: readonly SourceRecord[]): AsyncIterable<ImportItem> {
  for (const record of records) yield { kind: "record", record, inRegion: true };
}

/** Loads the default profile into the store and imports the records as one file. */
export async function loadFixtures(
  db: Db,
  records: readonly SourceRecord[],
  name = "analysis-fixtures",
): Promise<Profile> {
  const profile = await ensureProfile(db);
  await importFile(db, { dataset: "text", name, sha256: name, bytes: 0 }, items(records));
  return profile;
}

/** Event ids by native id, to name fixture events in expectations. */
export async function eventIdsByNativeId(db: Db): Promise<Map<string, number>> {
  const rows = await db.query<{ native_id: string; event_id: number }>(
    "SELECT native_id, event_id FROM source_records WHERE event_id IS NOT NULL",
  );
  return new Map(rows.map((r) => [r.native_id, r.event_id]));
}

export interface Received {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/** A webhook receiver on 127.0.0.1 that answers `status()` and keeps what it received. */
export async function startWebhook(status: () => number) {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        contentType: req.headers["content-type"],
        body: JSON.parse(text),
      });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/secret-token-123`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    isTty: false,
  };
}
