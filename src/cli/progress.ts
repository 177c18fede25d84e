/**
 * A one-line progress bar on stderr for long work: rows, rows/s, and percent when the total
 * size is known. Drawn only on a terminal, at most every 100 ms; `done()` clears the line.
 */
export interface Progress {
  update(rows: number, bytes: number, totalBytes?: number): void;
  done(): void;
}

export function createProgress(options: {
  label: string;
  totalBytes: number | null;
  isTty: boolean;
  write: (text: string) => void;
  now?: () => number;
}): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let last = 0;
  let drawn = false;
  if (!options.isTty) return { update() {}, done() {} };
  return {
    update(rows, bytes, totalBytes) {
      const t = now();
      if (t - last < 100) return;
      last = t;
      const seconds = Math.max((t - started) / 1000, 0.001);
      const rate = Math.round(rows / seconds);
      const total = totalBytes ?? options.totalBytes;
      const pct = total ? Math.min(100, (bytes / total) * 100) : null;
      const width = 24;
      const bar =
        pct === null
          ? ""
          : `[${"#".repeat(Math.round((pct / 100) * width)).padEnd(width, ".")}] ${pct.toFixed(0).padStart(3)}% `;
      options.write(
        `\r${options.label} ${bar}${rows.toLocaleString("en")} rows, ${rate.toLocaleString("en")} rows/s`,
      );
      drawn = true;
    },
    done() {
      if (drawn) options.write("\r\x1b[2K");
    },
  };
}
