import { isRole, type RoleGrant } from '../core/roles.js';
import type { Executor } from './executor.js';
import type { UserTable } from './schema.js';

/** A staff account as stored (the password hash never leaves the services). */
export interface StoredUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string | null;
  failedLoginCount: number;
  failedLoginSince: string | null;
  lockedUntil: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
  grants: RoleGrant[];
}

function toUser(row: UserTable, grants: RoleGrant[]): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    failedLoginCount: row.failed_login_count,
    failedLoginSince: row.failed_login_since,
    lockedUntil: row.locked_until,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    grants,
  };
}

async function grantsOf(db: Executor, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
  const result = new Map<string, RoleGrant[]>();
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('user_roles')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .orderBy('agency_id')
    .execute();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const list = result.get(row.user_id) ?? [];
    list.push({ role: row.role, agencyId: row.agency_id });
    result.set(row.user_id, list);
  }
  return result;
}

/** Staff accounts (工作人员) and their role grants. */
export const usersRepository = {
  async insert(db: Executor, user: StoredUser): Promise<void> {
    await db
      .insertInto('users')
      .values({
        id: user.id,
        username: user.username,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        failed_login_count: user.failedLoginCount,
        failed_login_since: user.failedLoginSince,
        locked_until: user.lockedUntil,
        disabled_at: user.disabledAt,
        created_at: user.createdAt,
        updated_at: user.updatedAt,
      })
      .execute();
    if (user.grants.length > 0) {
      await db
        .insertInto('user_roles')
        .values(user.grants.map((g) => ({ user_id: user.id, role: g.role, agency_id: g.agencyId })))
        .execute();
    }
  },
  /** Records the login bookkeeping (failures, lockout) and password changes. */
  async updateCredentials(
    db: Executor,
    id: string,
    fields: Pick<
      StoredUser,
      'failedLoginCount' | 'failedLoginSince' | 'lockedUntil' | 'passwordHash' | 'updatedAt'
    >,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({
        failed_login_count: fields.failedLoginCount,
        failed_login_since: fields.failedLoginSince,
        locked_until: fields.lockedUntil,
        password_hash: fields.passwordHash,
        updated_at: fields.updatedAt,
      })
      .where('id', '=', id)
      .execute();
  },
  async findById(db: Executor, id: string): Promise<StoredUser | undefined> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row, (await grantsOf(db, [row.id])).get(row.id) ?? []);
  },
  async findByUsername(db: Executor, username: string): Promise<StoredUser | undefined> {
    const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && toUser(row, (await grantsOf(db, [row.id])).get(row.id) ?? []);
  },
  async listAll(db: Executor): Promise<StoredUser[]> {
    const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
    const grants = await grantsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toUser(row, grants.get(row.id) ?? []));
  },
};
