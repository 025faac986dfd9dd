// Naming a database for people, without loading a database driver (the CLI announces it before opening anything).
export { defaultDatabaseUrl, describeDatabase, parseDatabaseUrl } from '../../storage/database-url.js';
