/**
 * Progress for long work on stderr: a one-line bar on a terminal (rows, rows/s, percent when
 * the size is known, redrawn at most every 100 ms), or — with `lines` — a plain line per second
 * for logs. `done()` clears the bar.
 */
export interface Progress {
  update(rows: number, bytes: number, totalBytes?: number): void;
  done(): void;
}

export type ProgressMode = "bar" | "lines" | "off";

export function createProgress(options: {
  label: string;
  mode: ProgressMode;
  write: (text: string) => void;
  now?: () => number;
}): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const interval = options.mode === "bar" ? 100 : 1000;
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  if (options.mode === "off") return { update() {}, done() {} };
  return {
    update(rows, bytes, totalBytes) {
      const t = now();
      if (t - last < interval) return;
      last = t;
      const rate = Math.round(rows / Math.max((t - started) / 1000, 0.001));
      const pct = totalBytes ? Math.min(100, (bytes / totalBytes) * 100) : null;
      const counts = `${rows.toLocaleString("en")} rows, ${rate.toLocaleString("en")} rows/s`;
      if (options.mode === "lines") {
        const share = pct === null ? "" : ` (${pct.toFixed(0)}%)`;
        options.write(`progress: ${options.label}: ${counts}${share}\n`);
        return;
      }
      const width = 24;
      const bar =
        pct === null
          ? ""
          : `[${"#".repeat(Math.round((pct / 100) * width)).padEnd(width, ".")}] ${pct.toFixed(0).padStart(3)}% `;
      options.write(`\r\x1b[2K${options.label} ${bar}${counts}`);
      drawn = true;
    },
    done() {
      if (drawn) options.write("\r\x1b[2K");
    },
  };
}
