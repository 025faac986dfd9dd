import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { databases } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { cleared, documentInput } from '../support/publishing.js';

describe.each(databases)('主动公开 over HTTP on %s', (_name, fresh) => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${token[who]}` });
  const send = async (
    who: string,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => {
    server.clock.now = new Date(server.clock.now.getTime() + 60_000);
    const response = await app.inject({
      method,
      url,
      headers: as(who),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return {
      status: response.statusCode,
      body: response.headers['content-type']?.toString().startsWith('application/json')
        ? response.json()
        : response.body,
      response,
    };
  };

  beforeAll(async () => {
    server = await freshServer(fresh);
    app = server.app;
    server.clock.now = new Date('2026-03-02T02:00:00Z');
    for (const [username, role, agency] of [
      ['edu.author', 'registrar', 'demo-education'],
      ['edu.rev1', 'reviewer', 'demo-education'],
      ['edu.rev2', 'reviewer', 'demo-education'],
      ['district.head', 'approver', 'demo-district'],
      ['district.sup', 'supervisor', 'demo-district'],
    ] as const) {
      await createUser(server.platform, cliOperator, {
        username,
        displayName: username,
        password: 'test password 123',
        grants: [{ role, agency }],
      });
      token[username] = (await createToken(server.platform, cliOperator, { name: 't', username })).token;
    }
  });
  afterAll(() => server.close());

  it('drafts, reviews in three steps, publishes, and lists by cursor', async () => {
    const created = await send('edu.author', 'POST', '/api/v1/documents', documentInput('demo-education'));
    expect(created.status).toBe(201);
    const id = created.body.document.id as string;
    expect(created.body.document.indexNumber).toMatch(/^DEMO-EDUCATION\/2026-\d{5}$/);
    expect(created.body.document.subjectPath).toBe('科技、教育\\教育');
    expect(created.body.deadline.due).toBe('2026-03-26');
    expect(
      (await send('edu.author', 'POST', `/api/v1/documents/${id}/actions`, { type: 'submit' })).status,
    ).toBe(200);
    const own = await send('edu.author', 'POST', `/api/v1/documents/${id}/actions`, {
      type: 'review',
      step: 1,
      decision: 'approve',
      checklist: cleared,
    });
    expect(own.status).toBe(403);
    for (const [who, step] of [
      ['edu.rev1', 1],
      ['edu.rev2', 2],
      ['district.head', 3],
    ] as const) {
      const r = await send(who, 'POST', `/api/v1/documents/${id}/actions`, {
        type: 'review',
        step,
        decision: 'approve',
        checklist: cleared,
        comment: '同意',
      });
      expect(r.status).toBe(200);
    }
    const published = await send(
      'edu.author',
      'POST',
      `/api/v1/documents/${encodeURIComponent(created.body.document.indexNumber)}/actions`,
      { type: 'publish' },
    );
    expect([
      published.status,
      published.body.document.status,
      published.body.document.statusLabel.zh,
    ]).toEqual([200, 'published', '已发布']);
    const edit = await send('edu.author', 'PATCH', `/api/v1/documents/${id}`, {
      version: 1,
      metadata: { title: '改' },
    });
    expect([edit.status, edit.body.error.code]).toEqual([409, 'DOCUMENT_NOT_EDITABLE']);
    expect(edit.body.error.message).toContain('已发布的版本不能直接修改');

    await send(
      'edu.author',
      'POST',
      '/api/v1/documents',
      documentInput('demo-education', { documentNumber: null }),
    );
    await send(
      'edu.author',
      'POST',
      '/api/v1/documents',
      documentInput('demo-education', { documentNumber: null }),
    );
    const first = await send(
      'district.sup',
      'GET',
      '/api/v1/agencies/demo-district/documents?subtree=true&limit=2',
    );
    expect(first.status).toBe(200);
    expect(first.body.documents.length).toBe(2);
    const second = await send(
      'district.sup',
      'GET',
      `/api/v1/agencies/demo-district/documents?subtree=true&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.documents.length).toBeGreaterThan(0);
    const ids = [...first.body.documents, ...second.body.documents].map(
      (d: { document: { id: string } }) => d.document.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
    const filtered = await send(
      'district.sup',
      'GET',
      '/api/v1/agencies/demo-education/documents?status=published',
    );
    expect(filtered.body.documents.map((d: { document: { id: string } }) => d.document.id)).toEqual([id]);
  });

  it('answers bad input with a clear error in Chinese and English, and supervisors may not write', async () => {
    const bad = await send(
      'edu.author',
      'POST',
      '/api/v1/documents',
      documentInput('demo-education', { writtenOn: '2026-13-01' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('DOCUMENT_INVALID');
    expect(bad.body.error.message).toContain('成文日期不是真实存在的日期');
    expect(bad.body.error.messageEn).toContain('not a real date');
    const sup = await send('district.sup', 'POST', '/api/v1/documents', documentInput('demo-education'));
    expect(sup.status).toBe(403);
    const cursor = await send('district.sup', 'GET', '/api/v1/agencies/demo-education/documents?cursor=xyz');
    expect([cursor.status, cursor.body.error.code]).toEqual([400, 'CURSOR_INVALID']);
    const missing = await send('district.sup', 'GET', '/api/v1/documents/nothing-here');
    expect(missing.status).toBe(404);
  });

  it('uploads and downloads an attachment, and keeps the settings for administrators', async () => {
    const created = await send(
      'edu.author',
      'POST',
      '/api/v1/documents',
      documentInput('demo-education', { documentNumber: null }),
    );
    const id = created.body.document.id as string;
    const bytes = Buffer.from('%PDF-1.4 附件');
    const up = await send('edu.author', 'POST', `/api/v1/documents/${id}/attachments`, {
      name: '附件1.pdf',
      contentBase64: bytes.toString('base64'),
    });
    expect(up.status).toBe(201);
    const down = await send('district.sup', 'GET', `/api/v1/documents/${id}/attachments/${up.body.id}`);
    expect(down.status).toBe(200);
    expect(down.response.rawPayload.equals(bytes)).toBe(true);
    expect(String(down.response.headers['content-disposition'])).toContain(encodeURIComponent('附件1.pdf'));
    const settings = await send('district.sup', 'GET', '/api/v1/agencies/demo-education/publishing-settings');
    expect(settings.body.settings.reviewChain.length).toBe(3);
    const denied = await send(
      'district.sup',
      'PUT',
      '/api/v1/agencies/demo-education/publishing-settings',
      {},
    );
    expect(denied.status).toBe(403);
  });
});
