import { isIP } from 'node:net';
import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import { limits } from '../core/limits.js';
import { readRuntimeConfig, type RuntimeConfig } from '../services/platform/runtime-config.js';

/** Server settings, validated once at start-up. */
export interface ServerConfig extends RuntimeConfig {
  host: string;
  port: number;
  logLevel: string;
  /**
   * Which reverse proxies' X-Forwarded-* headers are believed (for the client address and https detection):
   * false (none), a number of proxy hops in front of the server, or the proxies' addresses and CIDR ranges.
   * Never “everyone”: that lets any client name its own address in X-Forwarded-For.
   */
  trustProxy: TrustProxy;
  /** Worker threads of the web report checker (GONGKAI_CHECK_WORKERS, default 1). */
  checkWorkers: number;
  /** The time one file may take in the web report checker (GONGKAI_CHECK_TIMEOUT_SECONDS, default 20). */
  checkTimeoutMs: number;
  /** Public report checks per client IP and minute (GONGKAI_CHECK_PER_MINUTE, default 30). */
  checkPerMinute: number;
  /** Minutes between audit anchors written by the server (GONGKAI_AUDIT_ANCHOR_MINUTES, default 10; 0: none). */
  auditAnchorMinutes: number;
  /** Public online applications per client IP and minute (GONGKAI_SUBMIT_PER_MINUTE, default 10). */
  submitPerMinute: number;
  /** Public status look-ups per client IP and minute (GONGKAI_STATUS_PER_MINUTE, default 30). */
  statusPerMinute: number;
  /** Sign-in attempts per client IP and minute (GONGKAI_LOGIN_PER_MINUTE, default 30). */
  loginPerMinute: number;
}

/** What Fastify's `trustProxy` is given: no proxy, a hop count, or the proxies' addresses/CIDRs. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const rangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(text: string): boolean {
  if (rangeNames.has(text)) return true;
  const [address, prefix, ...rest] = text.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * GONGKAI_TRUST_PROXY: `false`/`0` (no proxy), `true` (one proxy: the address it appends to X-Forwarded-For is the
 * client — the same as `1`), a number of hops `N`, or a comma-separated list of the proxies' addresses and CIDRs
 * (`127.0.0.1,10.0.0.0/8`; also `loopback`, `linklocal`, `uniquelocal`). Null when the text is none of these.
 */
export function parseTrustProxy(text: string): TrustProxy | null {
  const value = text.trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return list.length > 0 && list.every(isAddressOrCidr) ? list : null;
}

const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGKAI_TRUST_PROXY: z
    .string()
    .default('false')
    .refine(
      (text) => parseTrustProxy(text) !== null,
      'false、true、代理层数或代理地址（如 127.0.0.1,10.0.0.0/8） / false, true, a hop count or proxy addresses (such as 127.0.0.1,10.0.0.0/8)',
    ),
  GONGKAI_CHECK_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  GONGKAI_CHECK_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(20),
  GONGKAI_CHECK_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(limits.checkPerMinute),
  GONGKAI_AUDIT_ANCHOR_MINUTES: z.coerce.number().min(0).max(1440).default(10),
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
    trustProxy: parseTrustProxy(result.data.GONGKAI_TRUST_PROXY) as TrustProxy,
    checkWorkers: result.data.GONGKAI_CHECK_WORKERS,
    checkTimeoutMs: Math.round(result.data.GONGKAI_CHECK_TIMEOUT_SECONDS * 1000),
    checkPerMinute: result.data.GONGKAI_CHECK_PER_MINUTE,
    auditAnchorMinutes: result.data.GONGKAI_AUDIT_ANCHOR_MINUTES,
    submitPerMinute: result.data.GONGKAI_SUBMIT_PER_MINUTE,
    statusPerMinute: result.data.GONGKAI_STATUS_PER_MINUTE,
    loginPerMinute: result.data.GONGKAI_LOGIN_PER_MINUTE,
  };
}
