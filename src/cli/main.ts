import { Command, CommanderError } from "commander";
import { isAppError } from "../domain/errors.ts";
import { registerAlerts } from "./commands/alerts.ts";
import { registerAudit } from "./commands/audit.ts";
import { registerBacktest } from "./commands/backtest.ts";
import { registerBrief } from "./commands/brief.ts";
import { registerCode } from "./commands/code.ts";
import { registerCoder } from "./commands/coder.ts";
import { registerDemands } from "./commands/demands.ts";
import { registerEscalation } from "./commands/escalation.ts";
import { registerForecast } from "./commands/forecast.ts";
import { registerImport } from "./commands/import.ts";
import { registerInit, registerStart } from "./commands/init.ts";
import { registerProfile } from "./commands/profile.ts";
import { registerQuestions } from "./commands/questions.ts";
import { registerReconcile } from "./commands/reconcile.ts";
import { registerReports } from "./commands/reports.ts";
import { registerServe } from "./commands/serve.ts";
import { registerSimulate } from "./commands/simulate.ts";
import { registerStatus } from "./commands/status.ts";
import { registerSync } from "./commands/sync.ts";
import { registerToken } from "./commands/token.ts";
import { registerTrends } from "./commands/trends.ts";
import { registerUser } from "./commands/user.ts";
import { type Io, processIo } from "./context.ts";

/** Exit codes (DEVELOPERS.md): 0 success, 1 bad input or failure, 2 wrong usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export function buildProgram(io: Io): Command {
  const program = new Command("frontier")
    .description("Frontier Watch: monitor a cross-border security crisis and verify commitments")
    .option("--data-dir <dir>", "embedded data directory (env FRONTIER_DATA_DIR)", undefined)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
    });
  registerInit(program, io);
  registerStatus(program, io);
  registerProfile(program, io);
  registerImport(program, io);
  registerSync(program, io);
  registerReconcile(program, io);
  registerUser(program, io);
  registerToken(program, io);
  registerReports(program, io);
  registerAudit(program, io);
  registerTrends(program, io);
  registerDemands(program, io);
  registerEscalation(program, io);
  registerAlerts(program, io);
  registerQuestions(program, io);
  registerForecast(program, io);
  registerBacktest(program, io);
  registerBrief(program, io);
  registerSimulate(program, io);
  registerCode(program, io);
  registerCoder(program, io);
  registerServe(program, io);
  registerStart(program, io);
  exitOverrideAll(program);
  return program;
}

function exitOverrideAll(command: Command): void {
  for (const sub of command.commands) {
    sub.exitOverride();
    exitOverrideAll(sub);
  }
}

/** Runs the CLI and returns the exit code; prints a one-line reason on failure. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      return EXIT.usage; // commander has already printed the reason
    }
    io.err(`error: ${oneLine(error)}`);
    if (!isAppError(error) && process.env.FRONTIER_DEBUG && error instanceof Error) {
      io.err(error.stack ?? "");
    }
    return EXIT.failure;
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

const isMain =
  process.argv[1] && /(?:^|[/\\])(?:main\.ts|frontier(?:\.js)?)$/.test(process.argv[1]);
if (isMain) {
  process.exitCode = await run(process.argv.slice(2));
}
