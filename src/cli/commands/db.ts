import type { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../../services/platform/backup-database.js';
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
        const url = cliConfig(io).databaseUrl;
        announceDatabase(io, url);
        await backupDatabase(url, file);
        io.stdout(`已备份到 / backed up to ${file}\n`);
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
        const url = cliConfig(io).databaseUrl;
        announceDatabase(io, url);
        restoreDatabase(url, file);
        io.stdout(`已从 ${file} 恢复 / restored from ${file}\n`);
      } catch (error) {
        throw asCliError(error);
      }
    });
}
