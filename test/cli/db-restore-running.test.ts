import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDatabase } from '../helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { runCli } from './run-cli.js';

const running: ServerProcess[] = [];
const dropped: TestDatabase[] = [];
afterAll(async () => {
  for (const server of running) server.child.kill('SIGKILL');
  for (const database of dropped) await database.drop();
});

/** Creates an agency through the running server's API, as the admin; returns the HTTP status. */
async function createAgency(server: ServerProcess, password: string, code: string): Promise<number> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const response = await fetch(`${server.url}/api/v1/agencies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ code, name: `机关 ${code}`, kind: 'department', parent: 'demo-district' }),
  });
  return response.status;
}

describe('gongkai db restore with a server running', () => {
  it('refuses while the server has the database open, naming its process, and loses no acknowledged write', async () => {
    const database = await freshSqlite();
    dropped.push(database);
    const path = database.url.slice('sqlite:'.length);
    const env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10' };
    const server = await startServerProcess({ ...env });
    running.push(server);
    const password = /initial password \(shown only this once\): (\S+)/.exec(server.output())?.[1] as string;
    expect(existsSync(`${path}.server.json`)).toBe(true);

    const backup = join(dirname(path), 'backup.sqlite');
    expect((await runCli(['db', 'backup', backup], { env })).code).toBe(0);
    expect(await createAgency(server, password, 'after-backup')).toBe(201);

    const refused = await runCli(['db', 'restore', backup], { env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`Gongkai 服务进程 ${server.child.pid}`);
    expect(refused.stderr).toContain('未做任何更改');
    expect(existsSync(`${path}.restoring`)).toBe(false);

    // The server keeps writing, and every acknowledged write is still there after it stops.
    expect(await createAgency(server, password, 'after-refusal')).toBe(201);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(`${path}.server.json`)).toBe(false);
    const codes = (
      JSON.parse((await runCli(['agency', 'list', '--json'], { env })).stdout) as { code: string }[]
    ).map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['after-backup', 'after-refusal']));

    // Stopped, the restore goes ahead: the backup's state comes back.
    const restored = await runCli(['db', 'restore', backup], { env });
    expect(restored.code, restored.stderr).toBe(0);
    const after = (
      JSON.parse((await runCli(['agency', 'list', '--json'], { env })).stdout) as { code: string }[]
    ).map((a) => a.code);
    expect(after).not.toContain('after-backup');
    expect((await runCli(['audit', 'verify'], { env })).code).toBe(0);
  }, 120_000);

  it('a server killed without shutting down leaves a stale note that does not block a restore', async () => {
    const database = await freshSqlite();
    dropped.push(database);
    const path = database.url.slice('sqlite:'.length);
    const env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10' };
    const server = await startServerProcess({ ...env });
    running.push(server);
    const backup = join(dirname(path), 'backup.sqlite');
    expect((await runCli(['db', 'backup', backup], { env })).code).toBe(0);
    server.child.kill('SIGKILL');
    await server.exited;
    expect(existsSync(`${path}.server.json`)).toBe(true);
    const restored = await runCli(['db', 'restore', backup], { env });
    expect(restored.code, restored.stderr).toBe(0);
  }, 120_000);
});
