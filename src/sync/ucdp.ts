/**
 * `frontier sync ucdp`: page through the UCDP GED API (`{base}/gedevents/{version}?pagesize=
 * …&page=N`, pages from 0, header `x-ucdp-access-token`), following NextPageUrl until it is
 * empty, save each page as it came, check the count against TotalCount and TotalPages, then import
 * every page in one all-or-nothing import. A short or changing count imports nothing.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { AppError } from "../domain/errors.ts";
import type { Profile, ProfileResolver } from "../domain/profile/index.ts";
import { readRecords } from "../ingest/index.ts";
import type { Db } from "../store/db.ts";
import { type FileImportResult, type ImportItem, importFile } from "../store/importer.ts";
import {
  DEFAULT_RETRY,
  describeError,
  type RetryOptions,
  request,
  TransferError,
  withRetry,
} from "./http.ts";

export const UCDP_BASE_URL = "https://ucdpapi.pcr.uu.se/api";
export const UCDP_DEFAULT_VERSION = "25.1";
/** UCDP's largest page. */
export const UCDP_PAGE_SIZE = 1000;
export const UCDP_TOKEN_HEADER = "x-ucdp-access-token";

export interface UcdpSyncOptions {
  /** Pages are saved in `<dataDir>/sync/ucdp/<version>/` while they are fetched and imported. */
  dataDir: string;
  profile: Profile;
  resolver: ProfileResolver;
  version?: string;
  token?: string | null;
  baseUrl?: string;
  pageSize?: number;
  keepOutsideRegion?: boolean;
  /** Keep the saved pages after the import (default: deleted; the rows are in the database). */
  keepFiles?: boolean;
  retry?: RetryOptions;
  onPage?: (page: number, totalPages: number) => void;
}

export interface UcdpSyncSummary {
  version: string;
  pages: number;
  rows: number;
  totalCount: number;
  totalPages: number;
  /** Why nothing was imported (a short count, a count that changed while paging). */
  problems: string[];
  import: (FileImportResult & { seconds: number }) | null;
  retries: number;
}

const envelopeSchema = z.object({
  TotalCount: z.number().int().min(0),
  TotalPages: z.number().int().min(0),
  NextPageUrl: z.string().nullable(),
  Result: z.array(z.unknown()),
});

export function isUcdpVersion(version: string): boolean {
  return /^\d{1,2}\.\d{1,2}(\.\d{1,2})?$/.test(version);
}

/** The first page's URL. */
export function firstPageUrl(baseUrl: string, version: string, pageSize: number): string {
  return `${baseUrl.replace(/\/+$/, "")}/gedevents/${version}?pagesize=${pageSize}&page=0`;
}

/**
 * NextPageUrl names UCDP's own host; with another base (a mirror, a test server) the part from
 * `/gedevents/` on is kept and put under that base.
 */
export function rewriteNextUrl(next: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  const at = next.indexOf("/gedevents/");
  if (at !== -1) return `${base}${next.slice(at)}`;
  return new URL(next, `${base}/`).toString();
}

/** Problems with the paging as a whole; an empty list means the release arrived complete. */
export function checkCounts(got: {
  rows: number;
  pages: number;
  totalCount: number;
  totalPages: number;
}): string[] {
  const problems: string[] = [];
  if (got.rows !== got.totalCount) {
    problems.push(
      `received ${plural(got.rows, "event")} in ${plural(got.pages, "page")}, but the API's TotalCount is ${got.totalCount}`,
    );
  }
  // An empty release still answers with one (empty) page.
  if (got.pages !== Math.max(got.totalPages, 1)) {
    problems.push(
      `received ${plural(got.pages, "page")}, but the API's TotalPages is ${got.totalPages}`,
    );
  }
  return problems;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export async function syncUcdp(db: Db, options: UcdpSyncOptions): Promise<UcdpSyncSummary> {
  const version = options.version ?? UCDP_DEFAULT_VERSION;
  if (!isUcdpVersion(version)) {
    throw new AppError("INVALID_INPUT", `--version "${version}" is not a GED version like 25.1`);
  }
  const base = options.baseUrl ?? UCDP_BASE_URL;
  const dir = join(options.dataDir, "sync", "ucdp", version);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const fetched = await fetchPages(version, dir, { ...options, base });
  const problems = [
    ...fetched.problems,
    ...checkCounts({ ...fetched, pages: fetched.paths.length }),
  ];
  const summary: UcdpSyncSummary = {
    version,
    pages: fetched.paths.length,
    rows: fetched.rows,
    totalCount: fetched.totalCount,
    totalPages: fetched.totalPages,
    problems,
    import: null,
    retries: fetched.retries,
  };
  if (problems.length > 0) return summary;
  const started = performance.now();
  try {
    const result = await importPages(db, version, fetched.paths, options);
    summary.import = { ...result, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    throw new AppError(
      "INVALID_INPUT",
      `nothing from UCDP GED ${version} was stored: ${describeError(error)}; the pages are in ${dir}`,
      { cause: error },
    );
  }
  if (!options.keepFiles) await rm(dir, { recursive: true, force: true });
  return summary;
}

interface Fetched {
  paths: string[];
  rows: number;
  totalCount: number;
  totalPages: number;
  problems: string[];
  retries: number;
}

async function fetchPages(
  version: string,
  dir: string,
  options: UcdpSyncOptions & { base: string },
): Promise<Fetched> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.token) headers[UCDP_TOKEN_HEADER] = options.token;
  const out: Fetched = {
    paths: [],
    rows: 0,
    totalCount: 0,
    totalPages: 0,
    problems: [],
    retries: 0,
  };
  const seen = new Set<string>();
  let url: string | null = firstPageUrl(options.base, version, options.pageSize ?? UCDP_PAGE_SIZE);
  while (url !== null) {
    const pageUrl: string = url;
    seen.add(pageUrl);
    const text = await fetchText(
      pageUrl,
      { headers, retry, version, hasToken: Boolean(options.token) },
      () => {
        out.retries++;
      },
    );
    const page = parseEnvelope(text, out.paths.length, pageUrl);
    const path = join(
      dir,
      `gedevents-${version}-page-${String(out.paths.length).padStart(5, "0")}.json`,
    );
    await writeFile(path, text);
    out.paths.push(path);
    out.rows += page.Result.length;
    if (out.paths.length === 1) {
      out.totalCount = page.TotalCount;
      out.totalPages = page.TotalPages;
    } else if (page.TotalCount !== out.totalCount) {
      out.problems.push(
        `TotalCount changed from ${out.totalCount} to ${page.TotalCount} at page ${out.paths.length - 1} (the release changed while paging); run again`,
      );
    }
    options.onPage?.(out.paths.length, out.totalPages);
    url = page.NextPageUrl ? rewriteNextUrl(page.NextPageUrl, options.base) : null;
    if (url !== null && (seen.has(url) || out.paths.length > out.totalPages)) {
      out.problems.push(
        `NextPageUrl ${url} goes past the ${out.totalPages} pages the API announced`,
      );
      url = null;
    }
  }
  return out;
}

