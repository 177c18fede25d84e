/**
 * HTTP for the syncs: Node's global fetch, bounded retries with exponential backoff for 5xx,
 * 429 and dropped connections, and downloads streamed to `<file>.part` then renamed, so a file
 * under its final name is always complete and a half-written one is simply fetched again.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the first retry; doubled for each further one. */
  baseDelayMs: number;
  /** Per request, headers and body together. */
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 1000, timeoutMs: 600_000 };

/** A failed transfer; `isRetryable` for server errors and dropped connections, not for 4xx. */
export class TransferError extends Error {
  readonly isRetryable: boolean;
  readonly status: number | null;
  constructor(
    message: string,
    options: { isRetryable: boolean; status?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "TransferError";
    this.isRetryable = options.isRetryable;
    this.status = options.status ?? null;
  }
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/** The delay before retry `n` (1-based): base, 2×base, 4×base, … */
export function backoffDelay(retry: number, baseDelayMs: number): number {
  return baseDelayMs * 2 ** (retry - 1);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `fn` until it succeeds, fails with a non-retryable error, or the attempts are used up. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  retry: RetryOptions,
  onRetry?: (error: TransferError, retryNo: number) => void,
): Promise<T> {
  const sleep = retry.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof TransferError) || !error.isRetryable) throw error;
      if (attempt >= retry.attempts) {
        if (attempt === 1) throw error;
        throw new TransferError(`${error.message} (after ${attempt} tries)`, {
          isRetryable: true,
          status: error.status ?? undefined,
          cause: error.cause,
        });
      }
      onRetry?.(error, attempt);
      await sleep(backoffDelay(attempt, retry.baseDelayMs));
    }
  }
}

/** One GET; a network failure or a non-2xx status becomes a TransferError. */
export async function request(
  url: string,
  options: { headers?: Record<string, string>; timeoutMs: number },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: options.headers,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new TransferError(`cannot fetch ${url}: ${describeError(error)}`, {
      isRetryable: true,
      cause: error,
    });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new TransferError(`HTTP ${response.status} ${response.statusText} from ${url}`.trim(), {
      isRetryable: isRetryableStatus(response.status),
      status: response.status,
    });
  }
  return response;
}

export interface Downloaded {
  bytes: number;
  md5: string;
}

/**
 * Streams `url` into `path` through `path.part`. With `expected`, the size and md5 are checked
 * before the rename; a mismatch is not retried (the server's file is not the listed one).
 */
export async function download(
  url: string,
  path: string,
  options: { retry: RetryOptions; expected?: Downloaded; onRetry?: (e: TransferError) => void },
): Promise<Downloaded> {
  const part = `${path}.part`;
  try {
    const got = await withRetry(
      () => fetchToFile(url, part, options.retry.timeoutMs),
      options.retry,
      options.onRetry,
    );
    if (options.expected) checkDownload(got, options.expected);
    await rename(part, path);
    return got;
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
}

async function fetchToFile(url: string, part: string, timeoutMs: number): Promise<Downloaded> {
  const response = await request(url, { timeoutMs });
  const body = response.body;
  const hash = createHash("md5");
  let bytes = 0;
  try {
    await pipeline(async function* () {
      if (body === null) return;
      for await (const chunk of body) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    }, createWriteStream(part));
  } catch (error) {
    throw new TransferError(
      `connection lost after ${bytes} bytes of ${url}: ${describeError(error)}`,
      {
        isRetryable: true,
        cause: error,
      },
    );
  }
  return { bytes, md5: hash.digest("hex") };
}

export function checkDownload(got: Downloaded, expected: Downloaded): void {
  if (got.bytes !== expected.bytes) {
    throw new TransferError(`size is ${got.bytes} bytes, the list says ${expected.bytes}`, {
      isRetryable: false,
    });
  }
  if (got.md5 !== expected.md5) {
    throw new TransferError(`md5 is ${got.md5}, the list says ${expected.md5}`, {
      isRetryable: false,
    });
  }
}

/** Size and md5 of a file already on disk (a download finished before an interruption). */
export async function md5File(path: string): Promise<Downloaded> {
  const hash = createHash("md5");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const data = chunk as Buffer;
    hash.update(data);
    bytes += data.length;
  }
  return { bytes, md5: hash.digest("hex") };
}

/** An error's message with its cause's (undici's "fetch failed" hides the reason in `cause`). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : "";
  return cause && !error.message.includes(cause) ? `${error.message}: ${cause}` : error.message;
}
