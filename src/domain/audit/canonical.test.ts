import { describe, expect, it } from "vitest";
import { canonicalJson, digestText, sha256Hex } from "./canonical.ts";

describe("canonicalJson()", () => {
  it("sorts keys by UTF-16 code units and drops whitespace (RFC 8785 §3.2.3)", () => {
    // The property names of RFC 8785's sorting example, in its expected order.
    const value = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew",
      "1": "One",
      "\ud83d\ude00": "Emoji",
      "\u0080": "Control",
      "\u00f6": "Latin",
    };
    const order = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"];
    const expected = `{${order.map((k) => `${JSON.stringify(k)}:${JSON.stringify(value[k as keyof typeof value])}`).join(",")}}`;
    expect(canonicalJson(value)).toBe(expected);
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(
      '{"a":null,"b":[1,{"c":2,"d":1}]}',
    );
  });

  it("writes numbers as ECMAScript does (RFC 8785 appendix B)", () => {
    const cases: [number, string][] = [
      [0, "0"],
      [-0, "0"],
      [1e21, "1e+21"],
      [1e-7, "1e-7"],
      [0.000001, "0.000001"],
      [333333333.3333333, "333333333.3333333"],
      [9007199254740991, "9007199254740991"],
    ];
    for (const [n, text] of cases) expect(canonicalJson(n)).toBe(text);
  });

  it("gives equal bytes for equal values, whatever the key order", () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: 1 } })).toBe(
      canonicalJson({ y: { a: 1, b: 2 }, x: 1 }),
    );
  });

  it("leaves out undefined properties and refuses what JSON cannot hold", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow("$.n: NaN has no JSON form");
    expect(() => canonicalJson([undefined])).toThrow("$[0]: a undefined has no JSON form");
    expect(() => canonicalJson({ d: new Date(0) })).toThrow("only plain objects");
    expect(() => canonicalJson("\ud800")).toThrow("lone surrogate");
  });

  it("hashes with sha256 and writes digests of text", () => {
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(digestText("abc")).toBe(
      "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
