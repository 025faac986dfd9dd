/** The database used when DATABASE_URL is not set (its own module: reading it loads no database driver). */
export const defaultDatabaseUrl = 'sqlite:./data/gongkai.sqlite';
