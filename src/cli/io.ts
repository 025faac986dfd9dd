/** The streams and settings a CLI command works with; injected so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file path, or standard input when the path is `-`. */
  readInput: (path: string) => Promise<Buffer>;
  env: Record<string, string | undefined>;
  /** Sets the exit code the process ends with (the highest one set wins). */
  setExitCode: (code: number) => void;
  /** True when standard error is a terminal (progress bars redraw in place only there). */
  stderrIsTTY?: boolean;
  /** Calls `handler` on Ctrl-C or SIGTERM until the returned function is called. */
  onInterrupt?: (handler: () => void) => () => void;
}

/** An error the CLI reports as one line and an exit code, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}

/** The language for people: `--lang`, then GONGKAI_LANG, then Chinese. */
export type Lang = 'zh' | 'en';

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === 'zh' || value === 'zh-CN') return 'zh';
  if (value === 'en') return 'en';
  throw new CliError(`--lang 只能是 zh 或 en / --lang must be zh or en: ${value}`);
}
