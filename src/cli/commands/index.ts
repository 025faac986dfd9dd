import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerPlatformCommands } from './platform.js';

/** Every command group registers itself here; one file per group keeps this list the only shared edit. */
export function registerCommands(program: Command, io: CliIo): void {
  void program;
  void io;
  registerPlatformCommands(program, io);
}
