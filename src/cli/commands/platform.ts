import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerAgencyCommands } from './agency.js';
import { registerAuditCommands } from './audit.js';
import { registerDbCommands } from './db.js';
import { registerTokenCommands } from './token.js';
import { registerUserCommands } from './user.js';

/** The platform's commands: db, agency, user, token, audit. */
export function registerPlatformCommands(program: Command, io: CliIo): void {
  registerDbCommands(program, io);
  registerAgencyCommands(program, io);
  registerUserCommands(program, io);
  registerTokenCommands(program, io);
  registerAuditCommands(program, io);
}
