/**
 * Opens a data file as a stream of bytes: plain (.csv, .tsv, .txt, .CSV, .json), `.gz` through
 * zlib, and `.zip` (its first file) through yauzl, which reads the central directory and then
 * streams the member: the archive is never loaded whole.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import yauzl from "yauzl";
import { fileError } from "./row-error.ts";

export interface ReadBytesOptions {
  /** Called after each chunk with the bytes read so far and the total expected. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export type Compression = "none" | "gzip" | "zip";

export function compressionOf(path: string): Compression {
  const name = path.toLowerCase();
  if (name.endsWith(".zip")) return "zip";
  if (name.endsWith(".gz")) return "gzip";
  return "none";
}

/**
 * The file's content, decompressed, as an async iterable of chunks (backpressure comes from the
 * consumer's pace). Progress counts bytes of the file on disk, except for zip where it counts the
 * member's uncompressed bytes against its declared size.
 */
export async function* readBytes(
  path: string,
  options: ReadBytesOptions = {},
): AsyncGenerator<Uint8Array> {
  const file = basename(path);
  const compression = compressionOf(path);
  if (compression === "zip") {
    const { stream, size } = await openZipMember(path);
    yield* counted(stream, size, file, options);
    return;
  }
  const size = (await stat(path)).size;
  const raw = createReadStream(path);
  if (compression === "none") {
    yield* counted(raw, size, file, options);
    return;
  }
  let read = 0;
  raw.on("data", (chunk: Buffer | string) => {
    read += chunk.length;
    options.onProgress?.(read, size);
  });
  const gunzip = createGunzip();
  // pipeline passes a read error on to gunzip, and closes the file when gunzip is destroyed
  // (the consumer stopped early); the error itself surfaces through the loop in `counted`.
  pipeline(raw, gunzip, () => {});
  yield* counted(gunzip, size, file, {});
}

async function* counted(
  stream: Readable,
  total: number,
  file: string,
  options: ReadBytesOptions,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      read += bytes.length;
      options.onProgress?.(read, total);
      yield bytes;
    }
  } catch (error) {
    throw fileError(
      `${file}: cannot read the file (${describe(error)}); it may be truncated`,
      error,
    );
  } finally {
    stream.destroy();
  }
}

async function openZipMember(path: string): Promise<{ stream: Readable; size: number }> {
  const file = basename(path);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: true });
  } catch (error) {
    throw fileError(
      `${file}: not a readable zip archive, perhaps truncated (${describe(error)})`,
      error,
    );
  }
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      const stream = await zip.openReadStreamPromise(entry);
      return { stream, size: entry.uncompressedSize };
    }
  } catch (error) {
    zip.close();
    throw fileError(`${file}: cannot read the zip archive (${describe(error)})`, error);
  }
  throw fileError(`${file}: the zip archive holds no file`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
