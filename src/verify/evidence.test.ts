import { describe, expect, it } from "vitest";
import { contentDisposition, sanitizeFilename, sniffEvidenceType } from "./evidence.ts";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))),
  );

describe("sniffEvidenceType()", () => {
  it("reads the type from the first bytes", () => {
    const cases: [Buffer, string | null][] = [
      [bytes("%PDF-1.4\n"), "application/pdf"],
      [bytes([0x89], "PNG\r\n", [0x1a, 0x0a]), "image/png"],
      [bytes([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
      [bytes("GIF89a"), "image/gif"],
      [bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "image/webp"],
      [bytes([0, 0, 0, 0x18], "ftypisom"), "video/mp4"],
      [bytes([0, 0, 0, 0x18], "ftypheic"), null],
      [bytes("plain notes, ünïcode ok\n"), "text/plain; charset=utf-8"],
      [bytes("  <!DOCTYPE html><p>x"), null],
      [bytes("\ufeff<svg/>"), null],
      [bytes("MZ", [0x90, 0]), null],
      [bytes([0x7f], "ELF"), null],
      [bytes("PK", [3, 4]), null],
      [bytes([0xc3, 0x28]), null],
      [bytes(""), null],
    ];
    for (const [input, type] of cases)
      expect(sniffEvidenceType(input)?.mediaType ?? null, input.toString("latin1")).toBe(type);
  });
});

describe("sanitizeFilename()", () => {
  const pdf = { mediaType: "application/pdf", extensions: ["pdf"] };
  it("keeps a basename of safe characters whose extension matches the content", () => {
    expect(sanitizeFilename("../../etc/passwd", pdf)).toBe("passwd.pdf");
    expect(sanitizeFilename("C:\\Users\\a\\scan.PDF", pdf)).toBe("scan.PDF");
    expect(sanitizeFilename("...hidden", pdf)).toBe("hidden.pdf");
    expect(sanitizeFilename("a<b>c|d?.pdf", pdf)).toBe("a_b_c_d_.pdf");
    expect(sanitizeFilename("nul", pdf)).toBe("_nul.pdf");
    expect(sanitizeFilename("x".repeat(300), pdf)).toHaveLength(120);
  });
});

describe("contentDisposition()", () => {
  it("always says attachment, with an ASCII fallback and an RFC 5987 name", () => {
    expect(contentDisposition("a'b (1).pdf")).toBe(
      `attachment; filename="a'b (1).pdf"; filename*=UTF-8''a%27b%20%281%29.pdf`,
    );
  });
});
