/**
 * The audit chain's tail: deleting the newest audit rows leaves a chain that still links, so `verifyAuditChain`
 * alone passes it; checked against an anchor written outside the database, it is caught (on SQLite and
 * PostgreSQL).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency } from '../../src/services/agencies/create-agency.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import {
  anchorAuditChain,
  parseAuditHead,
  readAuditAnchors,
  verifyAuditChainAnchored,
} from '../../src/services/audit/anchor-audit-chain.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { AuditAnchorFileError, defaultAuditAnchorFile } from '../../src/storage/audit-anchors.js';
import { databases, freshPlatform } from '../helpers/databases.js';

describe.each(databases)('audit anchors on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let dir: string;
  let file: string;
  const agency = (code: string) =>
    createAgency(platform, cliOperator, { code, name: `机关${code}`, kind: 'other' });

  beforeAll(async () => {
    ({ platform, close } = await freshPlatform(fresh));
    dir = mkdtempSync(join(tmpdir(), 'gongkai-anchor-'));
    file = join(dir, 'db.sqlite.audit-anchors.jsonl');
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('anchors the head when it has moved, and checks the chain against it', async () => {
    for (const code of ['a1', 'a2', 'a3']) await agency(code);
    const first = await anchorAuditChain(platform, file, 'interval');
    expect(first).toMatchObject({ entries: 3, reason: 'interval' });
    // Nothing new: no second line; a backup is always recorded.
    expect(await anchorAuditChain(platform, file, 'interval')).toBeNull();
    await agency('a4');
    await anchorAuditChain(platform, file, 'backup');
    const anchors = readAuditAnchors(file);
    expect(anchors.map((a) => [a.entries, a.reason])).toEqual([
      [3, 'interval'],
      [4, 'backup'],
    ]);
    const chain = await verifyAuditChain(platform);
    expect(chain).toMatchObject({ ok: true, entries: 4 });
    expect(await verifyAuditChainAnchored(platform, anchors)).toMatchObject({
      ok: true,
      entries: 4,
      anchorsChecked: 2,
      latest: { entries: 4, reason: 'backup' },
    });
    // The operator's kept head is checked the same way.
    const kept = parseAuditHead(`4:${chain.ok ? chain.lastHash : ''}`);
    expect(await verifyAuditChainAnchored(platform, [], [kept])).toMatchObject({ ok: true });
    expect(
      await verifyAuditChainAnchored(platform, [], [{ entries: 4, hash: 'f'.repeat(64) }]),
    ).toMatchObject({
      ok: false,
      reason: 'anchor',
      brokenSeq: 4,
    });
  });

  it('detects that the newest rows were deleted, which the chain alone does not', async () => {
    await agency('a5');
    await anchorAuditChain(platform, file, 'interval'); // anchored at 5
    // Someone with the database alone (a superuser) removes the newest two rows.
    if (platform.target.dialect === 'sqlite') {
      await sql`drop trigger audit_log_no_delete`.execute(platform.db);
    } else {
      await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(platform.db);
    }
    await sql`delete from audit_log where seq >= 4`.execute(platform.db);
    expect(await verifyAuditChain(platform)).toMatchObject({ ok: true, entries: 3 });
    const anchors = readAuditAnchors(file);
    expect(await verifyAuditChainAnchored(platform, anchors)).toMatchObject({
      ok: false,
      entries: 3,
      reason: 'truncated',
      anchor: { entries: 5, reason: 'interval' },
    });
    // Writing on after the deletion does not hide it: entry 4 and 5 are not the rows anchored.
    await agency('b1');
    await agency('b2');
    await anchorAuditChain(platform, file, 'interval');
    expect(await verifyAuditChainAnchored(platform, readAuditAnchors(file))).toMatchObject({
      ok: false,
      reason: 'anchor',
      brokenSeq: 4,
    });
    // A restore starts afresh: the anchors written before it no longer apply.
    await anchorAuditChain(platform, file, 'restore');
    expect(await verifyAuditChainAnchored(platform, readAuditAnchors(file))).toMatchObject({
      ok: true,
      entries: 5,
      anchorsChecked: 1,
    });
  });

  it('refuses a damaged anchor file, but not a last line cut short by a crash', () => {
    const damaged = join(dir, 'damaged.jsonl');
    const good = readFileSync(file, 'utf8');
    writeFileSync(damaged, `${good}{"entries":2,"hash":"abc"`);
    expect(readAuditAnchors(damaged)).toHaveLength(readAuditAnchors(file).length);
    writeFileSync(damaged, `{"entries":"x"}\n${good}`);
    expect(() => readAuditAnchors(damaged)).toThrow(AuditAnchorFileError);
    expect(() => parseAuditHead('5:nothex')).toThrow(/ENTRIES:HASH/);
  });

  it('keeps the anchor file beside an SQLite database, and one per PostgreSQL database under ./data', () => {
    expect(defaultAuditAnchorFile({ dialect: 'sqlite', path: '/srv/gk/db.sqlite' })).toBe(
      '/srv/gk/db.sqlite.audit-anchors.jsonl',
    );
    expect(defaultAuditAnchorFile({ dialect: 'sqlite', path: ':memory:' })).toBeNull();
    const pg = defaultAuditAnchorFile({ dialect: 'postgres', url: 'postgres://u:p@db.example:5433/gongkai' });
    expect(pg).toMatch(/^\.\/data\/audit-anchors-db\.example-5433-gongkai-[0-9a-f]{8}\.jsonl$/);
    expect(pg).not.toContain('u:p');
  });
});
