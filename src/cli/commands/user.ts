import type { Command } from 'commander';
import { isRole, roles } from '../../core/roles.js';
import { createUser } from '../../services/accounts/create-user.js';
import { setUserPassword } from '../../services/accounts/set-user-password.js';
import { CliError, type CliIo } from '../io.js';
import { registerUserAccessCommands } from './user-access.js';
import { readSecretFromStdin, operatorOf, withPlatform } from './with-platform.js';

function parseGrant(value: string, previous: { role: (typeof roles)[number]; agency: string }[] = []) {
  const [role, agency] = value.split('@');
  if (!role || !agency || !isRole(role)) {
    throw new CliError(
      `--role 应为 角色@机关，角色为 ${roles.join('|')} / --role must be ROLE@AGENCY: ${value}`,
    );
  }
  return [...previous, { role, agency }];
}

/** `gongkai user create|password` (and the access commands of user-access.ts). */
export function registerUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('工作人员账户 / staff accounts');
  user
    .command('create')
    .description(
      '创建账户（未给密码时生成并只显示一次） / create an account (a generated password is shown once)',
    )
    .requiredOption('--username <name>', '用户名 / username')
    .requiredOption('--name <name>', '姓名 / display name')
    .requiredOption(
      '--role <role@agency>',
      `角色@机关代码，可重复；角色：${roles.join('|')} / ROLE@AGENCY, repeatable`,
      parseGrant,
    )
    .option('--password-stdin', '从标准输入读取密码 / read the password from standard input')
    .option('--json', '输出 JSON / print JSON')
    .action(
      async (options: {
        username: string;
        name: string;
        role: { role: (typeof roles)[number]; agency: string }[];
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        const password = options.passwordStdin ? await readSecretFromStdin(io) : undefined;
        const created = await withPlatform(io, (platform) =>
          createUser(platform, operatorOf(io), {
            username: options.username,
            displayName: options.name,
            password,
            grants: options.role,
          }),
        );
        if (options.json) io.stdout(`${JSON.stringify(created, null, 2)}\n`);
        else {
          io.stdout(`已创建 / created: ${created.user.username} ${created.user.id}\n`);
          if (created.generatedPassword)
            io.stdout(
              `初始密码（只显示一次） / initial password (shown once): ${created.generatedPassword}\n`,
            );
        }
      },
    );
  user
    .command('password <username>')
    .description(
      '设置密码（未给密码时生成），结束其会话并吊销其令牌 / set a password (generated if not given), ending its sessions and tokens',
    )
    .option('--password-stdin', '从标准输入读取密码 / read the password from standard input')
    .action(async (username: string, options: { passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? await readSecretFromStdin(io) : undefined;
      const generated = await withPlatform(io, (platform) =>
        setUserPassword(platform, operatorOf(io), username, password),
      );
      io.stdout(
        generated
          ? `新密码（只显示一次） / new password (shown once): ${generated}\n`
          : '密码已设置 / password set\n',
      );
    });
  registerUserAccessCommands(user, io, (value) => parseGrant(value));
}
