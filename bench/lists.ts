// Benchmark: the case lists with 1,000,000 cases (`npm run bench:lists [cases]`), on SQLite and on PostgreSQL.
// For each list (all, open, closed, a status, due soon, overdue; one agency and a subtree of ten) it asks for page 1
// and the last page over HTTP (the real server, in this process), and meanwhile a health check every 5 ms measures
// how long the server keeps others waiting. Prints p50/p95 per list and the health check's p50/p95/max.
// BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test) is where a scratch database is created and dropped;
// BENCH_SKIP_PG=1 measures SQLite only, BENCH_SKIP_SQLITE=1 PostgreSQL only. CPU ms: this process's CPU per page
// (client and server; with SQLite the query too; also the health checks running meanwhile), the figure a loaded
// machine disturbs least. Not a test; figures depend on the machine, so the load average is printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { buildServer } from '../src/server/build-server.js';
import { createAgency } from '../src/services/agencies/create-agency.js';
import { createUser } from '../src/services/accounts/create-user.js';
import { createToken } from '../src/services/accounts/create-token.js';
import { cliOperator } from '../src/services/accounts/principal.js';
import { calendarKeyOf, dayOrdinalOf } from '../src/services/applications/case-calendar.js';
import { openPlatform, type Platform } from '../src/services/platform/platform.js';
import { applicationsRepository, caseListOrder } from '../src/storage/applications-repository.js';
import { encodeCursor } from '../src/storage/keyset.js';
import { workingDayIndex } from '../src/core/calendar/working-day-index.js';
import { nationalCalendar } from '../src/core/calendar/index.js';
import { fromDayNumber, toDayNumber } from '../src/core/calendar/date.js';
import type { Agency } from '../src/core/agency.js';

const CASES = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const LIMIT = 100;
const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Working days from 2024-01-02 on: index → (date, ordinal); cases are registered on them. */
function workingDays(count: number): { day: string; ordinal: number }[] {
  const index = workingDayIndex(nationalCalendar());
  const out: { day: string; ordinal: number }[] = [];
  for (let d = toDayNumber('2024-01-02'); out.length < count; d += 1) {
    if (index.isWorking(d)) out.push({ day: fromDayNumber(d), ordinal: index.count(d) });
  }
  return out;
}

/**
 * Loads `CASES` cases in one INSERT … SELECT per agency: each registered on a working day, due 20 working days
 * later; the last 30 working days' cases and 1% of older ones are open, the rest answered 15 working days in.
 */
