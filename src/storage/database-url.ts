import { DomainError } from '../core/errors.js';

/** The database used when DATABASE_URL is not set (its own module: reading it loads no database driver). */
export const defaultDatabaseUrl = 'sqlite:./data/gongkai.sqlite';

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/** Reads `sqlite:PATH` or `postgres://…` (also `postgresql://…`). */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw invalidUrl(url);
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  throw invalidUrl(url);
}

function invalidUrl(url: string): DomainError {
  return new DomainError(
    'DATABASE_URL_INVALID',
    `DATABASE_URL 应为 sqlite:路径 或 postgres://…：${url.replace(/\/\/[^@/]*@/, '//***@')}`,
    `DATABASE_URL must be sqlite:PATH or postgres://…: ${url.replace(/\/\/[^@/]*@/, '//***@')}`,
  );
}

/** How a database URL is shown to people: the password of a PostgreSQL URL hidden. */
export function describeDatabase(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
