/**
 * `npm run bench:soak` — a soak of the real server (`node dist/server/start.js` on a fresh SQLite file) at a
 * stated, steady load on the public and the staff endpoints, sampling the server's memory (RSS) every minute.
 * A benchmark, not a CI test: it prints a table per sample and a summary (RSS growth over the second half,
 * errors, latency), and exits 1 when requests failed.
 *
 *   npm run bench:soak                                   30 minutes at 10 requests/s
 *   npm run bench:soak -- --minutes 3 --rate 20
 *   npm run bench:soak -- --minutes 2 --sample-seconds 15
 *
 * The load, per second (`--rate`, spread over 400 client addresses through X-Forwarded-For with
 * GONGKAI_TRUST_PROXY=1, so the per-address limits of the public channel are not what is measured):
 *   public  — health, the 专栏 check form, a pasted report checked in the worker, an online application
 *             submitted, its status looked up with its query code;
 *   staff   — (API token of a registrar) the agency list, the case list, one case, a case registered, the
 *             compiled annual report with its subtree.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken } from '../src/services/accounts/create-token.js';
import { createUser } from '../src/services/accounts/create-user.js';
import { cliOperator } from '../src/services/accounts/principal.js';
import { openPlatform } from '../src/services/platform/platform.js';
import { seedDemo } from '../src/services/platform/seed-demo.js';
import { ids } from '../test/support/applications.js';
import { REPORTS } from '../test/support/fixtures.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const minutes = option('minutes', 30);
const rate = option('rate', 10);
const sampleMs = option('sample-seconds', 60) * 1000;

interface Sample {
  at: number;
  requests: number;
  errors: number;
  latencies: number[];
  rssMb: number;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-soak-'));
  const url = `sqlite:${join(dir, 'soak.sqlite')}`;
  // The demo and a registrar with an API token, made before the server starts.
  const setup = await openPlatform(url);
  await seedDemo(setup);
  await createUser(setup, cliOperator, {
    username: 'soak.registrar',
    displayName: '压力测试经办人',
    password: randomBytes(12).toString('hex'),
    grants: [{ role: 'registrar', agency: 'demo-district' }],
  });
  const { token } = await createToken(setup, cliOperator, { name: 'soak', username: 'soak.registrar' });
  await setup.close();

  const child = spawn(process.execPath, ['dist/server/start.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      GONGKAI_TRUST_PROXY: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += String(c)));
  child.stderr.on('data', (c) => (output += String(c)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });

  const seedText = readFileSync(`${REPORTS}seeds/000_f6cea51e2393d527.txt`, 'utf8');
  const staff = { authorization: `Bearer ${token}` };
  const cases: string[] = [];
  const receipts: { trackingNumber: string; queryCode: string }[] = [];
  let n = 0;
  const address = () => `203.0.${113 + (n % 2)}.${(n * 7) % 200}`;
  const form = (i: number) => ({
    applicant: {
      type: 'naturalPerson',
      name: `申请人${i}`,
      identityKind: 'residentId',
      identityNumber: ids.person,
      phone: '13800000000',
    },
    request: { description: `申请公开第${i}号文件的内容及其附件目录（压力测试）` },
    form: { medium: 'electronic', delivery: 'email' },
    idempotencyKey: randomBytes(16).toString('hex'),
  });

  /** One request of the mix: [name, what it sends, which statuses are right]. */
  const requests: [string, () => Promise<Response>, number[]][] = [
    ['health', () => fetch(`${base}/api/v1/health`), [200]],
    ['check form', () => fetch(`${base}/check`), [200]],
    [
      'check pasted report',
      () =>
        fetch(`${base}/check`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address() },
          body: new URLSearchParams({ text: seedText }),
        }),
      [200],
    ],
    [
      'public submit',
      async () => {
        const response = await fetch(`${base}/api/v1/public/agencies/demo-education/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address() },
          body: JSON.stringify(form(n)),
        });
        if (response.status === 201) {
          const body = (await response.clone().json()) as { trackingNumber: string; queryCode: string };
          if (receipts.length < 500) receipts.push(body);
          else receipts[n % 500] = body;
        }
        return response;
      },
      [201],
    ],
    [
      'public status',
      () => {
        const receipt = receipts[n % Math.max(1, receipts.length)];
        if (!receipt) return fetch(`${base}/api/v1/health`);
        return fetch(`${base}/api/v1/public/applications/${receipt.trackingNumber}`, {
          headers: { 'x-query-code': receipt.queryCode, 'x-forwarded-for': address() },
        });
      },
      [200],
    ],
    ['staff agencies', () => fetch(`${base}/api/v1/agencies`, { headers: staff }), [200]],
    [
      'staff case list',
      async () => {
        const response = await fetch(`${base}/api/v1/agencies/demo-education/applications?limit=50`, {
          headers: staff,
        });
        if (response.status === 200 && cases.length < 50) {
          const body = (await response.clone().json()) as { applications: { trackingNumber: string }[] };
          for (const a of body.applications) if (cases.length < 50) cases.push(a.trackingNumber);
        }
        return response;
      },
      [200],
    ],
    [
      'staff case',
      () =>
        cases.length === 0
          ? fetch(`${base}/api/v1/agencies`, { headers: staff })
          : fetch(`${base}/api/v1/applications/${cases[n % cases.length]}`, { headers: staff }),
      [200],
    ],
    [
      'staff register',
      () =>
        fetch(`${base}/api/v1/applications`, {
          method: 'POST',
          headers: { ...staff, 'content-type': 'application/json' },
          body: JSON.stringify({ ...form(n), agency: 'demo-education', channel: 'post' }),
        }),
      [201],
    ],
    [
      'staff annual report',
      () =>
        fetch(`${base}/api/v1/agencies/demo-district/reports/${new Date().getFullYear()}?subtree=true`, {
          headers: staff,
        }),
      [200],
    ],
  ];

  console.log(
    `bench:soak — ${minutes} min at ${rate} requests/s (${requests.length} kinds in turn: ${requests.map((r) => r[0]).join(', ')}), RSS sampled every ${sampleMs / 1000} s`,
  );
  console.log(`server pid ${child.pid}, ${base}, database ${url}`);

  // Warm-up, not counted: the report checker's worker starts on the first check (it loads the readers).
  const warm = await fetch(`${base}/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ text: seedText }),
  });
  await warm.arrayBuffer();

  const samples: Sample[] = [];
  let current: Sample = { at: 0, requests: 0, errors: 0, latencies: [], rssMb: 0 };
  const failures = new Map<string, number>();
  const started = performance.now();
  const end = started + minutes * 60_000;
  const inFlight = new Set<Promise<void>>();
  const fire = () => {
    const [name, send, ok] = requests[n % requests.length]!;
    n += 1;
    const asked = performance.now();
    const sample = current;
    const done = send()
      .then(async (response) => {
        await response.arrayBuffer();
        sample.latencies.push(performance.now() - asked);
        sample.requests += 1;
        if (!ok.includes(response.status)) {
          sample.errors += 1;
          const key = `${name} ${response.status}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
      })
      .catch((error: unknown) => {
        sample.requests += 1;
        sample.errors += 1;
        const key = `${name} ${error instanceof Error ? error.message : String(error)}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  const header = ' minute  requests  errors  p50 ms  p95 ms  RSS MB';
  console.log(header);
  const takeSample = () => {
    current.at = (performance.now() - started) / 60_000;
    current.rssMb = rssOf(child.pid as number);
    samples.push(current);
    const s = current;
    console.log(
      `${s.at.toFixed(1).padStart(7)}  ${String(s.requests).padStart(8)}  ${String(s.errors).padStart(6)}  ${percentile(s.latencies, 50).toFixed(0).padStart(6)}  ${percentile(s.latencies, 95).toFixed(0).padStart(6)}  ${s.rssMb.toFixed(1).padStart(6)}`,
    );
    current = { at: 0, requests: 0, errors: 0, latencies: [], rssMb: 0 };
  };
  const firstRss = rssOf(child.pid as number);
  console.log(`   0.0         -       -       -       -  ${firstRss.toFixed(1).padStart(6)}`);
  // A steady rate: each tick sends what is due since the start (no catching up in bursts beyond one tick).
  let sent = 0;
  let nextSample = started + sampleMs;
  while (performance.now() < end) {
    const now = performance.now();
    const due = Math.floor(((now - started) / 1000) * rate);
    for (; sent < due; sent += 1) fire();
    if (now >= nextSample) {
      takeSample();
      nextSample += sampleMs;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await Promise.all(inFlight);
  if (current.requests > 0) takeSample();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));

  const all = samples.flatMap((s) => s.latencies);
  const total = samples.reduce((a, s) => a + s.requests, 0);
  const errors = samples.reduce((a, s) => a + s.errors, 0);
  const half = samples.slice(Math.floor(samples.length / 2));
  const growth =
    half.length > 1 ? (half.at(-1)!.rssMb - half[0]!.rssMb) / (half.at(-1)!.at - half[0]!.at) : 0;
  const rss = samples.map((s) => s.rssMb);
  console.log('');
  console.log(
    `requests: ${total} (${(total / ((performance.now() - started) / 1000)).toFixed(1)}/s), errors: ${errors}`,
  );
  console.log(
    `latency: p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms`,
  );
  console.log(
    `server RSS: start ${firstRss.toFixed(1)} MB, min ${Math.min(...rss).toFixed(1)}, max ${Math.max(...rss).toFixed(1)}, end ${rss.at(-1)?.toFixed(1)} MB; over the second half ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB/min`,
  );
  console.log(
    `database: ${(statSync(join(dir, 'soak.sqlite')).size / 1_048_576).toFixed(1)} MB, cases registered or submitted: ~${Math.round(total / 5)}`,
  );
  for (const [key, count] of failures) console.log(`  failed: ${key} × ${count}`);
  rmSync(dir, { recursive: true, force: true });
  if (errors > 0) process.exitCode = 1;
}

await main();
