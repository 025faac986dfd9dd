import { isRole, type RoleGrant } from '../core/roles.js';
import type { Executor } from './executor.js';
import type { UserTable } from './schema.js';

/** A role grant with who made it and when (null for grants made before that was recorded). */
export interface StoredGrant extends RoleGrant {
  grantedAt: string | null;
  grantedBy: string | null;
  grantedByUserId: string | null;
}

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
  disabledReason: string | null;
  createdAt: string;
  createdBy: string | null;
  createdByUserId: string | null;
  updatedAt: string;
  grants: StoredGrant[];
}

function toUser(row: UserTable, grants: StoredGrant[]): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    failedLoginCount: row.failed_login_count,
    failedLoginSince: row.failed_login_since,
    lockedUntil: row.locked_until,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByUserId: row.created_by_user_id,
    updatedAt: row.updated_at,
    grants,
  };
}

async function grantsOf(db: Executor, userIds: string[]): Promise<Map<string, StoredGrant[]>> {
  const result = new Map<string, StoredGrant[]>();
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
    list.push({
      role: row.role,
      agencyId: row.agency_id,
      grantedAt: row.granted_at,
      grantedBy: row.granted_by,
      grantedByUserId: row.granted_by_user_id,
    });
    result.set(row.user_id, list);
  }
  return result;
}

const grantRow = (userId: string, g: StoredGrant) => ({
  user_id: userId,
  role: g.role,
  agency_id: g.agencyId,
  granted_at: g.grantedAt,
  granted_by: g.grantedBy,
  granted_by_user_id: g.grantedByUserId,
});

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
        disabled_reason: user.disabledReason,
        created_at: user.createdAt,
        created_by: user.createdBy,
        created_by_user_id: user.createdByUserId,
        updated_at: user.updatedAt,
      })
      .execute();
    if (user.grants.length > 0) {
      await db
        .insertInto('user_roles')
        .values(user.grants.map((g) => grantRow(user.id, g)))
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
  /** Disables (a time and a reason) or re-enables (nulls) an account. */
  async setDisabled(
    db: Executor,
    id: string,
    fields: Pick<StoredUser, 'disabledAt' | 'disabledReason' | 'updatedAt'>,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({
        disabled_at: fields.disabledAt,
        disabled_reason: fields.disabledReason,
        updated_at: fields.updatedAt,
      })
      .where('id', '=', id)
      .execute();
  },
  async addGrant(db: Executor, userId: string, grant: StoredGrant): Promise<void> {
    await db.insertInto('user_roles').values(grantRow(userId, grant)).execute();
  },
  async removeGrant(db: Executor, userId: string, grant: RoleGrant): Promise<void> {
    await db
      .deleteFrom('user_roles')
      .where('user_id', '=', userId)
      .where('role', '=', grant.role)
      .where('agency_id', '=', grant.agencyId)
      .execute();
  },
  async touch(db: Executor, id: string, updatedAt: string): Promise<void> {
    await db.updateTable('users').set({ updated_at: updatedAt }).where('id', '=', id).execute();
  },
  async findById(db: Executor, id: string): Promise<StoredUser | undefined> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row, (await grantsOf(db, [row.id])).get(row.id) ?? []);
  },
  async findByUsername(db: Executor, username: string): Promise<StoredUser | undefined> {
    const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && toUser(row, (await grantsOf(db, [row.id])).get(row.id) ?? []);
  },
  /**
   * One page of accounts by username after `after`, only those with a grant on one of `agencyIds` (all accounts
   * when undefined); `limit + 1` rows so the caller knows whether a next page exists.
   */
  async listPage(
    db: Executor,
    options: { agencyIds?: readonly string[]; after?: string; limit: number },
  ): Promise<StoredUser[]> {
    if (options.agencyIds?.length === 0) return [];
    let query = db
      .selectFrom('users')
      .selectAll()
      .orderBy('username')
      .limit(options.limit + 1);
    if (options.after !== undefined) query = query.where('username', '>', options.after);
    if (options.agencyIds) {
      const ids = [...options.agencyIds];
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_roles')
            .select('user_roles.user_id')
            .whereRef('user_roles.user_id', '=', 'users.id')
            .where('user_roles.agency_id', 'in', ids),
        ),
      );
    }
    const rows = await query.execute();
    const grants = await grantsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toUser(row, grants.get(row.id) ?? []));
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
