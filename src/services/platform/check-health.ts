import { sql } from 'kysely';
import type { PlatformDeps } from './platform.js';

/** Throws when the database does not answer. */
export async function checkHealth(deps: Pick<PlatformDeps, 'db'>): Promise<void> {
  await sql`select 1`.execute(deps.db);
}
