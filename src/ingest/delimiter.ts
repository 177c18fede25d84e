/**
 * The field delimiter of a CSV file, from its header line: the one of `,` `;` `\t` `|` that
 * occurs most often outside quotes. Files re-saved through Excel in many European locales use
 * `;` (the UCDP/PRIO conflict file here), tab-separated exports use `\t`.
 */

const CANDIDATES = [",", ";", "\t", "|"] as const;

const MAX_PEEK = 1024 * 1024;

export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let isQuoted = false;
  for (const char of headerLine) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (CANDIDATES as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best = ",";
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads text until the end of the first line (at most 1 MiB), picks the delimiter, and gives the
 * text back whole, as a stream again.
 */
export async function peekDelimiter(
  texts: AsyncIterable<string>,
): Promise<{ delimiter: string; texts: AsyncGenerator<string> }> {
  const iterator = texts[Symbol.asyncIterator]();
  const head: string[] = [];
  let length = 0;
  let isDone = false;
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      isDone = true;
      break;
    }
    head.push(next.value);
    length += next.value.length;
    if (next.value.includes("\n") || length > MAX_PEEK) break;
  }
  const joined = head.join("");
  const end = joined.indexOf("\n");
  const delimiter = sniffDelimiter(end === -1 ? joined : joined.slice(0, end));
  async function* replay(): AsyncGenerator<string> {
    if (joined !== "") yield joined;
    if (isDone) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { delimiter, texts: replay() };
}
