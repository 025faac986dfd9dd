import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { createToken } from '../../src/services/accounts/create-token.js';
import { openPlatform } from '../../src/services/platform/platform.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { REPORTS } from '../support/fixtures.js';
import { runCli } from '../cli/run-cli.js';
import { freshSqlite, testScryptLog2N, type TestDatabase } from '../helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';

const running: ServerProcess[] = [];
const dropped: TestDatabase[] = [];
afterAll(async () => {
  for (const server of running) server.child.kill('SIGKILL');
  for (const database of dropped) await database.drop();
});

describe('the npm start entry (dist/server/start.js)', () => {
  it('on an empty database creates the demo, prints the admin password once, serves, and stops on SIGTERM', async () => {
    const database = await freshSqlite();
    dropped.push(database);
    const server = await startServerProcess({ DATABASE_URL: database.url });
    running.push(server);
    const password = /initial password \(shown only this once\): (\S+)/.exec(server.output())?.[1] as string;
    expect(password).toBeDefined();
    expect(server.output().split(password).length - 1).toBe(1);

    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/agencies`)).status).toBe(401);
    // The public report checker is served too (issue 7).
    const check = await fetch(`${server.url}/check`);
    expect(check.status).toBe(200);
    expect(await check.text()).toContain('<html lang="zh-CN">');
    // …and reads a pasted report in a worker thread running the compiled worker code.
    const pasted = await fetch(`${server.url}/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        text: readFileSync(`${REPORTS}seeds/000_f6cea51e2393d527.txt`, 'utf8'),
      }),
    });
    expect(pasted.status).toBe(200);
    expect(await pasted.text()).toContain('鼓楼街道办事处');
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const agencies = (await (
      await fetch(`${server.url}/api/v1/agencies`, { headers: { cookie } })
    ).json()) as {
      agencies: { name: string }[];
    };
    expect(agencies.agencies.map((a: { name: string }) => a.name)).toEqual([
      '示范区人民政府',
      '示范区教育局',
      '示范街道办事处',
    ]);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).not.toContain(password + password);
  });

  it('rejects bad configuration with a bilingual message', async () => {
    const server = startServerProcess({ PORT: 'eighty', DATABASE_URL: 'sqlite:/tmp/never-created.sqlite' });
    await expect(server).rejects.toThrow(/环境配置无效[\s\S]*invalid environment configuration[\s\S]*PORT/);
  });
});

describe('durability: SIGKILL during a stream of acknowledged writes', () => {
  it('loses no acknowledged write, stays intact, and the audit chain verifies', async () => {
    const database = await freshSqlite();
    dropped.push(database);
    const setup = await openPlatform(database.url, { scryptLog2N: testScryptLog2N });
    await seedDemo(setup);
    const { token } = await createToken(setup, cliOperator, { name: 'stream', username: 'admin' });
    await setup.close();

    const env = {
      DATABASE_URL: database.url,
      NODE_ENV: 'test',
      GONGKAI_SCRYPT_LOG2N: String(testScryptLog2N),
    };
    const server = await startServerProcess(env);
    running.push(server);
    const acknowledged: string[] = [];
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const code = `kill-${(n += 1)}`;
        try {
          const response = await fetch(`${server.url}/api/v1/agencies`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ parent: 'demo-district', code, name: `机关${code}`, kind: 'other' }),
          });
          if (response.status === 201) acknowledged.push(code);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    // Killed in the middle of the stream, once writes have been acknowledged (however slow the machine is).
    while (acknowledged.length < 20 && n < 5000) await new Promise((resolve) => setTimeout(resolve, 50));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(10);

    const file = new SQLite(database.url.slice('sqlite:'.length));
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(
      (file.prepare('select code from agencies').all() as { code: string }[]).map((r) => r.code),
    );
    file.close();
    expect(acknowledged.filter((code) => !stored.has(code))).toEqual([]);

    const verify = await runCli(['audit', 'verify'], { env });
    expect(verify.stderr).toBe(`gongkai: 数据库 / database: ${database.url}\n`);
    expect(verify.code).toBe(0);

    const restarted = await startServerProcess(env);
    running.push(restarted);
    const list = (await (
      await fetch(`${restarted.url}/api/v1/agencies`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { agencies: { code: string }[] };
    const codes = new Set(list.agencies.map((a: { code: string }) => a.code));
    expect(acknowledged.every((code) => codes.has(code))).toBe(true);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  });
});
