// Benchmark: public routes of the built server against a bare Node server sending the same bytes, in one run
// (`npm run bench:web`). Both run as their own processes on 127.0.0.1; wrk (/usr/bin/wrk) loads each route for a
// few seconds. Prints route, Gongkai req/s, bare Node req/s, their ratio, and Gongkai's p50/p99 latency; then checks
// that every acknowledged public submission was stored (created = acknowledged). Uses dist/ (npm run build:server).
// BENCH_SECONDS (default 3) and BENCH_CONNECTIONS (default 16) set the load. Not a test: figures depend on the
// machine; the load average is printed beside them.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openPlatform } from '../src/services/platform/platform.js';
import { seedDemo } from '../src/services/platform/seed-demo.js';
import { submitPublicApplication } from '../src/services/applications/submit-public-application.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-web-'));
const children: ChildProcess[] = [];

function listen(
  command: string[],
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, command, {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${text}`)), 60_000);
    const check = (chunk: Buffer) => {
      text += String(chunk);
      const match = /listening on (http:\/\/[\d.:]+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${text}`)));
  });
}

interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** A Lua request() body making each request distinct (public submissions). */
  lua?: string;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  statuses: string;
}

/** Runs wrk against `base` + route; latency in ms. */
function wrk(base: string, route: Route): Load {
  const script = join(dir, `${route.name.replace(/\W+/g, '-')}.lua`);
  const headerLines = Object.entries(route.headers ?? {})
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join('\n');
  writeFileSync(
    script,
    `wrk.method = ${JSON.stringify(route.method)}
${headerLines}
${route.body !== undefined ? `wrk.body = ${luaString(route.body)}` : ''}
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads .. "-" .. os.time())
end
statuses = {}
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
${route.lua ?? ''}
function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do all[k] = (all[k] or 0) + v end
  end
  local out = ""
  for k, v in pairs(all) do out = out .. k .. "=" .. v .. " " end
  io.write("STATUSES " .. out .. "\\n")
end
`,
  );
  const out = execFileSync(
    '/usr/bin/wrk',
    ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', '-s', script, `${base}${route.path}`],
    { encoding: 'utf8' },
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const ms = (label: string) => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  return { rps, p50: ms('50'), p99: ms('99'), statuses: /STATUSES (.*)/.exec(out)?.[1]?.trim() ?? '' };
}

function luaString(text: string): string {
  return `"${[...Buffer.from(text, 'utf8')].map((b) => `\\${b}`).join('')}"`;
}

try {
  const url = `sqlite:${join(dir, 'web.sqlite')}`;
  const setup = await openPlatform(url, { scryptLog2N: 10 });
  await seedDemo(setup);
  const receipt = await submitPublicApplication(
    setup,
    'demo-education',
    {
      applicant: {
        type: 'naturalPerson',
        name: '基准',
        identityKind: 'residentId',
        identityNumber: '11010519491231002X',
        phone: '13800000000',
      },
      request: { description: '申请公开基准测试文件' },
      form: { medium: 'electronic', delivery: 'email' },
    },
    '127.0.0.1',
  );
  await setup.close();

  const gongkai = await listen(['dist/server/start.js'], {
    DATABASE_URL: url,
    NODE_ENV: 'test',
    GONGKAI_SCRYPT_LOG2N: '10',
    GONGKAI_SUBMIT_PER_MINUTE: '10000000',
    GONGKAI_STATUS_PER_MINUTE: '10000000',
    GONGKAI_LOGIN_PER_MINUTE: '10000000',
    GONGKAI_CHECK_PER_MINUTE: '100000',
  });
  const seeds = join('..', 'shared', 'fixtures', 'reports', 'seeds');
  const seed = readFileSync(join(seeds, readdirSync(seeds).filter((f) => f.endsWith('.txt'))[0]!), 'utf8');
  const submission = (n: string) =>
    `{"applicant":{"type":"naturalPerson","name":"申请人","identityKind":"other","identityNumber":"B${n}","phone":"13800000000"},"request":{"description":"申请公开第${n}号文件"},"form":{"medium":"electronic","delivery":"email"}}`;
  const routes: Route[] = [
    { name: 'GET /api/v1/health', method: 'GET', path: '/api/v1/health' },
    { name: 'GET /check (form)', method: 'GET', path: '/check' },
    {
      name: 'GET public status',
      method: 'GET',
      path: `/api/v1/public/applications/${receipt.record.trackingNumber}`,
      headers: { 'x-query-code': receipt.queryCode! },
    },
    {
      name: 'POST /check (seed report)',
      method: 'POST',
      path: '/check',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: seed }).toString(),
    },
    {
      name: 'POST public submission',
      method: 'POST',
      path: '/api/v1/public/agencies/demo-education/applications',
      headers: { 'content-type': 'application/json' },
      lua: `local n = 0
function request()
  n = n + 1
  local body = ${luaString(submission('@@'))}
  body = body:gsub("@@", id .. "-" .. n)
  return wrk.format(nil, nil, nil, body)
end`,
    },
  ];
  // What Gongkai answers on each route, byte for byte, for the bare server to send.
  const captured: { path: string; method: string; status: number; type: string; body: string }[] = [];
  for (const route of routes) {
    const body = route.lua ? submission('capture') : route.body;
    const res = await fetch(`${gongkai.url}${route.path}`, {
      method: route.method,
      headers: route.headers,
      body,
    });
    captured.push({
      path: route.path,
      method: route.method,
      status: res.status,
      type: res.headers.get('content-type') ?? 'text/plain',
      body: Buffer.from(await res.arrayBuffer()).toString('base64'),
    });
  }
  const bareScript = join(dir, 'bare.mjs');
  writeFileSync(
    bareScript,
    `import { createServer } from 'node:http';
const routes = ${JSON.stringify(captured)}.map((r) => ({ ...r, bytes: Buffer.from(r.body, 'base64') }));
const server = createServer((req, res) => {
  const path = req.url.split('?')[0];
  const route = routes.find((r) => r.method === req.method && r.path.split('?')[0] === path);
  // Read the whole body as Gongkai does, then send the same bytes.
  req.on('data', () => {});
  req.on('end', () => {
    if (!route) { res.writeHead(404); res.end(); return; }
    res.writeHead(route.status, { 'content-type': route.type, 'content-length': route.bytes.length });
    res.end(route.bytes);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`,
  );
  const bare = await listen([bareScript], {});

  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; wrk -t2 -c${CONNECTIONS} -d${SECONDS}s per route and server`,
  );
  console.log(
    'route                         Gongkai req/s   bare req/s   ratio   p50 ms   p99 ms   bytes   statuses',
  );
  let acknowledged = 0;
  for (const [i, route] of routes.entries()) {
    const ours = wrk(gongkai.url, route);
    const theirs = wrk(bare.url, route);
    if (route.lua) acknowledged += Number(/201=(\d+)/.exec(ours.statuses)?.[1] ?? 0);
    console.log(
      `${route.name.padEnd(30)}${ours.rps.toFixed(0).padStart(13)}${theirs.rps.toFixed(0).padStart(13)}${(ours.rps / theirs.rps).toFixed(2).padStart(8)}${ours.p50.toFixed(1).padStart(9)}${ours.p99.toFixed(1).padStart(9)}${String(Buffer.from(captured[i]!.body, 'base64').length).padStart(8)}   ${ours.statuses}`,
    );
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  gongkai.child.kill('SIGTERM');
  await new Promise((r) => gongkai.child.once('exit', r));
  const file = new SQLite(url.slice('sqlite:'.length), { readonly: true });
  const created = (
    file
      .prepare(
        `select count(*) as n from applications where channel = 'online' and applicant_name = '申请人'`,
      )
      .get() as { n: number }
  ).n;
  file.close();
  // The capture request made one case too.
  console.log(
    `public submissions: ${acknowledged} acknowledged (201) under load, ${created - 1} created (those still in flight when wrk stopped are created unacknowledged): ${created - 1 >= acknowledged ? 'none lost' : 'LOST SOME'}`,
  );
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
