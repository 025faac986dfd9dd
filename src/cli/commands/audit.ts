import type { Command } from 'commander';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.js';
import type { CliIo } from '../io.js';
import { withPlatform } from './with-platform.js';

/** `gongkai audit verify`: exit 0 when the chain is intact, 1 naming the first broken entry. */
export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('审计日志 / audit trail');
  audit
    .command('verify')
    .description('校验审计日志哈希链 / verify the audit hash chain')
    .action(async () => {
      const result = await withPlatform(io, (platform) => verifyAuditChain(platform));
      if (result.ok) {
        io.stdout(
          `审计链完整，共 ${result.entries} 条 / audit chain intact: ${result.entries} entries\n` +
            `链头哈希（请异地留存） / head hash (keep a copy elsewhere): ${result.lastHash}\n`,
        );
        return;
      }
      io.stderr(
        `审计链在第 ${result.brokenSeq} 条处被破坏（${result.reason}） / audit chain broken at entry ${result.brokenSeq} (${result.reason})\n`,
      );
      io.setExitCode(1);
    });
}
