import type { Command } from 'commander';
import {
  anchorAuditChain,
  AuditAnchorFileError,
  parseAuditHead,
  readAuditAnchors,
  verifyAuditChainAnchored,
  type AnchoredVerification,
} from '../../services/audit/anchor-audit-chain.js';
import { CliError, type CliIo } from '../io.js';
import { asCliError, cliConfig, withPlatform } from './with-platform.js';

/**
 * `gongkai audit verify`: walks the hash chain and checks it against the anchors written outside the database
 * (and `--anchor ENTRIES:HASH`, a head the operator kept); exit 0 when intact, 1 naming what is wrong. A verified
 * chain is anchored again, and its head printed for the operator to keep.
 */
export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('审计日志 / audit trail');
  audit
    .command('verify')
    .description('校验审计日志哈希链及其锚点 / verify the audit hash chain and its anchors')
    .option('--anchor <entries:hash>', '另行核对留存的链头 / also check a head you kept (ENTRIES:HASH)')
    .action(async (options: { anchor?: string }) => {
      const config = cliConfig(io);
      let expected;
      try {
        expected = options.anchor ? [parseAuditHead(options.anchor)] : [];
      } catch (error) {
        throw asCliError(error);
      }
      const file = config.auditAnchorFile;
      let anchors;
      try {
        anchors = file ? readAuditAnchors(file) : [];
      } catch (error) {
        if (error instanceof AuditAnchorFileError) {
          throw new CliError(
            `锚点文件 ${error.file} 第 ${error.line} 行不是锚点（文件已损坏或被改动） / ${error.message} (the file was damaged or edited)`,
            1,
          );
        }
        throw error;
      }
      const result = await withPlatform(io, async (platform) => {
        const verification = await verifyAuditChainAnchored(platform, anchors, expected);
        if (verification.ok && file) await anchorAuditChain(platform, file, 'verify');
        return verification;
      });
      if (result.ok) {
        const kept = file
          ? anchors.length === 0
            ? `锚点文件 / anchor file: ${file}（此前没有锚点，已写入第一个 / no anchor before; the first is written now）\n`
            : `锚点文件 / anchor file: ${file}，核对锚点 ${result.anchorsChecked} 个 / ${result.anchorsChecked} anchors checked` +
              (result.latest
                ? `，最近 / latest ${result.latest.at}（${result.latest.entries} 条 entries）`
                : '') +
              '\n'
          : '内存数据库没有锚点文件 / an in-memory database has no anchor file\n';
        io.stdout(
          `审计链完整，共 ${result.entries} 条 / audit chain intact: ${result.entries} entries\n` +
            `链头（请异地留存，可用 --anchor 核对） / head (keep a copy elsewhere; check it with --anchor): ${result.entries}:${result.lastHash}\n` +
            kept,
        );
        return;
      }
      io.stderr(`${describeBreak(result)}\n`);
      io.setExitCode(1);
    });
}

function describeBreak(result: Exclude<AnchoredVerification, { ok: true }>): string {
  switch (result.reason) {
    case 'truncated': {
      const when = result.anchor.at ? `${result.anchor.at} ` : '';
      return (
        `审计链只有 ${result.entries} 条，但${when}已锚定到第 ${result.anchor.entries} 条：最新的 ${result.anchor.entries - result.entries} 条审计记录已被删除 / ` +
        `the audit chain has ${result.entries} entries but was anchored at entry ${result.anchor.entries} ${when}: the newest ${result.anchor.entries - result.entries} entries were deleted`
      );
    }
    case 'anchor':
      return (
        `审计链第 ${result.brokenSeq} 条的哈希与锚点不符：链已被改写 / ` +
        `audit entry ${result.brokenSeq} does not carry its anchored hash: the chain was rewritten`
      );
    default:
      return `审计链在第 ${result.brokenSeq} 条处被破坏（${result.reason}） / audit chain broken at entry ${result.brokenSeq} (${result.reason})`;
  }
}
