import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Makes a table append-only in the database itself: triggers refuse UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL), so no code path of the application can edit or remove a row. Used by migrations; `table` is a
 * constant of the schema, never input.
 */
export async function makeAppendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  const name = sql.raw(table);
  const message = sql.lit(`${table} is append-only`);
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${name}
      begin select raise(abort, ${message}); end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${name}
      begin select raise(abort, ${message}); end`.execute(db);
    return;
  }
  const fn = sql.raw(`${table}_append_only`);
  await sql`create function ${fn}() returns trigger language plpgsql as $$
    begin raise exception ${message}; end $$`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_update_delete`)} before update or delete on ${name}
    for each row execute function ${fn}()`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${name}
    for each statement execute function ${fn}()`.execute(db);
}
