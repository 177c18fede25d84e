/** Helpers for the sync tests: a local HTTP server with scripted faults, zips, GDELT rows. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";
import type { Db } from "../../src/store/db.ts";

export const SYNC_FIXTURES = fileURLToPath(new URL("../fixtures/sync/", import.meta.url));
const GDELT_SAMPLE = fileURLToPath(
  new URL("../../../shared/data/gdelt/20191024143000.export.CSV", import.meta.url),
);

/** What the server does for one request to a path; queued per path, then it serves normally. */
export type Fault =
  | { kind: "status"; status: number }
  /** Sends the headers (full Content-Length) and half the body, then drops the connection. */
  | { kind: "cut" }
  /** Sends the headers and half the body, then waits until the server closes. */
  | { kind: "stall" };

export interface TestServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  files: Map<string, Buffer>;
  faults: Map<string, Fault[]>;
  requests: { path: string; headers: IncomingMessage["headers"] }[];
  /** Answers a request itself (UCDP pages); `undefined` falls through to `files`. */
  handle?: (path: string, req: IncomingMessage) => { status: number; body: string } | undefined;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    result.requests.push({ path: req.url ?? "/", headers: req.headers });
    const fault = result.faults.get(path)?.shift();
    if (fault?.kind === "status") {
      res.writeHead(fault.status).end("scripted failure");
      return;
    }
    const custom = result.handle?.(path, req);
    if (custom && custom.status !== 200) {
      res.writeHead(custom.status, { "content-type": "application/json" }).end(custom.body);
      return;
    }
    const body = custom ? Buffer.from(custom.body) : result.files.get(path);
    if (body === undefined) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-length": String(body.length) });
    if (fault?.kind === "stall") {
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      return;
    }
    if (fault?.kind === "cut") {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
      return;
    }
    res.end(body);
  });
  const result: TestServer = {
    url: "",
    files: new Map(),
    faults: new Map(),
    requests: [],
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  result.url = `http://127.0.0.1:${port}/`;
  return result;
}

/** A zip with one deflated member, as GDELT packs its files (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16). */
export function makeZip(memberName: string, content: Buffer): Buffer {
  const name = Buffer.from(memberName);
  const data = deflateRawSync(content);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

export function md5(data: Buffer): string {
  return createHash("md5").update(data).digest("hex");
}

/** `count` rows of the real GDELT export of 2019-10-24 14:30, from row `offset` (0-based). */
export function gdeltRows(offset: number, count: number): string[] {
  const lines = readFileSync(GDELT_SAMPLE, "utf8").split("\n");
  return lines.slice(offset, offset + count);
}

/** An export zip for a slot holding the given rows. */
export function gdeltZip(slot: string, rows: string[]): { name: string; zip: Buffer } {
  const name = `${slot}.export.CSV`;
  return { name: `${name}.zip`, zip: makeZip(name, Buffer.from(`${rows.join("\n")}\n`)) };
}

/** The fixture master list with `{bytes} {md5}` filled in from the zips (absent zips keep 0s). */
export function fillList(template: string, zips: Map<string, Buffer>): string {
  return template.replace(/\{bytes\} \{md5\} (\S+)/g, (_, url: string) => {
    const name = url.slice(url.lastIndexOf("/") + 1);
    const zip = zips.get(name);
    return zip ? `${zip.length} ${md5(zip)} ${url}` : `0 ${"0".repeat(32)} ${url}`;
  });
}

/** The fixture list's export slots; 00:45 has a mentions file but no export (a real-style gap). */
export const FIXTURE_SLOTS = [
  "20240301000000",
  "20240301001500",
  "20240301003000",
  "20240301010000",
];

/**
 * Serves the fixture master list and one export zip per slot, each holding `rowsPerFile` rows of
 * the real export (different rows in each file). Returns the zips by file name.
 */
export async function serveGdelt(
  server: TestServer,
  rowsPerFile: number,
): Promise<Map<string, Buffer>> {
  const zips = new Map<string, Buffer>();
  for (const [i, slot] of FIXTURE_SLOTS.entries()) {
    const { name, zip } = gdeltZip(slot, gdeltRows(i * rowsPerFile, rowsPerFile));
    zips.set(name, zip);
    server.files.set(`/${name}`, zip);
  }
  server.files.set("/masterfilelist.txt", fixtureList(zips));
  return zips;
}

/** The fixture master list with the sizes and md5s of these zips. */
export function fixtureList(zips: Map<string, Buffer>): Buffer {
  const template = readFileSync(`${SYNC_FIXTURES}masterfilelist.txt`, "utf8");
  return Buffer.from(fillList(template, zips));
}

/** Empties what an import writes, so one store serves a whole test file (opening one is slow). */
export async function resetImports(db: Db): Promise<void> {
  await db.exec(
    "TRUNCATE source_records, source_files, import_runs, events CASCADE; DELETE FROM meta WHERE key = 'sync.gdelt'",
  );
}
