import { Option, type Command } from 'commander';
import { agencyKinds, type Agency } from '../../core/agency.js';
import { createAgency } from '../../services/agencies/create-agency.js';
import { listAgencies } from '../../services/agencies/list-agencies.js';
import { CliError, type CliIo } from '../io.js';
import { operatorOf, withPlatform } from './with-platform.js';

interface CreateOptions {
  code: string;
  name: string;
  kind: (typeof agencyKinds)[number];
  parent?: string;
  officeName?: string;
  address?: string;
  officeHours?: string;
  phone?: string;
  fax?: string;
  website?: string;
  email?: string;
  settings?: string;
  json?: boolean;
}

function treeLines(agencies: Agency[]): string[] {
  const lines: string[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const agency of agencies.filter((a) => a.parentId === parentId)) {
      lines.push(`${'  '.repeat(depth)}${agency.name}  [${agency.code}]  ${agency.id}`);
      walk(agency.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}

/** `gongkai agency create|list`. */
export function registerAgencyCommands(program: Command, io: CliIo): void {
  const agency = program.command('agency').description('机关（树形） / agencies (a tree)');
  agency
    .command('create')
    .description('创建机关 / create an agency')
    .requiredOption('--code <code>', '机关代码（小写字母、数字、连字符） / agency code')
    .requiredOption('--name <name>', '机关名称 / agency name')
    .addOption(new Option('--kind <kind>', '类型 / kind').choices(agencyKinds).default('department'))
    .option('--parent <agency>', '上级机关的代码或 id / parent agency code or id')
    .option('--office-name <text>', '政府信息公开工作机构名称 / disclosure office name')
    .option('--address <text>', '办公地址 / office address')
    .option('--office-hours <text>', '办公时间 / office hours')
    .option('--phone <text>', '联系电话 / phone')
    .option('--fax <text>', '传真号码 / fax')
    .option('--website <url>', '网址 / website')
    .option('--email <address>', '电子邮箱 / e-mail')
    .option('--settings <file>', '设置 JSON 文件（- 为标准输入） / settings JSON file (- for stdin)')
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: CreateOptions) => {
      let settings: unknown;
      if (options.settings !== undefined) {
        try {
          settings = JSON.parse((await io.readInput(options.settings)).toString('utf8'));
        } catch (error) {
          throw new CliError(
            `无法读取设置 / cannot read settings: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      const created = await withPlatform(io, (platform) =>
        createAgency(platform, operatorOf(io), {
          code: options.code,
          name: options.name,
          kind: options.kind,
          parent: options.parent ?? null,
          officeName: options.officeName,
          address: options.address,
          officeHours: options.officeHours,
          phone: options.phone,
          fax: options.fax,
          website: options.website,
          email: options.email,
          ...(settings === undefined ? {} : { settings: settings as never }),
        }),
      );
      io.stdout(
        options.json
          ? `${JSON.stringify(created, null, 2)}\n`
          : `已创建 / created: ${created.name} [${created.code}] ${created.id}\n`,
      );
    });
  agency
    .command('list')
    .description('列出机关 / list agencies')
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { json?: boolean }) => {
      const agencies = await withPlatform(io, (platform) => listAgencies(platform, operatorOf(io)));
      io.stdout(
        options.json
          ? `${JSON.stringify(agencies, null, 2)}\n`
          : treeLines(agencies)
              .map((l) => `${l}\n`)
              .join(''),
      );
    });
}
