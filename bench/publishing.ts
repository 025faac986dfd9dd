// Benchmark: list pages of 1,000,000 主动公开 documents on SQLite (`npm run bench:publishing [-- N]`).
// Loads N documents (default 1,000,000) spread over a district of 60 agencies, then times list pages through the
// service (keyset cursors) with each filter, for one agency and for the whole subtree, at the first page and at
// random depths; beside each, the same page read with OFFSET as the baseline keyset pagination replaces.
// Prints figures; not a test. BENCH_DATABASE_FILE=path keeps (and reuses) the loaded file; BENCH_SAMPLES=n samples
// per row (default 30; each deep sample also runs the OFFSET baseline, which is slow at a million rows).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { art20Items, genres } from '../src/core/publishing/genres.js';
import { subjectCategories } from '../src/core/publishing/subjects.js';
import { cliOperator } from '../src/services/accounts/principal.js';
import { createAgency } from '../src/services/agencies/create-agency.js';
import { openPlatform } from '../src/services/platform/platform.js';
import { listDocuments, type ListDocumentsQuery } from '../src/services/publishing/list-documents.js';
import { documentListOrder } from '../src/storage/publishing/documents-repository.js';
import { encodeCursor } from '../src/storage/keyset.js';

const N = Number(process.argv[2] ?? 1_000_000);
const keep = process.env.BENCH_DATABASE_FILE;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-pub-'));
const file = keep ?? join(dir, 'bench.sqlite');
const reuse = keep !== undefined && existsSync(keep);
const platform = await openPlatform(`sqlite:${file}`, { scryptLog2N: 10 });
const leaves = subjectCategories.filter((c) => c.parentId !== null).map((c) => c.id);
const statuses = [
  'published',
  'published',
  'published',
  'published',
  'published',
  'published',
  'draft',
  'inReview',
  'approved',
  'withdrawn',
];

