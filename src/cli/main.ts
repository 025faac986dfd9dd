import { Command, CommanderError } from 'commander';
import { readFile } from 'node:fs/promises';
import { CliError, type CliIo } from './io.js';
import { registerCommands } from './commands/index.js';

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

/** Builds the `gongkai` program; help texts are Chinese first with English beside them. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('gongkai')
    .description('Gongkai 政府信息公开工作平台 — government information disclosure platform')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令的帮助 / show help for a command')
    .version(process.env.npm_package_version ?? '0.1.0', '-V, --version', '显示版本 / show the version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showSuggestionAfterError();
  registerCommands(program, io);
  return program;
}

/** Runs the CLI and returns the process exit code: 0 ok, 1 findings of error severity, 2 unusable input. */
export async function main(
  argv: string[],
  baseIo: Omit<CliIo, 'setExitCode'> = processIo(),
): Promise<number> {
  let exitCode = 0;
  const io: CliIo = { ...baseIo, setExitCode: (code) => (exitCode = Math.max(exitCode, code)) };
  const program = buildProgram(io);
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
