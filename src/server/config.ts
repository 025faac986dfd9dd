import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { limits } from '../core/limits.js';
import { readRuntimeConfig, type RuntimeConfig } from '../services/platform/runtime-config.js';

/** Server settings, validated once at start-up. */
export interface ServerConfig extends RuntimeConfig {
  host: string;
  port: number;
  logLevel: string;
  /** Trust X-Forwarded-* from a reverse proxy (for the client IP and https detection). */
  trustProxy: boolean;
  /** Worker threads of the web report checker (GONGKAI_CHECK_WORKERS, default 1). */
  checkWorkers: number;
  /** The time one file may take in the web report checker (GONGKAI_CHECK_TIMEOUT_SECONDS, default 20). */
  checkTimeoutMs: number;
  /** Public report checks per client IP and minute (GONGKAI_CHECK_PER_MINUTE, default 30). */
  checkPerMinute: number;
  /** Public online applications per client IP and minute (GONGKAI_SUBMIT_PER_MINUTE, default 10). */
  submitPerMinute: number;
  /** Public status look-ups per client IP and minute (GONGKAI_STATUS_PER_MINUTE, default 30). */
  statusPerMinute: number;
  /** Sign-in attempts per client IP and minute (GONGKAI_LOGIN_PER_MINUTE, default 30). */
  loginPerMinute: number;
}

const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGKAI_TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  GONGKAI_CHECK_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  GONGKAI_CHECK_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(20),
  GONGKAI_CHECK_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(limits.checkPerMinute),
  // Benchmarks and load tests lift these; a public deployment keeps them low.
  GONGKAI_SUBMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(10),
  GONGKAI_STATUS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(30),
  GONGKAI_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(30),
});

/** Reads the environment; a mistake is a coded CONFIG_INVALID error with a Chinese and an English message. */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const runtime = readRuntimeConfig(env);
  const result = schema.safeParse(env);
  if (!result.success) {
    const summary = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DomainError(
      'CONFIG_INVALID',
      `环境配置无效：${summary}`,
      `invalid environment configuration: ${summary}`,
    );
  }
  return {
    ...runtime,
    host: result.data.HOST,
    port: result.data.PORT,
    logLevel: result.data.LOG_LEVEL,
    trustProxy: result.data.GONGKAI_TRUST_PROXY === 'true' || result.data.GONGKAI_TRUST_PROXY === '1',
    checkWorkers: result.data.GONGKAI_CHECK_WORKERS,
    checkTimeoutMs: Math.round(result.data.GONGKAI_CHECK_TIMEOUT_SECONDS * 1000),
    checkPerMinute: result.data.GONGKAI_CHECK_PER_MINUTE,
    submitPerMinute: result.data.GONGKAI_SUBMIT_PER_MINUTE,
    statusPerMinute: result.data.GONGKAI_STATUS_PER_MINUTE,
    loginPerMinute: result.data.GONGKAI_LOGIN_PER_MINUTE,
  };
}
