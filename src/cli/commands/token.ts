import type { Command } from 'commander';
import { createToken } from '../../services/accounts/create-token.js';
import type { CliIo } from '../io.js';
import { operatorOf, withPlatform } from './with-platform.js';

/** `gongkai token create`. */
export function registerTokenCommands(program: Command, io: CliIo): void {
  const token = program.command('token').description('接口访问令牌 / API tokens');
  token
    .command('create')
    .description('为用户创建访问令牌（只显示一次） / create an API token for a user (shown once)')
    .requiredOption('--user <username>', '令牌代表的用户 / the user the token acts as')
    .requiredOption('--name <name>', '用途说明 / what it is for')
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { user: string; name: string; json?: boolean }) => {
      const created = await withPlatform(io, (platform) =>
        createToken(platform, operatorOf(io), { name: options.name, username: options.user }),
      );
      io.stdout(
        options.json
          ? `${JSON.stringify(created, null, 2)}\n`
          : `令牌（只显示一次） / token (shown once): ${created.token}\n`,
      );
    });
}
