import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export interface FileHash {
  /** Lower-case hex SHA-256 of the file's bytes as stored (compressed files are not unpacked). */
  sha256: string;
  bytes: number;
}

/** SHA-256 and size of a file, streamed: the file is never held in memory. */
export async function hashFile(path: string): Promise<FileHash> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const data = chunk as Buffer;
    hash.update(data);
    bytes += data.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}