try {
  if (!reuse) {
    const district = await createAgency(platform, cliOperator, {
      code: 'bench-qu',
      name: '基准区人民政府',
      kind: 'government',
    });
    const ids = [district.id];
    for (let i = 1; i < 60; i += 1) {
      const a = await createAgency(platform, cliOperator, {
        parent: district.id,
        code: `bench-${i}`,
        name: `基准区第${i}部门`,
        kind: i < 40 ? 'department' : 'subdistrict',
      });
      ids.push(a.id);
    }
    await platform.close();
    // Bulk load with one prepared statement per row, 50,000 rows a transaction (the service path is measured below).
    const db = new SQLite(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const columns = [
      'id',
      'agency_id',
      'index_number',
      'index_scope',
      'index_year',
      'index_seq',
      'title',
      'document_number',
      'document_number_key',
      'genre',
      'art20_item',
      'subject_id',
      'catalogue_node_id',
      'disclosure',
      'validity',
      'written_on',
      'formed_on',
      'effective_on',
      'expires_on',
      'repealed_on',
      'status',
      'current_version',
      'published_version',
      'published_on',
      'published_at',
      'scheduled_at',
      'due_on',
      'list_date',
      'metadata_json',
      'event_count',
      'created_by',
      'created_at',
      'updated_at',
    ];
    const insert = db.prepare(
      `insert into documents (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`,
    );
    const start = performance.now();
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const load = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i += 1) {
        // 40% in the district itself, the rest spread over the 59 offices.
        const agency = rand() < 0.4 ? ids[0]! : ids[1 + Math.floor(rand() * 59)]!;
        const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(rand() * 3650) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const status = pick(statuses);
        const published = status === 'published' || status === 'withdrawn';
        const item = pick(art20Items);
        const meta = JSON.stringify({
          title: `基准文件第${i}号关于做好有关工作的通知`,
          documentNumber: null,
          issuer: '基准区人民政府',
          coIssuers: [],
          writtenOn: day,
          formedOn: day,
          subjectId: pick(leaves),
          genre: pick(genres),
          category: null,
          art20Item: item,
          catalogueNodeId: null,
          disclosure: { attribute: 'proactive', reason: null, method: '政府网站', scope: 'public' },
          validity: {
            status: 'notApplicable',
            effectiveOn: null,
            expiresOn: null,
            repealedOn: null,
            changedBy: null,
          },
          keywords: [],
          summary: null,
          needsInterpretation: false,
        });
        const m = JSON.parse(meta);
        const year = Number(day.slice(0, 4));
        insert.run(
          `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          agency,
          `B${i}/${year}-${String(i).padStart(7, '0')}`,
          `B${i}`,
          year,
          i,
          m.title,
          null,
          null,
          m.genre,
          item,
          m.subjectId,
          rand() < 0.1 ? `node-${Math.floor(rand() * 50)}` : null,
          rand() < 0.9 ? 'proactive' : 'onRequest',
          item === 'rule' || item === 'normativeDocument'
            ? pick(['valid', 'valid', 'repealed', 'expired', 'amended'])
            : 'notApplicable',
          day,
          day,
          null,
          null,
          null,
          status,
          1,
          published ? 1 : null,
          published ? day : null,
          published ? `${day}T02:00:00.000Z` : null,
          null,
          published ? null : day,
          day,
          meta,
          6,
          'bench',
          `${day}T01:00:00.000Z`,
          `${day}T02:00:00.000Z`,
        );
      }
    });
    for (let i = 0; i < N; i += 50_000) load(i, Math.min(N, i + 50_000));
    db.exec('analyze');
    db.close();
    console.log(
      `loaded ${N.toLocaleString('en')} documents in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
  }
} catch (error) {
  await platform.close().catch(() => undefined);
  throw error;
}

const p = await openPlatform(`sqlite:${file}`, { scryptLog2N: 10 });
try {
  const total = Number(
    (await sql<{ n: number }>`select count(*) as n from documents`.execute(p.db)).rows[0]!.n,
  );
  const office = 'bench-7';
  const cases: [string, Omit<ListDocumentsQuery, 'agency' | 'cursor' | 'limit'>][] = [
    ['no filter', {}],
    ['status=published', { status: 'published' }],
    ['status=approved (rare)', { status: 'approved' }],
    ['art20Item=normativeDocument', { art20Item: 'normativeDocument' }],
    ['subjectId=1102', { subjectId: '1102' }],
    ['genre=notice', { genre: 'notice' }],
    ['validity=repealed', { validity: 'repealed' }],
    ['disclosure=onRequest', { disclosure: 'onRequest' }],
    ['catalogueNodeId=node-3', { catalogueNodeId: 'node-3' }],
    ['year 2020 (from/to)', { from: '2020-01-01', to: '2020-12-31' }],
    [
      'status + art20Item + year',
      { status: 'published', art20Item: 'item11', from: '2019-01-01', to: '2021-12-31' },
    ],
  ];
  const LIMIT = 50;
  const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
  const p95 = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
  const agencyIds = new Map(
    (await sql<{ id: string; code: string }>`select id, code from agencies`.execute(p.db)).rows.map((r) => [
      r.code,
      r.id,
    ]),
  );
  console.log(
    `documents: ${total.toLocaleString('en')} on SQLite; pages of ${LIMIT}; ${SAMPLES} samples per row; p95 in ms`,
  );
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  // On a shared machine the wall clock includes waiting for a core; the CPU time (this process, SQLite included)
  // is what a page costs.
  console.log(
    'scope\tfilter\tmatching\tfirst page p95\tdeep page p95\tdeep page CPU p95\tOFFSET at the same depth p95\tOFFSET/keyset',
  );
  let worst = 0;
  let worstCpu = 0;
  for (const [scope, agency, subtree] of [
    ['district+subtree', 'bench-qu', true],
    [`one office (${office})`, office, false],
  ] as const) {
    for (const [name, filter] of cases) {
      const query: ListDocumentsQuery = { agency, subtree, limit: LIMIT, ...filter };
      // Matching rows and keys at random depths, read once (not timed) to make cursors.
      const where = [
        subtree ? '1=1' : `agency_id = '${agencyIds.get(agency)}'`,
        ...Object.entries(filter).map(([k, v]) =>
          k === 'from'
            ? `list_date >= '${v}'`
            : k === 'to'
              ? `list_date <= '${v}'`
              : `${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace('art20_item', 'art20_item')} = '${v}'`,
        ),
      ].join(' and ');
      const matching = Number(
        (await sql.raw<{ n: number }>(`select count(*) as n from documents where ${where}`).execute(p.db))
          .rows[0]!.n,
      );
      const first: number[] = [];
      const deep: number[] = [];
      const deepCpu: number[] = [];
      const offset: number[] = [];
      for (let s = 0; s < SAMPLES; s += 1) {
        let t = performance.now();
        await listDocuments(p, cliOperator, query);
        first.push(performance.now() - t);
        if (matching <= LIMIT) continue;
        const depth = Math.floor(((s + 1) / (SAMPLES + 1)) * (matching - LIMIT));
        const key = (
          await sql
            .raw<{ list_date: string; id: string }>(
              `select list_date, id from documents where ${where} order by list_date desc, id desc limit 1 offset ${depth}`,
            )
            .execute(p.db)
        ).rows[0]!;
        const cursor = encodeCursor(documentListOrder, [key.list_date, key.id]);
        t = performance.now();
        const cpu = process.cpuUsage();
        const page = await listDocuments(p, cliOperator, { ...query, cursor });
        deep.push(performance.now() - t);
        const used = process.cpuUsage(cpu);
        deepCpu.push((used.user + used.system) / 1000);
        if (page.items.length === 0) throw new Error(`empty deep page for ${name}`);
        t = performance.now();
        await sql
          .raw(
            `select * from documents where ${where} order by list_date desc, id desc limit ${LIMIT} offset ${depth}`,
          )
          .execute(p.db);
        offset.push(performance.now() - t);
      }
      const f = p95(first);
      const d = deep.length > 0 ? p95(deep) : NaN;
      const o = offset.length > 0 ? p95(offset) : NaN;
      const c = deepCpu.length > 0 ? p95(deepCpu) : NaN;
      worstCpu = Math.max(worstCpu, Number.isNaN(c) ? 0 : c);
      worst = Math.max(worst, f, Number.isNaN(d) ? 0 : d);
      console.log(
        `${scope}\t${name}\t${matching.toLocaleString('en')}\t${f.toFixed(1)}\t${Number.isNaN(d) ? '—' : d.toFixed(1)}\t${Number.isNaN(c) ? '—' : c.toFixed(1)}\t${Number.isNaN(o) ? '—' : o.toFixed(1)}\t${Number.isNaN(o) ? '—' : `${(o / d).toFixed(0)}×`}`,
      );
    }
  }
  console.log(
    `worst p95 of any keyset page: ${worst.toFixed(1)} ms wall clock, ${worstCpu.toFixed(1)} ms CPU (target < 50 ms)`,
  );
  console.log(
    `machine load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await p.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
