import type { Command } from 'commander';
import { createToken } from '../../services/accounts/create-token.js';
import { listTokens } from '../../services/accounts/list-tokens.js';
import { revokeToken } from '../../services/accounts/revoke-token.js';
import { tokenIsActive, type TokenView } from '../../services/accounts/token-view.js';
import { CliError, type CliIo } from '../io.js';
import { operatorOf, withPlatform } from './with-platform.js';

/** One line per token: id, name, state, expiry and last use. */
export function tokenLine(token: TokenView, now: Date): string {
  const state = token.revokedAt
    ? `已吊销 / revoked ${token.revokedAt} (${token.revokedReason ?? '?'})`
    : tokenIsActive(token, now)
      ? '有效 / active'
      : '已过期 / expired';
  const lastUse = token.lastUsedAt
    ? `${token.lastUsedAt} ${token.lastUsedFrom ?? ''}`.trim()
    : '从未 / never';
  return `${token.id}  ${token.name}  ${state}  到期 / expires ${token.expiresAt ?? '-'}  最近使用 / last used ${lastUse}`;
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d{1,5}$/.test(value) || !Number.isInteger(days) || days < 1) {
    throw new CliError(
      `--expires-days 应为正整数 / --expires-days must be a positive whole number: ${value}`,
    );
  }
  return days;
}

/** `gongkai token create|list|revoke`. */
export function registerTokenCommands(program: Command, io: CliIo): void {
  const token = program.command('token').description('接口访问令牌 / API tokens');
  token
    .command('create')
    .description('为用户创建访问令牌（只显示一次） / create an API token for a user (shown once)')
    .requiredOption('--user <username>', '令牌代表的用户 / the user the token acts as')
    .requiredOption('--name <name>', '用途说明 / what it is for')
    .option(
      '--expires-days <days>',
      '有效天数（默认及上限为 GONGKAI_TOKEN_EXPIRY_DAYS，默认 90） / days it lives (default and at most GONGKAI_TOKEN_EXPIRY_DAYS, 90)',
      parseDays,
    )
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { user: string; name: string; expiresDays?: number; json?: boolean }) => {
      const created = await withPlatform(io, (platform) =>
        createToken(platform, operatorOf(io), {
          name: options.name,
          username: options.user,
          ...(options.expiresDays === undefined ? {} : { expiresInDays: options.expiresDays }),
        }),
      );
      io.stdout(
        options.json
          ? `${JSON.stringify(created, null, 2)}\n`
          : `令牌（只显示一次） / token (shown once): ${created.token}\n` +
              `到期 / expires: ${created.record.expiresAt}\n`,
      );
    });
  token
    .command('list')
    .description('列出用户的访问令牌：有效期、最近使用 / list a user’s API tokens: expiry, last use')
    .requiredOption('--user <username>', '用户名 / username')
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { user: string; json?: boolean }) => {
      const tokens = await withPlatform(io, (platform) => listTokens(platform, operatorOf(io), options.user));
      const now = new Date();
      io.stdout(
        options.json
          ? `${JSON.stringify(tokens, null, 2)}\n`
          : tokens.map((t) => `${tokenLine(t, now)}\n`).join(''),
      );
    });
  token
    .command('revoke <id>')
    .description('吊销访问令牌 / revoke an API token')
    .action(async (id: string) => {
      const revoked = await withPlatform(io, (platform) => revokeToken(platform, operatorOf(io), id));
      io.stdout(`已吊销 / revoked: ${revoked.id} ${revoked.name}\n`);
    });
}