async function load(platform: Platform, agencies: Agency[], days: { day: string; ordinal: number }[]) {
  const db = platform.db;
  const span = days.length - 40;
  await sql`create table bench_days (idx integer primary key, day varchar(10), ordinal integer)`.execute(db);
  for (let i = 0; i < days.length; i += 500) {
    const chunk = days.slice(i, i + 500).map((d, k) => sql`(${i + k}, ${d.day}, ${d.ordinal})`);
    await sql`insert into bench_days (idx, day, ordinal) values ${sql.join(chunk)}`.execute(db);
  }
  // Secondary indexes are built after the load (a sorted build), as a bulk import would.
  const indexes =
    platform.target.dialect === 'postgres'
      ? (
          await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
            where tablename = 'applications' and indexname like 'applications%idx'`.execute(db)
        ).rows
      : (
          await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master
            where type = 'index' and tbl_name = 'applications' and name like 'applications%idx'`.execute(db)
        ).rows;
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  const perAgency = Math.ceil(CASES / agencies.length);
  for (const [a, agency] of agencies.entries()) {
    const offset = a * perAgency;
    const n = Math.min(perAgency, CASES - offset);
    await sql`
      with recursive s(n) as (select 0 union all select n + 1 from s where n < ${n - 1})
      insert into applications (id, agency_id, tracking_number, year, seq, query_code_hash, applicant_type,
        applicant_name, applicant_key, request_description, form_medium, delivery_way, channel, submitted_at,
        status, outcome, registered_on, received_on, closed_on, due_on, due_ordinal, due_provisional, event_count,
        created_by, created_at, updated_at)
      select 'c' || (${offset} + s.n + 10000000), ${agency.id}, cast(${agency.code} as varchar(100)) || '-' || (s.n + 10000000),
        cast(substr(r.day, 1, 4) as integer), s.n, 'x', 'naturalPerson', '申请人', 'k', '申请公开某文件',
        'electronic', 'email', 'online', r.day || 'T02:00:00.000Z',
        case when o.open = 1 then 'processing' else 'answered' end,
        case when o.open = 1 then null else 'disclosed' end,
        r.day, r.day,
        case when o.open = 1 then null else c.day end,
        case when o.open = 1 then d.day else null end,
        case when o.open = 1 then d.ordinal else null end,
        0, 1, 'bench', r.day || 'T02:00:00.000Z', r.day || 'T02:00:00.000Z'
      from s
      join bench_days r on r.idx = (s.n * 7919) % ${span}
      join bench_days d on d.idx = r.idx + 20
      join bench_days c on c.idx = r.idx + 15
      join (select 1 as open union all select 0) o
        on o.open = case when r.idx >= ${span - 30} or s.n % 100 = 0 then 1 else 0 end
    `.execute(db);
  }
  await sql`drop table bench_days`.execute(db);
  for (const index of indexes) await sql.raw(index.def).execute(db);
  if (platform.target.dialect === 'postgres') await sql`vacuum analyze applications`.execute(db);
  else await sql`analyze`.execute(db);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function run(url: string): Promise<void> {
  const platform = await openPlatform(url, { scryptLog2N: 10 });
  try {
    const root = await createAgency(platform, cliOperator, {
      code: 'bench-root',
      name: '基准区人民政府',
      kind: 'government',
    });
    const agencies = [root];
    for (let i = 1; i < 10; i += 1) {
      agencies.push(
        await createAgency(platform, cliOperator, {
          code: `bench-${i}`,
          name: `基准区第${i}局`,
          kind: 'department',
          parent: root.id,
        }),
      );
    }
    for (const a of agencies)
      await applicationsRepository.setClockBasis(platform.db, a.id, calendarKeyOf(a), 'bench');
    const days = workingDays(760);
    const today = days[days.length - 41]!.day;
    const clockAt = new Date(`${today}T02:00:00Z`);
    (platform as { clock: () => Date }).clock = () => clockAt;
    const loadStart = performance.now();
    await load(platform, agencies, days);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const user = await createUser(platform, cliOperator, {
      username: 'bench.supervisor',
      displayName: '基准',
      grants: [{ role: 'supervisor', agency: root.id }],
    });
    const { token } = await createToken(platform, cliOperator, {
      name: 'bench',
      username: user.user.username,
    });
    const app = await buildServer({
      platform,
      logger: false,
      loginPerMinute: 1_000_000,
      publicSubmitPerMinute: 1_000_000,
      publicStatusPerMinute: 1_000_000,
      checkPerMinute: 1_000_000,
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const headers = { authorization: `Bearer ${token}` };
    try {
      console.log(
        `\n${platform.target.dialect}: ${CASES.toLocaleString('en')} cases in ${agencies.length} agencies, loaded in ${loadSeconds.toFixed(0)} s; today ${today}; load average ${loadavg()[0]!.toFixed(2)}`,
      );
      // The same process's CPU for one health check (client and server): the baseline of the CPU column.
      const healthCpuStart = process.cpuUsage();
      for (let i = 0; i < RUNS + 20; i += 1) await (await fetch(`${base}/api/v1/health`)).arrayBuffer();
      const healthCpu = process.cpuUsage(healthCpuStart);
      console.log(
        `one health check alone: ${((healthCpu.user + healthCpu.system) / 1000 / (RUNS + 20)).toFixed(1)} ms CPU of this process`,
      );
      // A health check every 5 ms for as long as the lists are asked for.
      const health: number[] = [];
      let measuring = true;
      const healthLoop = (async () => {
        while (measuring) {
          const start = performance.now();
          const res = await fetch(`${base}/api/v1/health`);
          await res.arrayBuffer();
          health.push(performance.now() - start);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      console.log('list                          scope     page    p50 ms   p95 ms   CPU ms   rows');
      const filters: [string, Record<string, string>][] = [
        ['all', {}],
        ['open', { filter: 'open' }],
        ['closed', { filter: 'closed' }],
        ['status=processing', { status: 'processing' }],
        ['dueSoon (5 working days)', { filter: 'dueSoon' }],
        ['overdue', { filter: 'overdue' }],
      ];
      let worst = 0;
      for (const [label, params] of filters) {
        for (const subtree of [false, true]) {
          const agency = subtree ? root : agencies[3]!;
          const filter = params.filter ?? 'all';
          const deadline = filter === 'dueSoon' || filter === 'overdue';
          const order = caseListOrder(`applications:${filter}`, deadline ? 'due' : 'registered');
          // The last page's cursor: the key of the row just before it, read by walking the list backwards.
          const reverse = { ...order, direction: order.direction === 'asc' ? 'desc' : 'asc' } as const;
          const todayOrdinals = (subtree ? agencies : [agency]).map((a) => ({
            agencyId: a.id,
            todayOrdinal: dayOrdinalOf(a, today),
          }));
          const parts = todayOrdinals.map((p) => {
            if (!deadline) return p;
            const maxOrdinal = filter === 'overdue' ? p.todayOrdinal - 1 : p.todayOrdinal + 5;
            const last = days.filter((d) => d.ordinal <= maxOrdinal).at(-1)!.day;
            return { ...p, due: { maxOrdinal, onOrBefore: last } };
          });
          const tail = await applicationsRepository.listPage(platform.db, {
            parts,
            order: reverse,
            open: filter === 'open' ? true : filter === 'closed' ? false : undefined,
            status: params.status as 'processing' | undefined,
            take: LIMIT + 1,
          });
          const before = tail[LIMIT];
          const lastCursor = before
            ? encodeCursor(order, [
                deadline ? before.stored.record.dueOn! : before.stored.record.registeredOn,
                before.stored.record.trackingNumber,
              ])
            : undefined;
          for (const [page, cursor] of [
            ['1', undefined],
            ['last', lastCursor],
          ] as const) {
            const query = new URLSearchParams({ ...params, subtree: String(subtree), limit: String(LIMIT) });
            if (cursor) query.set('cursor', cursor);
            const times: number[] = [];
            let cpuMs = 0;
            let rows = 0;
            let next: string | null = null;
            for (let i = 0; i < RUNS + 2; i += 1) {
              const start = performance.now();
              const startCpu = process.cpuUsage();
              const res = await fetch(`${base}/api/v1/agencies/${agency.id}/applications?${query}`, {
                headers,
              });
              const body = (await res.json()) as { applications: unknown[]; nextCursor: string | null };
              if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)}`);
              const cpu = process.cpuUsage(startCpu);
              if (i >= 2) {
                times.push(performance.now() - start);
                cpuMs += (cpu.user + cpu.system) / 1000;
              }
              rows = body.applications.length;
              next = body.nextCursor;
            }
            if (page === 'last' && next !== null) throw new Error(`${label}: the last page has a next page`);
            times.sort((a, b) => a - b);
            worst = Math.max(worst, quantile(times, 0.95));
            console.log(
              `${label.padEnd(30)}${(subtree ? 'subtree' : 'agency').padEnd(10)}${page.padEnd(6)}${quantile(times, 0.5).toFixed(1).padStart(8)} ${quantile(times, 0.95).toFixed(1).padStart(8)} ${(cpuMs / RUNS).toFixed(1).padStart(8)} ${String(rows).padStart(6)}`,
            );
          }
        }
      }
      measuring = false;
      await healthLoop;
      health.sort((a, b) => a - b);
      console.log(
        `worst list p95 ${worst.toFixed(1)} ms; health meanwhile: p50 ${quantile(health, 0.5).toFixed(1)} ms, p95 ${quantile(health, 0.95).toFixed(1)} ms, max ${health.at(-1)!.toFixed(1)} ms over ${health.length} checks; load average ${loadavg()[0]!.toFixed(2)}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await platform.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-lists-'));
try {
  if (process.env.BENCH_SKIP_SQLITE !== '1') await run(`sqlite:${join(dir, 'lists.sqlite')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (process.env.BENCH_SKIP_PG !== '1') {
  const name = `gongkai_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: pgBase });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  try {
    const url = new URL(pgBase);
    url.pathname = `/${name}`;
    await run(url.toString());
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}
