/** Helpers shared by CLI commands: reading inputs and turning coded errors into one-line messages. */
import { DomainError } from '../../core/errors.js';
import { CliError, parseLang, type CliIo } from '../io.js';

/** Reads a file (or standard input for `-`) as a report input; an unreadable file is a one-line error. */
export async function readReportInput(
  io: CliIo,
  path: string,
): Promise<{ bytes: Uint8Array; source: string }> {
  const source = path === '-' ? '标准输入' : path;
  try {
    return { bytes: await io.readInput(path), source };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件 / file not found: ${path}`);
    if (code === 'EISDIR') throw new CliError(`是目录，不是文件 / is a directory, not a file: ${path}`);
    if (code === 'EACCES') throw new CliError(`无权读取 / permission denied: ${path}`);
    throw new CliError(`无法读取 / cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Wraps an action so a DomainError becomes a one-line message (Chinese, or English with --lang en), exit 2. */
export function withDomainErrors<A extends unknown[]>(
  io: CliIo,
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const options = args.find(
        (a): a is { lang?: string } => typeof a === 'object' && a !== null && 'lang' in a,
      );
      let lang: 'zh' | 'en' = 'zh';
      try {
        lang = parseLang(options?.lang ?? io.env.GONGKAI_LANG);
      } catch {
        lang = 'zh';
      }
      throw new CliError(lang === 'en' ? error.messageEn : error.messageZh, 2);
    }
  };
}
