import { DomainError } from '../core/errors.js';
import { openPlatform } from '../services/platform/platform.js';
import { seedDemo } from '../services/platform/seed-demo.js';
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
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      // Closing the server also terminates the report checker's worker threads (an onClose hook).
      await app.close();
      await platform.close();
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
