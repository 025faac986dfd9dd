import { main } from '../../src/cli/main.js';

/** The result of running the CLI in-process: exit code and what it printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `gongkai ARGS` in-process; `stdin` stands in for standard input when a path is `-`. */
export async function runCli(
  args: string[],
  options: { stdin?: string | Buffer; env?: Record<string, string> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { readFile } = await import('node:fs/promises');
  const code = await main(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readInput: async (path) => (path === '-' ? Buffer.from(options.stdin ?? '') : readFile(path)),
    env: { ...options.env },
  });
  return { code, stdout, stderr };
}
