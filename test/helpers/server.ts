import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildServer, loggerOptions } from '../../src/server/build-server.js';
import type { TrustProxy } from '../../src/server/config.js';
import type { PortalOptions } from '../../src/server/routes/portal.js';
import type { IsolatedChecker } from '../../src/services/reports/isolated-check.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { freshPlatform, type TestDatabase } from './databases.js';

/** A server over a fresh seeded database, with its log lines captured. */
export async function freshServer(
  fresh: () => Promise<TestDatabase>,
  options: {
    trustProxy?: TrustProxy;
    publicSubmitPerMinute?: number;
    publicStatusPerMinute?: number;
    loginPerMinute?: number;
    checkPerMinute?: number;
    reportChecker?: IsolatedChecker;
    /** The built console to serve (default dist/web/console). */
    consoleDir?: string;
    /** The public portal's limits and form secret. */
    portal?: Partial<PortalOptions>;
  } = {},
) {
  const { platform, clock, close } = await freshPlatform(fresh);
  const seed = await seedDemo(platform);
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const app: FastifyInstance = await buildServer({
    platform,
    logger: { ...(loggerOptions('info') as object), stream },
    trustProxy: options.trustProxy ?? false,
    loginPerMinute: options.loginPerMinute ?? 1000,
    publicSubmitPerMinute: options.publicSubmitPerMinute ?? 1000,
    publicStatusPerMinute: options.publicStatusPerMinute ?? 1000,
    checkPerMinute: options.checkPerMinute ?? 1000,
    // The report checker's per-file limit is generous in tests: a loaded machine reads slowly, and the limit
    // itself is tested with a checker of its own (test/server/isolated-check.test.ts).
    ...(options.reportChecker
      ? { reportChecker: options.reportChecker }
      : { reportCheck: { timeoutMs: 120_000 } }),
    ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
    ...(options.portal ? { portal: options.portal } : {}),
  });
  return {
    app,
    platform: platform as Platform,
    clock,
    logs,
    adminPassword: seed?.adminPassword as string,
    close: async () => {
      await app.close();
      await close();
    },
  };
}
