import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { listAudit } from '../../src/services/audit/list-audit.js';
import { runCli } from '../cli/run-cli.js';
import { databases } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { ids } from '../support/applications.js';

describe.each(databases)('reads of personal data and administrators’ grants on %s', (_name, fresh) => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let adminCookie: { cookie: string; 'x-csrf-token': string };
  let trackingNumber: string;

  beforeAll(async () => {
    server = await freshServer(fresh);
    app = server.app;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: server.adminPassword },
    });
    const cookie = `gongkai_session=${login.cookies.find((c) => c.name === 'gongkai_session')?.value}`;
    adminCookie = { cookie, 'x-csrf-token': login.json().csrfToken };
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/v1/public/agencies/demo-education/applications',
      payload: {
        applicant: {
          type: 'naturalPerson',
          name: '王五',
          identityKind: 'residentId',
          identityNumber: ids.person,
          phone: '13700000000',
        },
        request: { description: '申请公开学校收费标准' },
        form: { medium: 'electronic', delivery: 'email' },
        idempotencyKey: randomUUID(),
      },
    });
    trackingNumber = submitted.json().trackingNumber;
  }, 60_000);
  afterAll(() => server.close());

  it('an administrator who makes a registrar account and reads a case through it leaves a trail a supervisor sees', async () => {
    // The administrator cannot read cases…
    const denied = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/${trackingNumber}`,
      headers: adminCookie,
    });
    expect(denied.statusCode).toBe(404);
    // …so they make an account for themselves and a token for it.
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: adminCookie,
      payload: {
        username: 'quiet.reader',
        displayName: '临时经办人',
        password: 'a long enough password',
        grants: [{ role: 'registrar', agency: 'demo-education' }],
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const { token } = await createToken(server.platform, cliOperator, {
      name: 't',
      username: 'quiet.reader',
    });

    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/${trackingNumber}`,
      headers: bearer(token),
    });
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain(ids.person);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/agencies/demo-education/applications?limit=5',
      headers: bearer(token),
    });
    expect(list.statusCode).toBe(200);

    const reads = (await listAudit(server.platform, cliOperator, { limit: 500 })).filter(
      (e) => e.action === 'personal-data.read',
    );
    const single = reads.find((e) => e.entityType === 'application');
    expect(single).toMatchObject({ actor: 'quiet.reader', source: 'api 127.0.0.1' });
    expect(single?.after).toMatchObject({ kind: 'case', trackingNumbers: [trackingNumber] });
    expect(single?.at).toBe(server.clock.now.toISOString());
    const listed = reads.find((e) => e.entityType === 'agency');
    expect(listed?.actor).toBe('quiet.reader');
    expect((listed?.after as { trackingNumbers: string[] }).trackingNumbers).toContain(trackingNumber);
    // The audit entry names the case, never the personal data read.
    expect(JSON.stringify(reads)).not.toContain(ids.person);
    expect(JSON.stringify(reads)).not.toContain('王五');

    // The district's supervisor sees the grant, flagged, first.
    await createUser(server.platform, cliOperator, {
      username: 'district.supervisor',
      displayName: '主管部门',
      password: 'supervisor password',
      grants: [{ role: 'supervisor', agency: 'demo-district' }],
    });
    const supervisor = await createToken(server.platform, cliOperator, {
      name: 't',
      username: 'district.supervisor',
    });
    const grants = await app.inject({
      method: 'GET',
      url: '/api/v1/supervision/admin-grants',
      headers: bearer(supervisor.token),
    });
    expect(grants.statusCode, grants.body).toBe(200);
    expect(grants.json().grants[0]).toMatchObject({
      username: 'quiet.reader',
      role: 'registrar',
      agencyCode: 'demo-education',
      grantedBy: 'admin',
      readsPersonalData: true,
      accountMadeByGranter: true,
    });
    // Seeded accounts were made by the system, not by an administrator: they are not listed.
    expect(grants.json().grants.every((g: { grantedBy: string }) => g.grantedBy === 'admin')).toBe(true);
    // A registrar is not a supervisor.
    const registrar = await app.inject({
      method: 'GET',
      url: '/api/v1/supervision/admin-grants',
      headers: bearer(token),
    });
    expect(registrar.statusCode).toBe(403);

    // The operator sees the same at the command line.
    {
      const url =
        server.platform.target.dialect === 'sqlite'
          ? `sqlite:${server.platform.target.path}`
          : server.platform.target.url;
      const cli = await runCli(['user', 'admin-grants'], { env: { DATABASE_URL: url, NODE_ENV: 'test' } });
      expect(cli.code, cli.stderr).toBe(0);
      expect(cli.stdout).toMatch(
        /quiet\.reader {2}registrar（经办人）@demo-education {2}授予 \/ granted .* by admin/,
      );
      expect(cli.stdout).toContain('可读个人信息 / reads personal data');
      expect(cli.stdout).toContain('账户由同一管理员创建');
    }
  });
});
