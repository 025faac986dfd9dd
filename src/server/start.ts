import { DomainError } from '../core/errors.js';
import { announceServerOn } from '../services/platform/backup-database.js';
import { openPlatform } from '../services/platform/platform.js';
import { seedDemo } from '../services/platform/seed-demo.js';
import { startPublishScheduler } from '../services/publishing/publish-scheduler.js';
import { anchorAuditChain } from '../services/audit/anchor-audit-chain.js';
import { buildServer, loggerOptions } from './build-server.js';
import { readServerConfig } from './config.js';

/** `npm start`: validate the environment, migrate, seed a demo on an empty database, serve, shut down gracefully. */
async function start(): Promise<void> {
  let config;
  try {
    config = readServerConfig(process.env);
  } catch (error) {
    if (error instanceof DomainError) {
      process.stderr.write(`gongkai: ${error.messageZh}\ngongkai: ${error.messageEn}\n`);
      process.exit(2);
    }
    throw error;
  }
  const platform = await openPlatform(config.databaseUrl, {
    scryptLog2N: config.scryptLog2N,
    tokenExpiryDays: config.tokenExpiryDays,
  });
  const unannounce = announceServerOn(config.databaseUrl, new Date());
  const seed = await seedDemo(platform);
  if (seed) {
    process.stdout.write(
      [
        '',
        '已创建示范区数据 / demo district created',
        `管理员账户 / admin account: ${seed.adminUsername}`,
        `初始密码（只显示这一次，请妥善保存） / initial password (shown only this once): ${seed.adminPassword}`,
        '',
      ].join('\n') + '\n',
    );
  }
  const app = await buildServer({
    platform,
    logger: loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    reportCheck: { workers: config.checkWorkers, timeoutMs: config.checkTimeoutMs },
    checkPerMinute: config.checkPerMinute,
    publicSubmitPerMinute: config.submitPerMinute,
    publicStatusPerMinute: config.statusPerMinute,
    loginPerMinute: config.loginPerMinute,
  });
  // 定时发布: scheduled documents go out within a minute of their time.
  const stopScheduler = startPublishScheduler(platform, (results, error) => {
    if (error) app.log.error({ err: error }, 'scheduled publishing failed');
    for (const r of results) {
      if (r.published) app.log.info({ document: r.id }, 'scheduled document published');
      else app.log.warn({ document: r.id, error: r.error }, 'scheduled document not published');
    }
  });
  // The audit chain's head, written outside the database at intervals and on shutdown (docs/operations.md).
  const anchorFile = config.auditAnchorFile;
  const anchor = async (reason: 'interval' | 'shutdown') => {
    if (!anchorFile) return;
    try {
      await anchorAuditChain(platform, anchorFile, reason);
    } catch (error) {
      app.log.error({ err: error }, 'audit anchor not written');
    }
  };
  await anchor('interval');
  const anchoring =
    config.auditAnchorMinutes > 0
      ? setInterval(() => void anchor('interval'), config.auditAnchorMinutes * 60_000)
      : null;
  anchoring?.unref();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopScheduler();
    try {
      if (anchoring) clearInterval(anchoring);
      // Closing the server also terminates the report checker's worker threads (an onClose hook).
      await app.close();
      await anchor('shutdown');
      await platform.close();
      unannounce();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  const address = await app.listen({ host: config.host, port: config.port });
  process.stdout.write(`Gongkai 已启动 / listening on ${address}\n`);
}

await start();
