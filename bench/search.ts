// Benchmark: the search index over 1,000,000 documents (`npm run bench:search [-- DOCS]`), SQLite by default,
// BENCH_DATABASE_URL=postgres://… for PostgreSQL (an empty database). Prints figures; not a test.
//
// - indexing: documents/s through indexDocument (jieba + opencc + FTS5/tsvector), 1,000 per transaction;
// - search: p95 of searchDocuments (page, facets and total counts included) for two-character queries, at page 1
//   and at page 500 (reached by cursor; only the page-500 call is timed).
// The index is kept in .bench/search-DOCS.sqlite and reused by the next run (BENCH_REBUILD=1 to rebuild).
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { IndexableDocument, SearchOrder } from '../src/core/search/model.js';
import { openPlatform } from '../src/services/platform/platform.js';
import { indexDocument, indexDocuments } from '../src/services/search/index-document.js';
import { searchDocuments } from '../src/services/search/search-documents.js';
import { writeTransaction } from '../src/storage/write-transaction.js';

const DOCS = Number(process.argv[2] ?? 1_000_000);
mkdirSync('.bench', { recursive: true });
const file = `.bench/search-${DOCS}.sqlite`;
const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${file}`;
const reuse = url.startsWith('sqlite') && existsSync(file) && !process.env.BENCH_REBUILD;
const platform = await openPlatform(url, { scryptLog2N: 10 });

// A seeded generator, so every run indexes the same corpus.
let seed = 20261202;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const agencies = Array.from({ length: 40 }, (_, i) => `agency-${i}`);
const topics = [
  [
    '部门预算',
    'item7',
    '现将本部门年度部门预算公开如下，包括收支预算总表、财政拨款支出预算表和“三公”经费预算情况说明。',
  ],
  [
    '城乡低保',
    'item11',
    '自即日起提高城乡低保标准，低保对象按月发放最低生活保障金，各街道做好低保户动态管理。',
  ],
  ['政府采购', 'item9', '按照政府集中采购目录及标准实施采购，采购结果在指定媒体公告。'],
  ['安全生产检查', 'item13', '对辖区内危险化学品企业开展安全生产监督检查，发现隐患限期整改。'],
  ['公务员招录', 'item14', '根据公务员录用规定，现将拟录用人员名单予以公示，公示期五个工作日。'],
  ['行政处罚决定', 'item6', '当事人违反有关规定，依法作出行政处罚决定，罚款并责令改正。'],
  ['应急预案', 'item12', '为有效预防和处置突发事件，制定本应急预案，明确组织体系和响应程序。'],
  ['规划', 'item3', '围绕高质量发展目标，编制本区国民经济和社会发展规划及专项规划。'],
  ['统计公报', 'item4', '全年地区生产总值增长，居民人均可支配收入稳步提高，统计数据如下。'],
  ['行政许可', 'item5', '办理行政许可事项的依据、条件、程序及办理结果公开如下。'],
] as const;
const fillers = [
  '各街道办事处、区政府各部门：',
  '经区政府同意，现将有关事项通知如下。',
  '请结合实际认真贯彻落实。',
  '特此通知。',
  '联系人：办公室，联系电话见本机关政府信息公开指南。',
  '本文件自发布之日起施行。',
  '进一步优化营商环境，提升政务服务水平。',
  '加强组织领导，明确责任分工，确保工作落到实处。',
];
const genres = ['notice', 'opinion', 'announcement', 'decision', 'other'];

function documentAt(i: number): IndexableDocument {
  const [topic, item, body] = pick(topics);
  const year = 2015 + Math.floor(rand() * 11);
  const day = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const agencyId = pick(agencies);
  // Most titles name their topic; a share of bodies mention another topic's words, as real documents do.
  const other = pick(topics);
  return {
    id: `doc-${i}`,
    agencyId,
    title: `关于做好${year}年${topic}工作的${pick(['通知', '意见', '公告', '报告'])}`,
    documentNumber:
      rand() < 0.5 ? `示范${pick(['府', '财', '民', '应急'])}发〔${year}〕${1 + (i % 300)}号` : null,
    indexNumber: `11320100MB${String(agencies.indexOf(agencyId)).padStart(6, '0')}X/${year}-${String(i % 100000).padStart(5, '0')}`,
    item,
    genre: pick(genres),
    subject: null,
    catalog: null,
    validity: rand() < 0.1 ? 'repealed' : 'valid',
    publishedOn: day,
    bodyText: [pick(fillers), body, rand() < 0.2 ? other[2] : '', pick(fillers), pick(fillers)].join(''),
    attachmentText: rand() < 0.1 ? `附件：${topic}情况统计表` : '',
  };
}

console.log(
  `machine: ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`database: ${platform.target.dialect}${reuse ? ` (reusing ${file})` : ''}`);
