// Benchmark: compile the annual report of 100,000 cases from the database (`npm run bench:compile-db`).
// SQLite in a temporary file by default; BENCH_DATABASE_URL=postgres://… to measure PostgreSQL (an empty database).
// Prints figures; not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { compileAnnualReport } from '../src/services/reports/compile-annual-report.js';
import { createAgency } from '../src/services/agencies/create-agency.js';
import { openPlatform } from '../src/services/platform/platform.js';
import { cliOperator } from '../src/services/accounts/principal.js';
import { generateYear } from '../test/support/generated-year.js';

const CASES = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.sqlite')}`;
const platform = await openPlatform(url, { scryptLog2N: 10 });
try {
  const agency = await createAgency(platform, cliOperator, {
    code: `bench-${Date.now().toString(36)}`,
    name: '基准测试区人民政府',
    kind: 'government',
  });
  const loadStart = performance.now();
  const generated = await generateYear(platform.db, [agency], 2025, CASES);
  const loadMs = performance.now() - loadStart;
  // A bulk load leaves PostgreSQL's visibility map empty, so an index-only scan would still visit every row until
  // autovacuum runs; measure the steady state a live database is in.
  if (platform.target.dialect === 'postgres') await sql`vacuum analyze applications`.execute(platform.db);

  const compile = () => compileAnnualReport(platform, cliOperator, { agency: agency.id, year: 2025 });
  const first = await compile(); // warm up
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await compile();
    const used = process.cpuUsage(startCpu);
    runs.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const median = runs[2]!;
  const errors = first.findings.filter((f) => f.severity === 'error').length;
  console.log(`database: ${platform.target.dialect}`);
  console.log(
    `loaded ${generated.cases.toLocaleString('en')} cases and ${generated.appeals.toLocaleString('en')} appeals in ${(loadMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `compile from the database (${first.caseCount.toLocaleString('en')} cases counted, ${errors} checker errors):`,
  );
  console.log(
    `  median ${median.toFixed(1)} ms, best ${runs[0]!.toFixed(1)} ms over ${runs.length} runs (wall clock)`,
  );
  // On a shared machine the wall clock includes waiting for a core; CPU time is what the compilation costs.
  console.log(
    `  CPU time of this process: median ${cpu[2]!.toFixed(1)} ms (${url.startsWith('sqlite') ? 'includes SQLite' : 'excludes the PostgreSQL server'})`,
  );
  console.log(
    `  load average now: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log(`  target: 100,000 cases in < 1,000 ms — ${median < 1000 ? 'met' : 'NOT met'}`);
} finally {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
}
