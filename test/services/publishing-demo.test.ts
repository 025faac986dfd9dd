import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOperator } from '../../src/services/accounts/principal.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { getDocument } from '../../src/services/publishing/get-document.js';
import { listDocuments } from '../../src/services/publishing/list-documents.js';
import { freshPlatform, freshSqlite } from '../helpers/databases.js';

describe('the demo district publishes a year of documents', () => {
  let platform: Platform;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ platform, close } = await freshPlatform(freshSqlite));
    await seedDemo(platform);
  });
  afterAll(() => close());

  const all = async (query: Omit<Parameters<typeof listDocuments>[2], 'agency'>) => {
    const out = [];
    let cursor: string | undefined;
    do {
      const page = await listDocuments(platform, cliOperator, {
        agency: 'demo-district',
        subtree: true,
        limit: 200,
        ...query,
        cursor,
      });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };

  it('has published items of several categories spread over the year before today', async () => {
    const published = await all({ status: 'published' });
    expect(published.length).toBeGreaterThanOrEqual(72);
    expect(new Set(published.map((i) => i.record.metadata.art20Item)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(published.map((i) => i.record.publishedOn!.slice(0, 7))).size).toBeGreaterThanOrEqual(12);
    const view = await getDocument(platform, cliOperator, published[0]!.record.id);
    expect(view.events.filter((e) => e.event.type === 'reviewed').map((e) => e.actor)).toEqual([
      'qu.shenhe',
      'qu.baomi',
      'qu.fuze',
    ]);
  });

  it('has a repealed normative document naming its successor, and a 解读 linked to its policy', async () => {
    const repealed = await all({ validity: 'repealed' });
    expect(repealed.length).toBe(1);
    const successorId = repealed[0]!.record.metadata.validity.changedBy!.documentId!;
    const successor = await getDocument(platform, cliOperator, successorId);
    expect(successor.record.metadata.validity.status).toBe('valid');
    expect(successor.links).toMatchObject([
      { kind: 'interprets', direction: 'to', document: { status: 'published' } },
    ]);
  });

  it('has a draft waiting for its second review step, with its Art 26 deadline', async () => {
    const waiting = await all({ status: 'inReview' });
    expect(waiting.length).toBe(1);
    const view = await getDocument(platform, cliOperator, waiting[0]!.record.id);
    expect(view.pendingStep).toMatchObject({ step: 2, name: '保密审查' });
    expect(view.deadline?.due).not.toBeNull();
  });
});
