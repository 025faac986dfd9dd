import type { Command } from 'commander';
import { roleLabels, type Role } from '../../core/roles.js';
import { disableUser } from '../../services/accounts/disable-user.js';
import { enableUser } from '../../services/accounts/enable-user.js';
import { getUser } from '../../services/accounts/get-user.js';
import { grantRole } from '../../services/accounts/grant-role.js';
import { listAdminGrants } from '../../services/accounts/list-admin-grants.js';
import { listTokens } from '../../services/accounts/list-tokens.js';
import { listUsers } from '../../services/accounts/list-users.js';
import { removeGrant } from '../../services/accounts/remove-grant.js';
import type { UserView } from '../../services/accounts/user-view.js';
import type { CliIo } from '../io.js';
import { tokenLine } from './token.js';
import { operatorOf, withPlatform } from './with-platform.js';

/** Parses one `--role ROLE@AGENCY` (defined in user.ts). */
type GrantParser = (value: string) => { role: Role; agency: string }[];

function userLines(user: UserView): string {
  const status = user.disabledAt
    ? `已停用 / disabled ${user.disabledAt}${user.disabledReason ? `（${user.disabledReason}）` : ''}`
    : '启用 / enabled';
  const lines = [
    `${user.username}  ${user.displayName}  ${user.id}`,
    `  状态 / status: ${status}`,
    `  创建 / created: ${user.createdAt}${user.createdBy ? ` by ${user.createdBy}` : ''}`,
    ...user.grants.map(
      (g) =>
        `  角色 / role: ${g.role}（${roleLabels[g.role]}）@${g.agencyId}` +
        (g.grantedAt ? `  授予 / granted ${g.grantedAt} by ${g.grantedBy ?? '?'}` : ''),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function print(io: CliIo, user: UserView, json: boolean | undefined): void {
  io.stdout(json ? `${JSON.stringify(user, null, 2)}\n` : userLines(user));
}

/**
 * `gongkai user list|show|disable|enable|grant|revoke-grant`: an account's access, changed by the operator. Each
 * change that widens or narrows access ends the account's sessions and API tokens.
 */
export function registerUserAccessCommands(user: Command, io: CliIo, parseGrant: GrantParser): void {
  user
    .command('admin-grants')
    .description(
      '管理员授予的角色（可读个人信息者、账户也由其创建者在前） / roles administrators granted, those reading personal data first',
    )
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { json?: boolean }) => {
      const grants = await withPlatform(io, (platform) => listAdminGrants(platform, operatorOf(io)));
      if (options.json) {
        io.stdout(`${JSON.stringify(grants, null, 2)}\n`);
        return;
      }
      if (grants.length === 0) io.stdout('没有管理员授予的角色 / no roles granted by administrators\n');
      for (const g of grants) {
        const marks = [
          g.readsPersonalData ? '可读个人信息 / reads personal data' : '',
          g.accountMadeByGranter ? '账户由同一管理员创建 / account made by the same administrator' : '',
          g.disabled ? '已停用 / disabled' : '',
        ].filter(Boolean);
        io.stdout(
          `${g.username}  ${g.role}（${roleLabels[g.role]}）@${g.agencyCode}  ` +
            `授予 / granted ${g.grantedAt ?? '?'} by ${g.grantedBy ?? '?'}` +
            (marks.length > 0 ? `  [${marks.join('; ')}]` : '') +
            '\n',
        );
      }
    });
  user
    .command('list')
    .description('列出账户 / list accounts')
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { json?: boolean }) => {
      const users = await withPlatform(io, (platform) => listUsers(platform, operatorOf(io)));
      io.stdout(
        options.json
          ? `${JSON.stringify(users, null, 2)}\n`
          : users
              .map(
                (u) =>
                  `${u.username}  ${u.displayName}  ${u.grants.map((g) => `${g.role}@${g.agencyId}`).join(' ')}` +
                  `${u.disabledAt ? '  [已停用 / disabled]' : ''}\n`,
              )
              .join(''),
      );
    });
  user
    .command('show <username>')
    .description('账户详情：角色及授予人、访问令牌 / an account: roles and who granted them, API tokens')
    .option('--json', '输出 JSON / print JSON')
    .action(async (username: string, options: { json?: boolean }) => {
      const [shown, tokens] = await withPlatform(io, async (platform) => [
        await getUser(platform, operatorOf(io), username),
        await listTokens(platform, operatorOf(io), username),
      ]);
      if (options.json) {
        io.stdout(`${JSON.stringify({ ...shown, tokens }, null, 2)}\n`);
        return;
      }
      io.stdout(userLines(shown));
      for (const token of tokens) io.stdout(`  ${tokenLine(token, new Date())}\n`);
    });
  user
    .command('disable <username>')
    .description('停用账户，结束其会话并吊销其令牌 / disable an account, ending its sessions and tokens')
    .option('--reason <text>', '原因 / why')
    .option('--json', '输出 JSON / print JSON')
    .action(async (username: string, options: { reason?: string; json?: boolean }) => {
      const changed = await withPlatform(io, (platform) =>
        disableUser(platform, operatorOf(io), username, options.reason ? { reason: options.reason } : {}),
      );
      print(io, changed, options.json);
    });
  user
    .command('enable <username>')
    .description('重新启用账户 / re-enable an account')
    .option('--json', '输出 JSON / print JSON')
    .action(async (username: string, options: { json?: boolean }) => {
      const changed = await withPlatform(io, (platform) => enableUser(platform, operatorOf(io), username));
      print(io, changed, options.json);
    });
  user
    .command('grant <username>')
    .description('授予角色，结束其会话并吊销其令牌 / grant a role, ending its sessions and tokens')
    .requiredOption('--role <role@agency>', '角色@机关代码 / ROLE@AGENCY', (value: string) =>
      parseGrant(value),
    )
    .option('--json', '输出 JSON / print JSON')
    .action(async (username: string, options: { role: { role: Role; agency: string }[]; json?: boolean }) => {
      const changed = await withPlatform(io, (platform) =>
        grantRole(platform, operatorOf(io), username, options.role[0]!),
      );
      print(io, changed, options.json);
    });
  user
    .command('revoke-grant <username>')
    .description('撤销角色，结束其会话并吊销其令牌 / remove a role, ending its sessions and tokens')
    .requiredOption('--role <role@agency>', '角色@机关代码 / ROLE@AGENCY', (value: string) =>
      parseGrant(value),
    )
    .option('--json', '输出 JSON / print JSON')
    .action(async (username: string, options: { role: { role: Role; agency: string }[]; json?: boolean }) => {
      const changed = await withPlatform(io, (platform) =>
        removeGrant(platform, operatorOf(io), username, options.role[0]!),
      );
      print(io, changed, options.json);
    });
}
