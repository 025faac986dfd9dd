import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { defaultAgencySettings, type Agency } from '../../src/core/agency.js';
import { agenciesRepository } from '../../src/storage/agencies-repository.js';
import { auditRepository } from '../../src/storage/audit-repository.js';
import {
  openDatabase,
  openSqliteFile,
  parseDatabaseUrl,
  type OpenDatabase,
} from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { sessionsRepository } from '../../src/storage/sessions-repository.js';
import { tokensRepository } from '../../src/storage/tokens-repository.js';
import { usersRepository, type StoredUser } from '../../src/storage/users-repository.js';
import { databases, freshSqlite, type TestDatabase } from '../helpers/databases.js';
import type { Kysely } from 'kysely';

const t0 = '2026-03-02T01:00:00.000Z';

function agency(id: string, parentId: string | null): Agency {
  return {
    id,
    parentId,
    code: `code-${id}`,
    name: `机关${id}`,
    kind: 'department',
    officeName: '办公室',
    address: null,
    officeHours: null,
    phone: null,
    fax: null,
    website: null,
    email: null,
    settings: defaultAgencySettings,
    createdAt: t0,
    updatedAt: t0,
  };
}

describe('parseDatabaseUrl', () => {
  it('reads sqlite and postgres URLs and rejects others', () => {
    expect(parseDatabaseUrl('sqlite:./data/x.sqlite')).toEqual({
      dialect: 'sqlite',
      path: './data/x.sqlite',
    });
    expect(parseDatabaseUrl('sqlite:///tmp/x.sqlite')).toEqual({ dialect: 'sqlite', path: '/tmp/x.sqlite' });
    expect(parseDatabaseUrl('postgres://u@h/db').dialect).toBe('postgres');
    expect(() => parseDatabaseUrl('mysql://u:secret@h/db')).toThrow(/DATABASE_URL.*\*\*\*@/);
  });
});

