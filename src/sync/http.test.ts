import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  checkDownload,
  describeError,
  isRetryableStatus,
  TransferError,
  withRetry,
} from "./http.ts";

describe("isRetryableStatus()", () => {
  it.each([
    [500, true],
    [502, true],
    [503, true],
    [429, true],
    [408, true],
    [404, false],
    [403, false],
    [400, false],
  ])("HTTP %i retryable: %s", (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe("backoffDelay()", () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
  ])("retry %i waits %i ms", (retry, ms) => {
    expect(backoffDelay(retry, 1000)).toBe(ms);
  });
});

describe("withRetry()", () => {
  const retryable = () => new TransferError("HTTP 503", { isRetryable: true, status: 503 });

  it("retries retryable failures with growing waits, then succeeds", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw retryable();
        return "ok";
      },
      { attempts: 4, baseDelayMs: 100, timeoutMs: 1000, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe("ok");
    expect(waits).toEqual([100, 200]);
  });

  it("gives up after the last attempt and says how many tries it made", async () => {
    let calls = 0;
    const sleep = async () => undefined;
    const failing = withRetry(
      async () => {
        calls++;
        throw retryable();
      },
      { attempts: 3, baseDelayMs: 1, timeoutMs: 1000, sleep },
    );
    await expect(failing).rejects.toThrow("HTTP 503 (after 3 tries)");
    expect(calls).toBe(3);
  });

  it("does not retry a 4xx or another error", async () => {
    for (const error of [
      new TransferError("HTTP 404", { isRetryable: false, status: 404 }),
      new Error("bug"),
    ]) {
      let calls = 0;
      const run = withRetry(
        async () => {
          calls++;
          throw error;
        },
        { attempts: 3, baseDelayMs: 1, timeoutMs: 1000, sleep: async () => undefined },
      );
      await expect(run).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });
});

describe("checkDownload()", () => {
  const expected = { bytes: 10, md5: "a".repeat(32) };
  it.each([
    [{ bytes: 10, md5: "a".repeat(32) }, null],
    [{ bytes: 9, md5: "a".repeat(32) }, "size is 9 bytes, the list says 10"],
    [
      { bytes: 10, md5: "b".repeat(32) },
      `md5 is ${"b".repeat(32)}, the list says ${"a".repeat(32)}`,
    ],
  ])("%j", (got, message) => {
    if (message === null) expect(() => checkDownload(got, expected)).not.toThrow();
    else expect(() => checkDownload(got, expected)).toThrow(message);
  });
});

describe("describe()", () => {
  it.each([
    [new Error("plain"), "plain"],
    [
      new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") }),
      "fetch failed: connect ECONNREFUSED 127.0.0.1:9",
    ],
    [
      new TransferError("cannot fetch u: fetch failed: boom", {
        isRetryable: true,
        cause: new Error("boom"),
      }),
      "cannot fetch u: fetch failed: boom",
    ],
    ["text", "text"],
  ])("%s → %s", (error, expected) => {
    expect(describeError(error)).toBe(expected);
  });
});
