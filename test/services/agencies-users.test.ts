import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency } from '../../src/services/agencies/create-agency.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { getAgency } from '../../src/services/agencies/get-agency.js';
import { listAgencies } from '../../src/services/agencies/list-agencies.js';
import { listUsers } from '../../src/services/accounts/list-users.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { cliOperator, type Principal } from '../../src/services/accounts/principal.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { updateAgency } from '../../src/services/agencies/update-agency.js';
import { listAudit } from '../../src/services/audit/list-audit.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import type { RoleGrant } from '../../src/core/roles.js';
import { databases, freshPlatform } from '../helpers/databases.js';

describe.each(databases)('agency and user services on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let ids: Record<string, string>;
  const staff = (...grants: RoleGrant[]): Principal => ({
    kind: 'staff',
    userId: 'x',
    username: 'x',
    grants,
    via: 'session',
    ip: '127.0.0.1',
  });

  beforeAll(async () => {
    ({ platform, close } = await freshPlatform(fresh));
    const seed = await seedDemo(platform);
    expect(seed?.adminUsername).toBe('admin');
    expect(seed?.adminPassword.length).toBeGreaterThanOrEqual(20);
    expect(await seedDemo(platform)).toBeNull();
    ids = Object.fromEntries((await listAgencies(platform, cliOperator)).map((a) => [a.code, a.id]));
  });
  afterAll(() => close());

  it('seeds a demo district with two sub-agencies and the 指南 fields', async () => {
    const all = await listAgencies(platform, cliOperator);
    expect(all.map((a) => a.name)).toEqual(['示范区人民政府', '示范区教育局', '示范街道办事处']);
    expect(all[1]?.parentId).toBe(ids['demo-district']);
    expect(all[0]?.officeName).toContain('政务公开办');
    expect(all[0]?.settings.counting.countReceiptDay).toBe(false);
  });

  it('lists only the subtrees a principal holds roles on', async () => {
    const registrar = staff({ role: 'registrar', agencyId: ids['demo-subdistrict'] as string });
    expect((await listAgencies(platform, registrar)).map((a) => a.code)).toEqual(['demo-subdistrict']);
    await expect(getAgency(platform, registrar, 'demo-education')).rejects.toMatchObject({
      code: 'AGENCY_NOT_FOUND',
    });
    const districtAdmin = staff({ role: 'admin', agencyId: ids['demo-district'] as string });
    expect((await listAgencies(platform, districtAdmin)).length).toBe(3);
  });

  it('lets admins create and update agencies inside their subtree only', async () => {
    const eduAdmin = staff({ role: 'admin', agencyId: ids['demo-education'] as string });
    const school = await createAgency(platform, eduAdmin, {
      parent: 'demo-education',
      code: 'demo-school',
      name: '示范小学',
      kind: 'other',
    });
    await expect(
      createAgency(platform, eduAdmin, { parent: 'demo-subdistrict', code: 'x1', name: 'x', kind: 'other' }),
    ).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    await expect(
      createAgency(platform, eduAdmin, { code: 'x2', name: 'x', kind: 'other' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      createAgency(platform, cliOperator, {
        parent: 'demo-district',
        code: 'demo-school',
        name: 'x',
        kind: 'other',
      }),
    ).rejects.toMatchObject({ code: 'AGENCY_CODE_TAKEN' });
    await expect(
      createAgency(platform, cliOperator, { code: 'Bad Code', name: 'x', kind: 'other' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const updated = await updateAgency(platform, eduAdmin, school.id, {
      phone: '010-1',
      settings: { calendarOverrides: [{ date: '2026-09-27', workday: true, note: '调休' }] },
    });
    expect(updated.phone).toBe('010-1');
    expect(updated.settings.calendarOverrides).toHaveLength(1);
    await expect(
      updateAgency(platform, eduAdmin, school.id, { parent: 'demo-subdistrict' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updateAgency(platform, cliOperator, 'demo-education', { parent: 'demo-school' }),
    ).rejects.toMatchObject({ code: 'AGENCY_CYCLE' });
    await expect(
      updateAgency(
        platform,
        staff({ role: 'registrar', agencyId: ids['demo-education'] as string }),
        school.id,
        { phone: '1' },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reports a code taken by a concurrent request as AGENCY_CODE_TAKEN', async () => {
    const attempts = await Promise.allSettled(
      [1, 2, 3].map(() =>
        createAgency(platform, cliOperator, {
          parent: 'demo-district',
          code: 'race',
          name: '竞争',
          kind: 'other',
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === 'rejected')) {
      expect((attempt as PromiseRejectedResult).reason).toMatchObject({ code: 'AGENCY_CODE_TAKEN' });
    }
  });

  it('creates staff with grants inside the creator’s subtree and lists them by scope', async () => {
    const eduAdmin = staff({ role: 'admin', agencyId: ids['demo-education'] as string });
    const created = await createUser(platform, eduAdmin, {
      username: 'li.si',
      displayName: '李四',
      password: 'a long enough password',
      grants: [{ role: 'reviewer', agency: 'demo-education' }],
    });
    expect(created.generatedPassword).toBeNull();
    expect(JSON.stringify(created)).not.toContain('scrypt');
    await expect(
      createUser(platform, eduAdmin, {
        username: 'wang',
        displayName: '王五',
        grants: [{ role: 'registrar', agency: 'demo-subdistrict' }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      createUser(platform, cliOperator, {
        username: 'li.si',
        displayName: '李四',
        grants: [{ role: 'registrar', agency: 'demo-education' }],
      }),
    ).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
    await expect(
      createUser(platform, cliOperator, {
        username: 'short',
        displayName: 'x',
        password: 'short',
        grants: [{ role: 'registrar', agency: 'demo-education' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const supervisorOfStreet = staff({ role: 'supervisor', agencyId: ids['demo-subdistrict'] as string });
    expect((await listUsers(platform, supervisorOfStreet)).map((u) => u.username)).toEqual([
      'jiedao.jingban',
    ]);
    expect(
      await listUsers(platform, staff({ role: 'registrar', agencyId: ids['demo-district'] as string })),
    ).toEqual([]);
  });

  it('records every change in a verifiable audit chain, scoped for auditors', async () => {
    const verification = await verifyAuditChain(platform);
    expect(verification.ok).toBe(true);
    const all = await listAudit(platform, cliOperator, { limit: 500 });
    expect(all.map((e) => e.action)).toContain('agency.update');
    const update = all.find((e) => e.action === 'agency.update');
    expect((update?.before as { phone: string | null }).phone).toBeNull();
    expect((update?.after as { phone: string }).phone).toBe('010-1');
    const streetAuditor = staff({ role: 'auditor', agencyId: ids['demo-subdistrict'] as string });
    const scoped = await listAudit(platform, streetAuditor);
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((e) => e.agencyId === ids['demo-subdistrict'])).toBe(true);
    expect(
      await listAudit(platform, staff({ role: 'registrar', agencyId: ids['demo-district'] as string })),
    ).toEqual([]);
  });
});
