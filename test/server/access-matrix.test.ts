import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { roles, type Role } from '../../src/core/roles.js';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { databases } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';

/** The demo tree: the district D with two children, 教育局 E and 街道 S. */
const agencies = ['demo-district', 'demo-education', 'demo-subdistrict'] as const;
type Code = (typeof agencies)[number];
const subtree: Record<Code, Code[]> = {
  'demo-district': ['demo-district', 'demo-education', 'demo-subdistrict'],
  'demo-education': ['demo-education'],
  'demo-subdistrict': ['demo-subdistrict'],
};

describe.each(databases)('access matrix through the API on %s', (_name, fresh) => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  const tokens = new Map<string, string>();
  const ids: Record<string, string> = {};
  let counter = 0;
  const created = new Map<string, Code>();

  const call = (key: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens.get(key)}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    server = await freshServer(fresh);
    app = server.app;
    for (const role of roles) {
      for (const agency of agencies) {
        const username = `${role}.${agency}`;
        await createUser(server.platform, cliOperator, {
          username,
          displayName: username,
          password: 'matrix password 1',
          grants: [{ role, agency }],
        });
        tokens.set(
          `${role}@${agency}`,
          (await createToken(server.platform, cliOperator, { name: 't', username })).token,
        );
      }
    }
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/agencies',
      headers: { authorization: `Bearer ${tokens.get('admin@demo-district')}` },
    });
    for (const a of list.json().agencies as { code: string; id: string }[]) ids[a.code] = a.id;
  });
  afterAll(() => server.close());

  const cases = roles.flatMap((role) => agencies.map((home) => [role, home] as [Role, Code]));

  it.each(cases)('%s of %s', async (role, home) => {
    const key = `${role}@${home}`;
    const visible = new Set(subtree[home]);
    const isAdmin = role === 'admin';

    const listed = (await call(key, 'GET', '/api/v1/agencies'))
      .json()
      .agencies.map((a: { code: string }) => a.code);
    // agencies the admins created in earlier cases show up under their parents
    expect(new Set(listed.filter((c: string) => !created.has(c)))).toEqual(visible);
    for (const code of listed.filter((c: string) => created.has(c)))
      expect(visible.has(created.get(code) as Code)).toBe(true);

    const users = (await call(key, 'GET', '/api/v1/users'))
      .json()
      .users.map((u: { username: string }) => u.username);
    const audit = (await call(key, 'GET', '/api/v1/audit?limit=500')).json().entries as {
      agencyId: string | null;
    }[];
    expect(audit.every((e) => e.agencyId !== null)).toBe(true);
    expect((await call(key, 'GET', '/api/v1/audit/verify')).statusCode).toBe(
      role === 'admin' || role === 'auditor' ? 200 : 403,
    );
    expect((await call(key, 'POST', '/api/v1/tokens', { name: 'mine' })).statusCode).toBe(201);
    const ownTokens = (await call(key, 'GET', '/api/v1/tokens')).json().tokens;
    expect(ownTokens.length).toBeGreaterThanOrEqual(2);

    for (const target of agencies) {
      const inside = visible.has(target);
      const read = await call(key, 'GET', `/api/v1/agencies/${ids[target]}`);
      expect(read.statusCode, `read ${target}`).toBe(inside ? 200 : 404);
      if (!inside)
        expect(JSON.stringify(read.json())).not.toContain(
          target === 'demo-district' ? '示范区人民政府' : '示范',
        );

      const patch = await call(key, 'PATCH', `/api/v1/agencies/${ids[target]}`, { phone: `010-${role}` });
      expect(patch.statusCode, `update ${target}`).toBe(!inside ? 404 : isAdmin ? 200 : 403);

      const code = `m${(counter += 1)}`;
      const create = await call(key, 'POST', '/api/v1/agencies', {
        parent: target,
        code,
        name: `新机关${code}`,
        kind: 'other',
      });
      expect(create.statusCode, `create under ${target}`).toBe(!inside ? 404 : isAdmin ? 201 : 403);
      if (create.statusCode === 201) created.set(code, target);

      const newUser = await call(key, 'POST', '/api/v1/users', {
        username: `u${code}`,
        displayName: 'x',
        grants: [{ role: 'registrar', agency: target }],
      });
      expect(newUser.statusCode, `create user at ${target}`).toBe(inside && isAdmin ? 201 : 403);

      const seesStaff = (role === 'admin' || role === 'supervisor') && inside;
      expect(users.includes(`registrar.${target}`), `sees staff of ${target}`).toBe(seesStaff);
      const seesAudit = (role === 'admin' || role === 'auditor') && inside;
      expect(
        audit.some((e) => e.agencyId === ids[target]),
        `sees audit of ${target}`,
      ).toBe(seesAudit);
    }
  });

  it('a registrar of one 街道 sees nothing of another’s', async () => {
    const other = await call('admin@demo-district', 'POST', '/api/v1/agencies', {
      parent: 'demo-district',
      code: 'other-street',
      name: '另一街道办事处',
      kind: 'subdistrict',
    });
    expect(other.statusCode).toBe(201);
    const key = 'registrar@demo-subdistrict';
    expect((await call(key, 'GET', `/api/v1/agencies/${other.json().id}`)).statusCode).toBe(404);
    expect((await call(key, 'GET', '/api/v1/agencies/other-street')).json().error.code).toBe(
      'AGENCY_NOT_FOUND',
    );
    const everything = [
      (await call(key, 'GET', '/api/v1/agencies')).body,
      (await call(key, 'GET', '/api/v1/users')).body,
      (await call(key, 'GET', '/api/v1/audit')).body,
    ].join('\n');
    expect(everything).not.toContain('另一街道');
    expect(everything).not.toContain(other.json().id);
  });
});
