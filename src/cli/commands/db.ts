import type { Command } from 'commander';
import { backupDatabase, restoreDatabase, sqliteFileOf } from '../../services/platform/backup-database.js';
import {
  anchorBackup,
  anchorRestore,
  backupAnchorFile,
  checkBackupAnchor,
} from '../../services/audit/anchor-audit-chain.js';
import { migrateDatabase } from '../../services/platform/platform.js';
import type { CliIo } from '../io.js';
import { announceDatabase, asCliError, cliConfig } from './with-platform.js';

/** `gongkai db migrate|backup|restore`. */
export function registerDbCommands(program: Command, io: CliIo): void {
  const db = program
    .command('db')
    .description('数据库：迁移、备份、恢复 / database: migrate, back up, restore');
  db.command('migrate')
    .description('执行待运行的数据库迁移 / apply pending migrations')
    .action(async () => {
      try {
        const url = cliConfig(io).databaseUrl;
        announceDatabase(io, url);
        const applied = await migrateDatabase(url);
        io.stdout(
          applied.length === 0
            ? '数据库已是最新 / database is up to date\n'
            : `已执行 / applied: ${applied.join(', ')}\n`,
        );
      } catch (error) {
        throw asCliError(error);
      }
    });
  db.command('backup <file>')
    .description('在线备份 SQLite 数据库（服务可继续运行） / consistent online backup of the SQLite database')
    .action(async (file: string) => {
      try {
        const config = cliConfig(io);
        announceDatabase(io, config.databaseUrl);
        await backupDatabase(config.databaseUrl, file);
        // The backup's audit head, beside it and in the live database's anchor file (docs/operations.md).
        const anchor = anchorBackup(file, config.auditAnchorFile);
        io.stdout(
          `已备份到 / backed up to ${file}\n` +
            `审计链头 / audit head: ${anchor.entries}:${anchor.hash}（已记入 / written to ${backupAnchorFile(file)}）\n`,
        );
      } catch (error) {
        throw asCliError(error);
      }
    });
  db.command('restore <file>')
    .description(
      '从备份恢复 SQLite 数据库（先停止服务） / restore the SQLite database from a backup (stop the server first)',
    )
    .action(async (file: string) => {
      try {
        const config = cliConfig(io);
        announceDatabase(io, config.databaseUrl);
        // A backup changed after it was taken no longer matches the audit anchor written beside it.
        checkBackupAnchor(file);
        restoreDatabase(config.databaseUrl, file);
        // The restored chain is shorter than the anchors written since the backup: it starts afresh.
        const anchor = anchorRestore(sqliteFileOf(config.databaseUrl), config.auditAnchorFile);
        io.stdout(
          `已从 ${file} 恢复 / restored from ${file}\n` +
            `审计链头 / audit head: ${anchor.entries}:${anchor.hash}\n`,
        );
      } catch (error) {
        throw asCliError(error);
      }
    });
}
