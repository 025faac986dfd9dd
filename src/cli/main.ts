import { Command, CommanderError } from 'commander';
import { readFile } from 'node:fs/promises';
import { CliError, type CliIo } from './io.js';

/** The default I/O of a real process. */
export function processIo(): Omit<CliIo, 'setExitCode'> {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readInput: async (path) => (path === '-' ? readStdin() : readFile(path)),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

type Register = (program: Command, io: CliIo) => void;

/**
 * The command groups by the first word of a command line, loaded only when that command runs: `report parse` loads
 * the readers, not the database drivers. Anything else (help, a group not listed) loads every group.
 */
const groups: Record<string, () => Promise<Register>> = {
  report: async () => (await import('./commands/report.js')).registerReportCommands,
  calendar: async () => (await import('./commands/clock.js')).registerClockCommands,
  deadline: async () => (await import('./commands/clock.js')).registerClockCommands,
  fee: async () => (await import('./commands/clock.js')).registerClockCommands,
  answer: async () => (await import('./commands/answer.js')).registerAnswerCommands,
  ...Object.fromEntries(
    ['db', 'agency', 'user', 'token', 'audit'].map((name) => [
      name,
      async () => (await import('./commands/platform.js')).registerPlatformCommands,
    ]),
  ),
};

/** What registers the commands a command line needs (all of them unless its first word names one group). */
async function commandsFor(argv: readonly string[]): Promise<Register> {
  const first = argv[0];
  const group = first !== undefined && Object.hasOwn(groups, first) ? groups[first] : undefined;
  if (group && !argv.includes('--help') && !argv.includes('-h')) return group();
  return (await import('./commands/index.js')).registerCommands;
}

/** Builds the `gongkai` program; help texts are Chinese first with English beside them. */
export async function buildProgram(io: CliIo, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('gongkai')
    .description('Gongkai 政府信息公开工作平台 — government information disclosure platform')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令的帮助 / show help for a command')
    .version(process.env.npm_package_version ?? '0.1.0', '-V, --version', '显示版本 / show the version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showSuggestionAfterError();
  (await commandsFor(argv))(program, io);
  return program;
}

/** Runs the CLI and returns the process exit code: 0 ok, 1 findings of error severity, 2 unusable input. */
export async function main(
  argv: string[],
  baseIo: Omit<CliIo, 'setExitCode'> = processIo(),
): Promise<number> {
  let exitCode = 0;
  const io: CliIo = { ...baseIo, setExitCode: (code) => (exitCode = Math.max(exitCode, code)) };
  const program = await buildProgram(io, argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exit code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      io.stderr(`gongkai: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`gongkai: 内部错误 / internal error: ${message.split('\n')[0]}\n`);
    return 3;
  }
}