if (!reuse) {
  if (url.startsWith('sqlite')) {
    await sql`delete from search_documents`.execute(platform.db);
    await sql`delete from search_fts`.execute(platform.db);
  }
  // The publish path: one document per call (as publish and revise call it), for the first 5,000.
  const single = Math.min(5000, DOCS);
  let start = performance.now();
  let cpu = process.cpuUsage();
  await writeTransaction(platform.db, async (trx) => {
    for (let i = 0; i < single; i += 1)
      await indexDocument({ db: trx, clock: () => new Date() }, documentAt(i));
  });
  const singleCpu = process.cpuUsage(cpu);
  const singleSeconds = (performance.now() - start) / 1000;
  console.log(
    `indexDocument, one at a time: ${(single / singleSeconds).toFixed(0)} docs/s wall clock, ${(single / ((singleCpu.user + singleCpu.system) / 1e6)).toFixed(0)} docs per CPU-second`,
  );
  start = performance.now();
  cpu = process.cpuUsage();
  const batch = 1000;
  for (let from = single; from < DOCS; from += batch) {
    const docs = Array.from({ length: Math.min(DOCS, from + batch) - from }, (_, k) => documentAt(from + k));
    await writeTransaction(platform.db, (trx) => indexDocuments({ db: trx, clock: () => new Date() }, docs));
    if ((from / batch) % 50 === 0 && from > 0) {
      const rate = (from - single) / ((performance.now() - start) / 1000);
      process.stderr.write(`  ${from.toLocaleString('en')} indexed, ${rate.toFixed(0)} docs/s\r`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const bulk = DOCS - single;
  console.log(
    `indexDocuments, 1,000 a call: ${bulk.toLocaleString('en')} documents in ${seconds.toFixed(1)} s = ${(bulk / seconds).toFixed(0)} docs/s wall clock, ${(bulk / ((used.user + used.system) / 1e6)).toFixed(0)} docs per CPU-second (target ≥ 2,000)`,
  );
  if (platform.target.dialect === 'postgres') await sql`vacuum analyze search_documents`.execute(platform.db);
  else await sql`analyze`.execute(platform.db);
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

async function measure(text: string, order: SearchOrder, page: number, runs: number): Promise<string> {
  let cursor: string | null = null;
  for (let p = 1; p < page; p += 1) {
    const r = await searchDocuments(platform, { text, filters: {}, order, cursor, limit: 20 });
    cursor = r.nextCursor;
    if (!cursor) return `${text} ${order} page ${page}: only ${p} pages`;
  }
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < runs + 2; i += 1) {
    const start = performance.now();
    const r = await searchDocuments(platform, { text, filters: {}, order, cursor, limit: 20 });
    if (i >= 2) times.push(performance.now() - start);
    total = r.total;
  }
  return `  “${text}” ${order.padEnd(9)} page ${String(page).padStart(3)}: p95 ${p95(times).toFixed(1)} ms, median ${[...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(1)} ms (${total.toLocaleString('en')} matches)`;
}

console.log('search p95 (target < 50 ms), searchDocuments with facets and total:');
for (const text of ['预算', '低保', '采购']) {
  for (const order of ['relevance', 'date'] as const) {
    console.log(await measure(text, order, 1, 20));
    console.log(await measure(text, order, 500, 20));
  }
}
await platform.close();