describe('openSqliteFile', () => {
  it('turns on WAL, foreign keys, durable commits and a busy timeout', async () => {
    const database = await freshSqlite();
    const file = openSqliteFile(database.url.slice('sqlite:'.length));
    expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(file.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(file.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(file.pragma('busy_timeout', { simple: true })).toBe(5000);
    file.close();
    await database.drop();
  });
});

describe.each(databases)('repositories on %s', (_name, fresh) => {
  let database: TestDatabase;
  let opened: OpenDatabase;

  beforeAll(async () => {
    database = await fresh();
    opened = openDatabase(database.url);
    expect((await migrateToLatest(opened.db as Kysely<unknown>)).length).toBeGreaterThan(0);
    expect(await migrateToLatest(opened.db as Kysely<unknown>)).toEqual([]);
  });
  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  it('stores agencies as a tree with their settings', async () => {
    await agenciesRepository.insert(opened.db, agency('a1', null));
    await agenciesRepository.insert(opened.db, agency('a2', 'a1'));
    const changed = {
      ...agency('a2', 'a1'),
      name: '新名称',
      settings: { ...defaultAgencySettings, calendarOverrides: [{ date: '2026-10-10', workday: true }] },
    };
    await agenciesRepository.update(opened.db, changed);
    expect(await agenciesRepository.findById(opened.db, 'a2')).toEqual(changed);
    expect((await agenciesRepository.findByCode(opened.db, 'code-a1'))?.id).toBe('a1');
    expect((await agenciesRepository.listAll(opened.db)).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(await agenciesRepository.count(opened.db)).toBe(2);
    await expect(agenciesRepository.insert(opened.db, agency('a3', 'missing'))).rejects.toThrow();
  });

  it('stores users with role grants and credentials', async () => {
    const user: StoredUser = {
      id: 'u1',
      username: 'zhang',
      displayName: '张三',
      passwordHash: 'scrypt$x',
      failedLoginCount: 0,
      failedLoginSince: null,
      lockedUntil: null,
      disabledAt: null,
      disabledReason: null,
      createdAt: t0,
      createdBy: 'cli',
      createdByUserId: null,
      updatedAt: t0,
      grants: [
        { role: 'registrar', agencyId: 'a2', grantedAt: t0, grantedBy: 'cli', grantedByUserId: null },
        { role: 'admin', agencyId: 'a1', grantedAt: null, grantedBy: null, grantedByUserId: null },
      ],
    };
    await usersRepository.insert(opened.db, user);
    await usersRepository.updateCredentials(opened.db, 'u1', {
      passwordHash: 'scrypt$y',
      failedLoginCount: 2,
      failedLoginSince: t0,
      lockedUntil: null,
      updatedAt: t0,
    });
    const found = await usersRepository.findByUsername(opened.db, 'zhang');
    expect(found?.passwordHash).toBe('scrypt$y');
    expect(found?.failedLoginCount).toBe(2);
    expect(found?.grants).toEqual([
      { role: 'admin', agencyId: 'a1', grantedAt: null, grantedBy: null, grantedByUserId: null },
      { role: 'registrar', agencyId: 'a2', grantedAt: t0, grantedBy: 'cli', grantedByUserId: null },
    ]);
    expect(found?.createdBy).toBe('cli');
    expect((await usersRepository.findById(opened.db, 'u1'))?.username).toBe('zhang');
    expect((await usersRepository.listAll(opened.db)).length).toBe(1);
  });

  it('stores sessions and tokens by hash', async () => {
    await sessionsRepository.insert(opened.db, {
      id_hash: 'h1',
      user_id: 'u1',
      csrf_token: 'c',
      created_at: t0,
      last_seen_at: t0,
      expires_at: '2026-03-02T02:00:00.000Z',
    });
    await sessionsRepository.touch(opened.db, 'h1', '2026-03-02T01:30:00.000Z');
    expect((await sessionsRepository.findByIdHash(opened.db, 'h1'))?.last_seen_at).toBe(
      '2026-03-02T01:30:00.000Z',
    );
    await sessionsRepository.deleteExpired(opened.db, '2026-03-02T03:00:00.000Z');
    expect(await sessionsRepository.findByIdHash(opened.db, 'h1')).toBeUndefined();

    await tokensRepository.insert(opened.db, {
      id: 't1',
      user_id: 'u1',
      name: '接口',
      token_hash: 'th',
      created_at: t0,
      revoked_at: null,
      expires_at: '2026-06-01T00:00:00.000Z',
      last_used_at: null,
      last_used_from: null,
      revoked_reason: null,
    });
    expect((await tokensRepository.findByHash(opened.db, 'th'))?.id).toBe('t1');
    await tokensRepository.touch(opened.db, 't1', t0, 'api 10.0.0.1');
    await tokensRepository.revoke(opened.db, 't1', t0, 'owner');
    expect(await tokensRepository.findById(opened.db, 't1')).toMatchObject({
      revoked_at: t0,
      revoked_reason: 'owner',
      last_used_at: t0,
      last_used_from: 'api 10.0.0.1',
    });
    expect((await tokensRepository.listByUser(opened.db, 'u1')).length).toBe(1);
  });

  it('appends a hash chain to the audit log and refuses UPDATE and DELETE', async () => {
    const actor = { userId: null, label: 'cli', source: 'cli' };
    const first = await opened.db.transaction().execute((trx) =>
      auditRepository.append(trx, t0, actor, {
        action: 'agency.create',
        entityType: 'agency',
        entityId: 'a1',
        agencyId: 'a1',
        before: null,
        after: { x: 1 },
      }),
    );
    const second = await opened.db.transaction().execute((trx) =>
      auditRepository.append(trx, t0, actor, {
        action: 'agency.update',
        entityType: 'agency',
        entityId: 'a2',
        agencyId: 'a2',
        before: { x: 1 },
        after: { x: 2 },
      }),
    );
    expect(first.seq).toBe(1);
    expect(second.prevHash).toBe(first.hash);
    expect((await auditRepository.list(opened.db, { limit: 10 })).map((e) => e.seq)).toEqual([1, 2]);
    expect(
      (await auditRepository.list(opened.db, { limit: 10, agencyIds: ['a2'] })).map((e) => e.seq),
    ).toEqual([2]);
    expect(await auditRepository.list(opened.db, { limit: 10, agencyIds: [] })).toEqual([]);
    await expect(sql`update audit_log set actor = 'x'`.execute(opened.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(opened.db)).rejects.toThrow(/append-only/);
  });

  it('keeps the chain linear under concurrent appends', async () => {
    const actor = { userId: null, label: 'cli', source: 'cli' };
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        opened.db.transaction().execute((trx) =>
          auditRepository.append(trx, t0, actor, {
            action: 'system.seed',
            entityType: 'system',
            entityId: String(i),
            agencyId: null,
            before: null,
            after: null,
          }),
        ),
      ),
    );
    const entries = await auditRepository.list(opened.db, { limit: 100 });
    entries.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      if (i > 0) expect(entry.prevHash).toBe(entries[i - 1]?.hash);
    });
  });
});
