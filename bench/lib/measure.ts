import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";

export interface RunMeasure {
  seconds: number;
  peakRssMb: number;
  stdout: string;
  code: number | null;
}

async function vmHwmKb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match?.[1] ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs a command as a child process; wall time and the child's peak RSS (VmHWM, polled). */
export function measure(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<RunMeasure> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    let peak = 0;
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    const pid = child.pid;
    const timer = setInterval(async () => {
      if (pid) peak = Math.max(peak, await vmHwmKb(pid));
    }, 100);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakRssMb: peak / 1024,
        stdout,
        code,
      });
    });
  });
}
