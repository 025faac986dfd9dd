import { DomainError } from '../../core/errors.js';
import type { Platform } from '../../services/platform/platform.js';
import { describeDatabase } from '../../services/platform/database-name.js';
import { cliOperatorAs, type Principal } from '../../services/accounts/principal.js';
import { readRuntimeConfig, type RuntimeConfig } from '../../services/platform/runtime-config.js';
import { CliError, type CliIo } from '../io.js';

/** Turns a coded error into a one-line CLI error: invalid input exits 2, a refused operation 1. */
export function asCliError(error: unknown): unknown {
  if (error instanceof DomainError) {
    const exit = error.code === 'VALIDATION_FAILED' || error.code.endsWith('_INVALID') ? 2 : 1;
    return new CliError(`${error.messageZh} / ${error.messageEn}`, exit);
  }
  return error;
}

export function cliConfig(io: CliIo): RuntimeConfig {
  try {
    return readRuntimeConfig(io.env);
  } catch (error) {
    throw asCliError(error);
  }
}

/**
 * Says on standard error which database a command works on (and that it is the default when DATABASE_URL is not
 * set), so that an answer from the wrong database is never mistaken for one from the right database.
 */
export function announceDatabase(io: CliIo, url: string): void {
  const implicit = io.env.DATABASE_URL === undefined || io.env.DATABASE_URL === '';
  io.stderr(
    `gongkai: 数据库 / database: ${describeDatabase(url)}` +
      (implicit ? '（未设置 DATABASE_URL，使用默认位置 / DATABASE_URL not set, the default）' : '') +
      '\n',
  );
}

/**
 * Opens the database DATABASE_URL names — which must already be a Gongkai database (only `db migrate` and
 * `npm start` create one) — applies pending migrations, runs `work`, closes it.
 */
export async function withPlatform<T>(io: CliIo, work: (platform: Platform) => Promise<T>): Promise<T> {
  const config = cliConfig(io);
  announceDatabase(io, config.databaseUrl);
  let platform: Platform | undefined;
  try {
    // Loaded here, not at start: commands that never open the database load no database driver.
    const { openExistingPlatform } = await import('../../services/platform/platform.js');
    platform = await openExistingPlatform(config.databaseUrl, {
      scryptLog2N: config.scryptLog2N,
      tokenExpiryDays: config.tokenExpiryDays,
    });
    return await work(platform);
  } catch (error) {
    throw asCliError(error);
  } finally {
    await platform?.close();
  }
}

/** Reads one line (a password) from standard input. */
export async function readSecretFromStdin(io: CliIo): Promise<string> {
  return (await io.readInput('-')).toString('utf8').replace(/\r?\n$/, '');
}

/** Who the audit trail names for this command: the operating-system account running it. */
export function operatorOf(io: CliIo): Principal {
  return cliOperatorAs(io.env.SUDO_USER ?? io.env.USER ?? io.env.LOGNAME);
}
