import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_EVIDENCE_BYTES } from "../../src/verify/index.ts";
import {
  type Actor,
  act,
  addActor,
  call,
  fileReport,
  type Harness,
  openHarness,
} from "./support.ts";

let h: Harness;
let pak: Actor;
let mediator: Actor;
let report = "";

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");

beforeAll(async () => {
  h = await openHarness();
  pak = await addActor(h, "pak.one", "liaison", "PAK");
  mediator = await addActor(h, "med.one", "mediator");
  report = await fileReport(h, pak);
});
afterAll(() => h.close());

function upload(bytes: Buffer, filename: string, who: Actor = pak, id = report) {
  return call(
    h,
    who,
    "POST",
    `/api/verify/reports/${id}/evidence?filename=${encodeURIComponent(filename)}`,
    bytes,
  );
}

describe("evidence files", () => {
  it("types a file by its content, stores it by sha256 and serves it only as a download", async () => {
    const res = await upload(PNG, "checkpoint.png");
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      filename: "checkpoint.png",
      mediaType: "image/png",
      size: PNG.length,
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const dl = await call(h, pak, "GET", `/api/verify/evidence/${file.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect(dl.headers).toMatchObject({
      "content-type": "image/png",
      "content-disposition": `attachment; filename="checkpoint.png"; filename*=UTF-8''checkpoint.png`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
    });
    // The same bytes twice are stored once.
    await upload(PNG, "again.png");
    const blobs = await h.db.query<{ n: number }>("SELECT count(*)::int AS n FROM evidence_blobs");
    expect(blobs[0]?.n).toBe(1);
  });

  it("believes the content, not the name: a PNG called .pdf, HTML called .png", async () => {
    const renamed = await upload(PNG, "scan.pdf");
    expect(renamed.json()).toMatchObject({ mediaType: "image/png", filename: "scan.pdf.png" });
    const html = await upload(Buffer.from("<html><script>alert(1)</script></html>"), "photo.png");
    expect(html.statusCode).toBe(400);
    expect(html.json().message).toMatch(/^the file's content is not PDF, PNG/);
    const svg = await upload(
      Buffer.from('<?xml version="1.0"?><svg onload="alert(1)"/>'),
      "map.svg",
    );
    expect(svg.statusCode).toBe(400);
    const exe = await upload(Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), "report.pdf");
    expect(exe.statusCode).toBe(400);
    const text = await upload(Buffer.from("Notes from the border post.\n"), "notes.html");
    expect(text.json()).toMatchObject({
      mediaType: "text/plain; charset=utf-8",
      filename: "notes.html.txt",
    });
  });

  it("refuses an empty and an oversized file, and a body that is not octet-stream", async () => {
    expect((await upload(Buffer.alloc(0), "empty.pdf")).statusCode).toBe(400);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_EVIDENCE_BYTES + 1 - PDF.length, 0x20)]);
    const res = await upload(big, "big.pdf");
    expect(res.statusCode).toBe(413);
    const json = await call(
      h,
      pak,
      "POST",
      `/api/verify/reports/${report}/evidence?filename=a.pdf`,
      { a: 1 },
    );
    expect(json.statusCode).toBe(400);
  });

  it("cuts path traversal and odd characters out of filenames", async () => {
    const cases: [string, string][] = [
      ["../../../../etc/passwd", "passwd.pdf"],
      ["..\\..\\windows\\system32\\cmd.exe", "cmd.exe.pdf"],
      ["/abs/path/report.pdf", "report.pdf"],
      ['evil"; filename="x.html', "evil__ filename__x.html.pdf"],
      ["..", "evidence.pdf"],
      ["CON.pdf", "_CON.pdf"],
      ["rapport d’incident – Khost.pdf", "rapport d_incident _ Khost.pdf"],
      ["a\u0000b\r\nc.pdf", "abc.pdf"],
    ];
    for (const [raw, expected] of cases) {
      const res = await upload(PDF, raw);
      expect(res.json().filename, raw).toBe(expected);
    }
    // Letters of any script are kept; old clients get an ASCII fallback.
    const res = await upload(PDF, "گزارش Khost.pdf");
    expect(res.json().filename).toBe("گزارش Khost.pdf");
    const dl = await call(h, pak, "GET", `/api/verify/evidence/${res.json().id}`);
    expect(dl.headers["content-disposition"]).toBe(
      `attachment; filename="_____ Khost.pdf"; filename*=UTF-8''${encodeURIComponent("گزارش")}%20Khost.pdf`,
    );
  });

  it("takes no evidence once the report is concluded", async () => {
    const id = await fileReport(h, pak);
    for (const action of [{ type: "acknowledge" }, { type: "start_verification" }])
      await act(h, mediator, id, action);
    await act(h, mediator, id, {
      type: "conclude",
      outcome: "not_verified",
      finding: { facts: "f", attribution: "a", breachedCommitment: null, measure: "m" },
    });
    const res = await upload(PDF, "late.pdf", pak, id);
    expect(res.statusCode).toBe(409);
  });
});