async function fetchText(
  url: string,
  options: {
    headers: Record<string, string>;
    retry: RetryOptions;
    version: string;
    hasToken: boolean;
  },
  onRetry: () => void,
): Promise<string> {
  try {
    return await withRetry(
      async () => {
        const response = await request(url, {
          headers: options.headers,
          timeoutMs: options.retry.timeoutMs,
        });
        try {
          return await response.text();
        } catch (error) {
          throw new TransferError(`connection lost reading ${url}: ${describeError(error)}`, {
            isRetryable: true,
            cause: error,
          });
        }
      },
      options.retry,
      onRetry,
    );
  } catch (error) {
    throw explainHttpError(error, options);
  }
}

/** 401/403 and 404 get messages that say what to do; the token itself never appears. */
function explainHttpError(
  error: unknown,
  options: { version: string; hasToken: boolean },
): AppError {
  if (error instanceof TransferError && (error.status === 401 || error.status === 403)) {
    const advice = options.hasToken
      ? "the access token was refused; check --token or UCDP_TOKEN"
      : "it needs an access token: pass --token T or set UCDP_TOKEN (UCDP gives tokens on request)";
    return new AppError(
      "FORBIDDEN",
      `the UCDP API refused the request (HTTP ${error.status}): ${advice}`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof TransferError && error.status === 404) {
    return new AppError(
      "NOT_FOUND",
      `the UCDP API has no GED version ${options.version} (${error.message})`,
      {
        cause: error,
      },
    );
  }
  return new AppError("INTERNAL", `cannot fetch from the UCDP API: ${describeError(error)}`, {
    cause: error,
  });
}

function parseEnvelope(text: string, pageNo: number, url: string): z.infer<typeof envelopeSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `page ${pageNo} from ${url} is not JSON`, { cause: error });
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue ? ` (${issue.path.join(".") || "top level"}: ${issue.message})` : "";
    throw new AppError("INVALID_INPUT", `page ${pageNo} from ${url} is not a UCDP API page${at}`);
  }
  return parsed.data;
}

/** All pages in one transaction; the import is known by the sha256 of the pages in order. */
async function importPages(
  db: Db,
  version: string,
  paths: string[],
  options: UcdpSyncOptions,
): Promise<FileImportResult> {
  const hash = createHash("sha256");
  let bytes = 0;
  for (const path of paths) {
    for await (const chunk of createReadStream(path)) {
      const data = chunk as Buffer;
      hash.update(data);
      bytes += data.length;
    }
  }
  const meta = {
    dataset: "ucdp" as const,
    name: `gedevents-${version}.json`,
    sha256: hash.digest("hex"),
    bytes,
  };
  async function* items(): AsyncIterable<ImportItem> {
    for (const path of paths) {
      for await (const item of readRecords("ucdp", path, {
        profile: options.profile,
        resolver: options.resolver,
      })) {
        yield item.kind === "error" ? { kind: "rejected" } : item;
      }
    }
  }
  return importFile(db, meta, items(), { keepOutsideRegion: options.keepOutsideRegion });
}
