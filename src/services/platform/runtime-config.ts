import { z } from 'zod';
import { limits } from '../../core/limits.js';
import { DomainError } from '../../core/errors.js';
import { defaultDatabaseUrl, parseDatabaseUrl } from '../../storage/database-url.js';
import { defaultAuditAnchorFile } from '../../storage/audit-anchors.js';

/** Settings shared by the server and the command line, read once from the environment. */
export interface RuntimeConfig {
  databaseUrl: string;
  scryptLog2N: number;
  /** Default and longest lifetime of a new API token (GONGKAI_TOKEN_EXPIRY_DAYS, default 90). */
  tokenExpiryDays: number;
  /**
   * Where the audit chain is anchored (GONGKAI_AUDIT_ANCHOR_FILE; default beside an SQLite file, or
   * ./data/audit-anchors-<host>-<port>-<db>-<tag>.jsonl for PostgreSQL); null for an in-memory database.
   */
  auditAnchorFile: string | null;
}

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'sqlite:PATH 或 postgres://… / sqlite:PATH or postgres://…')
    .default(defaultDatabaseUrl),
  GONGKAI_SCRYPT_LOG2N: z.coerce.number().int().min(10).max(20).optional(),
  GONGKAI_TOKEN_EXPIRY_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(limits.tokenExpiryMaxDays)
    .default(limits.tokenExpiryDays),
  NODE_ENV: z.string().optional(),
  GONGKAI_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
});

/** Reads DATABASE_URL and the password hashing cost; a lower cost than production is accepted only when NODE_ENV=test. */
export function readRuntimeConfig(env: Record<string, string | undefined>): RuntimeConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const summary = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DomainError(
      'CONFIG_INVALID',
      `环境配置无效：${summary}`,
      `invalid environment configuration: ${summary}`,
    );
  }
  const cost = result.data.GONGKAI_SCRYPT_LOG2N ?? limits.scryptLog2N;
  if (cost < limits.scryptMinLog2NOutsideTests && result.data.NODE_ENV !== 'test') {
    throw new DomainError(
      'CONFIG_INVALID',
      `GONGKAI_SCRYPT_LOG2N 不得低于 ${limits.scryptMinLog2NOutsideTests}（仅测试环境可更低）`,
      `GONGKAI_SCRYPT_LOG2N must be at least ${limits.scryptMinLog2NOutsideTests} outside tests`,
    );
  }
  return {
    databaseUrl: result.data.DATABASE_URL,
    scryptLog2N: cost,
    tokenExpiryDays: result.data.GONGKAI_TOKEN_EXPIRY_DAYS,
    auditAnchorFile:
      result.data.GONGKAI_AUDIT_ANCHOR_FILE ??
      defaultAuditAnchorFile(parseDatabaseUrl(result.data.DATABASE_URL)),
  };
}
