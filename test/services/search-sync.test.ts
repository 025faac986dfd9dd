import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { cliOperator } from '../../src/services/accounts/principal.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { recordDocumentAction } from '../../src/services/publishing/document-actions.js';
import { searchDocuments } from '../../src/services/search/search-documents.js';
import { databases, freshPlatform } from '../helpers/databases.js';

const all = (text: string) => ({ text, filters: {}, order: 'date', cursor: null, limit: 50 }) as const;

describe.each(databases)('the search index follows publishing on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await freshPlatform(fresh);
    platform = opened.platform;
    close = opened.close;
    await seedDemo(platform);
  }, 180_000);
  afterAll(async () => close());

  it('holds every published demo document and no draft', async () => {
    const published = await sql<{
      n: number;
    }>`select count(*) as n from documents where status = 'published'`.execute(platform.db);
    const count = Number(published.rows[0]!.n);
    expect(count).toBeGreaterThan(10);
    const result = await searchDocuments(platform, { ...all(''), facets: false });
    expect(result.total).toBe(count);
    const drafts = await sql<{
      id: string;
      title: string;
    }>`select id, title from documents where status <> 'published'`.execute(platform.db);
    const ids = new Set((await searchDocuments(platform, { ...all(''), limit: 50 })).hits.map((h) => h.id));
    for (const draft of drafts.rows) expect(ids.has(draft.id)).toBe(false);
  });

  it('drops a withdrawn document in the same step', async () => {
    const row = await sql<{
      id: string;
      title: string;
    }>`select id, title from documents where status = 'published' order by id limit 1`.execute(platform.db);
    const { id, title } = row.rows[0]!;
    const before = await searchDocuments(platform, all(title));
    expect(before.hits.map((h) => h.id)).toContain(id);
    await recordDocumentAction(platform, cliOperator, id, { type: 'withdraw', reason: '内容有误，撤回更正' });
    const after = await searchDocuments(platform, all(title));
    expect(after.hits.map((h) => h.id)).not.toContain(id);
  });
});
