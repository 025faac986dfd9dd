import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerAnswerCommands } from './answer.js';
import { registerClockCommands } from './clock.js';
import { registerPlatformCommands } from './platform.js';
import { registerPublishingCommands } from './publishing.js';
import { registerReportCommands } from './report.js';

/** Every command group registers itself here; one file per group keeps this list the only shared edit. */
export function registerCommands(program: Command, io: CliIo): void {
  registerReportCommands(program, io);
  registerClockCommands(program, io);
  registerPlatformCommands(program, io);
  registerAnswerCommands(program, io);
  registerPublishingCommands(program, io);
}
