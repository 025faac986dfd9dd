// Benchmark: table 二's 规章 and 行政规范性文件 rows compiled from a registry of 1,000,000 documents
// (`npm run bench:table-two [count]`). SQLite in a temporary file. The registry is one district's: a district
// government and its departments, ten years of items of every 第二十条 item, 6% of them 规章 or 行政规范性文件 (a
// share like the seed reports'), some repealed or expired. Prints figures; not a test.
// Baseline in the same run: counting the agency's documents (SELECT count(*)), the least any compilation reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { compileDocumentStock } from '../src/core/publishing/report/document-stock.js';
import { createAgency } from '../src/services/agencies/create-agency.js';
import { cliOperator } from '../src/services/accounts/principal.js';
import { openPlatform } from '../src/services/platform/platform.js';
import { compileAnnualReport, explainCell } from '../src/services/reports/compile-annual-report.js';
import { documentStockRepository } from '../src/storage/publishing/document-stock-repository.js';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const platform = await openPlatform(`sqlite:${join(dir, 'bench.sqlite')}`, { scryptLog2N: 10 });
let seed = 20_261_202;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const day = (from: number, span: number) =>
  new Date(Date.UTC(from, 0, 1) + Math.floor(random() * span) * 86_400_000).toISOString().slice(0, 10);
const OTHER_ITEMS = [
  'item2',
  'item4',
  'item5',
  'item6',
  'item7',
  'item11',
  'item12',
  'item13',
  'interpretation',
];
try {
  const district = await createAgency(platform, cliOperator, {
    code: 'bench-district',
    name: '基准区人民政府',
    kind: 'government',
  });
  const agencies = [district.id];
  for (let i = 1; i <= 9; i += 1) {
    const a = await createAgency(platform, cliOperator, {
      parent: 'bench-district',
      code: `bench-dept-${i}`,
      name: `基准区第${i}局`,
      kind: 'department',
    });
    agencies.push(a.id);
  }
  const loadStart = performance.now();
  // Bulk load: the documents' indexes are dropped and built again afterwards (the same database, built faster).
  const indexes = await sql<{
    name: string;
    sql: string;
  }>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'documents' and sql is not null`.execute(
    platform.db,
  );
  for (const index of indexes.rows) await sql.raw(`drop index ${index.name}`).execute(platform.db);
  await sql`pragma synchronous = off`.execute(platform.db);
  const BATCH = 400;
  const now = new Date().toISOString();
  for (let done = 0; done < COUNT; done += BATCH) {
    const rows = [];
    for (let i = done; i < Math.min(COUNT, done + BATCH); i += 1) {
      const r = random();
      const item =
        r < 0.01
          ? 'rule'
          : r < 0.06
            ? 'normativeDocument'
            : OTHER_ITEMS[Math.floor(random() * OTHER_ITEMS.length)]!;
      const written = day(2016, 3650);
      const stock = item === 'rule' || item === 'normativeDocument';
      const end = stock && random() < 0.3 ? day(Number(written.slice(0, 4)) + 1, 1500) : null;
      const expired = end !== null && random() < 0.4;
      const year = Number(written.slice(0, 4));
      rows.push({
        id: randomUUID(),
        agency_id: agencies[i % agencies.length]!,
        index_number: `BENCH/${year}-${String(i).padStart(7, '0')}`,
        index_scope: 'BENCH',
        index_year: year,
        index_seq: i + 1,
        title: `基准文件${i}`,
        document_number: null,
        document_number_key: null,
        genre: 'notice',
        art20_item: item,
        subject_id: '0201',
        catalogue_node_id: null,
        disclosure: 'proactive',
        validity: end ? (expired ? 'expired' : 'repealed') : stock ? 'valid' : 'notApplicable',
        written_on: written,
        formed_on: written,
        effective_on: null,
        expires_on: expired ? end : null,
        repealed_on: end && !expired ? end : null,
        status: random() < 0.002 ? 'withdrawn' : 'published',
        current_version: 1,
        published_version: 1,
        published_on: written,
        published_at: `${written}T02:00:00.000Z`,
        scheduled_at: null,
        due_on: null,
        list_date: written,
        metadata_json: '{}',
        event_count: 1,
        created_by: 'bench',
        created_at: now,
        updated_at: now,
      });
    }
    await platform.db.insertInto('documents').values(rows).execute();
  }
  for (const index of indexes.rows) await sql.raw(index.sql).execute(platform.db);
  await sql`pragma synchronous = normal`.execute(platform.db);
  await sql`analyze`.execute(platform.db);
  const loadMs = performance.now() - loadStart;

  const time = async (run: () => Promise<unknown>, times = 5) => {
    await run();
    const samples: number[] = [];
    for (let i = 0; i < times; i += 1) {
      const start = performance.now();
      await run();
      samples.push(performance.now() - start);
    }
    return samples.sort((a, b) => a - b);
  };
  const stock = await time(async () =>
    compileDocumentStock(await documentStockRepository.stockFacts(platform.db, agencies, 2025), {
      year: 2025,
    }),
  );
  const baseline = await time(() =>
    platform.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', 'in', agencies)
      .execute(),
  );
  const whole = await time(
    () => compileAnnualReport(platform, cliOperator, { agency: 'bench-district', year: 2025, subtree: true }),
    3,
  );
  const compiled = await compileAnnualReport(platform, cliOperator, {
    agency: 'bench-district',
    year: 2025,
    subtree: true,
  });
  const cell = explainCell(compiled, 'proactive.normativeDocuments.inForce');
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `loaded ${COUNT.toLocaleString('en')} documents in ${(loadMs / 1000).toFixed(1)} s (SQLite); load average ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `  规章/规范性文件 counted: ${compiled.stockDocumentCount.toLocaleString('en')}; 2025: 规章 ${JSON.stringify(compiled.report.proactive.regulations)}, 规范性文件 ${JSON.stringify(compiled.report.proactive.normativeDocuments)}`,
  );
  console.log(
    `  table 二 stock rows (query + count): median ${ms(stock[2]!)}, best ${ms(stock[0]!)} (goal < 1 s)`,
  );
  console.log(
    `  baseline count(*) of the district's documents: median ${ms(baseline[2]!)}; stock rows = ${(stock[2]! / baseline[2]!).toFixed(1)}× the baseline`,
  );
  console.log(
    `  whole annual report of the district subtree (tables 二, 三, 四, section 一): median ${ms(whole[1]!)}`,
  );
  console.log(
    `  --explain proactive.normativeDocuments.inForce lists ${cell.cases.length.toLocaleString('en')} 索引号 (= ${cell.value})`,
  );
} finally {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
}
