import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initialSchema from './migrations/20261123T1900-initial-schema.js';
import * as auditLog from './migrations/20261123T1901-audit-log.js';
import * as applications from './migrations/20261130T1500-applications.js';
import * as applicationReportIndex from './migrations/20261130T1501-application-report-index.js';
import * as answerTemplates from './migrations/20261130T1600-answer-templates.js';
import * as accessLifetimes from './migrations/20261202T1200-access-lifetimes.js';
import * as publishing from './migrations/20261202T1400-publishing.js';
import * as loginThrottles from './migrations/20261202T1600-login-throttles.js';
import * as caseListColumns from './migrations/20261202T1800-case-list-columns.js';
import * as reportPublications from './migrations/20261202T1900-report-publications.js';
import * as searchIndex from './migrations/20261202T2000-search-index.js';
import * as agencyPostcode from './migrations/20261202T2001-agency-postcode.js';

/** All migrations, in code (no file scanning, so the compiled build and tests see the same list). Forward-only. */
const migrations: Record<string, Migration> = {
  '20261123T1900-initial-schema': initialSchema,
  '20261123T1901-audit-log': auditLog,
  '20261130T1500-applications': applications,
  '20261130T1501-application-report-index': applicationReportIndex,
  '20261130T1600-answer-templates': answerTemplates,
  '20261202T1200-access-lifetimes': accessLifetimes,
  '20261202T1400-publishing': publishing,
  '20261202T1600-login-throttles': loginThrottles,
  '20261202T1800-case-list-columns': caseListColumns,
  '20261202T1900-report-publications': reportPublications,
  '20261202T2000-search-index': searchIndex,
  '20261202T2001-agency-postcode': agencyPostcode,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies pending migrations; returns the names applied. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'gongkai_migrations',
    migrationLockTableName: 'gongkai_migrations_lock',
    // Capabilities are built on parallel branches, each with its own timestamp range: a database migrated on one
    // branch must still accept the migrations another branch brings later with an earlier name.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
