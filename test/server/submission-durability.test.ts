import { afterAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { openPlatform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { runCli } from '../cli/run-cli.js';
import { freshSqlite, testScryptLog2N, type TestDatabase } from '../helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { ids } from '../support/applications.js';

const running: ServerProcess[] = [];
const dropped: TestDatabase[] = [];
afterAll(async () => {
  for (const server of running) server.child.kill('SIGKILL');
  for (const database of dropped) await database.drop();
});

describe('public submissions in group commits (dist/server/start.js)', () => {
  it('every acknowledged application survives SIGKILL of the server; the file and the audit chain stay intact', async () => {
    const database = await freshSqlite();
    dropped.push(database);
    const setup = await openPlatform(database.url, { scryptLog2N: testScryptLog2N });
    await seedDemo(setup);
    await setup.close();
    const env = {
      DATABASE_URL: database.url,
      NODE_ENV: 'test',
      GONGKAI_SCRYPT_LOG2N: String(testScryptLog2N),
      GONGKAI_SUBMIT_PER_MINUTE: '1000000',
    };
    const server = await startServerProcess(env);
    running.push(server);
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const i = (n += 1);
        try {
          const response = await fetch(`${server.url}/api/v1/public/agencies/demo-education/applications`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              applicant: {
                type: 'naturalPerson',
                name: `申请人${i}`,
                identityKind: 'residentId',
                identityNumber: ids.person,
                phone: '13800000000',
              },
              request: { description: `申请公开第${i}号文件的内容及其附件目录` },
              form: { medium: 'electronic', delivery: 'email' },
            }),
          });
          if (response.status === 201) {
            acknowledged.push(((await response.json()) as { trackingNumber: string }).trackingNumber);
          } else {
            refused.push(`${response.status} ${await response.text()}`);
          }
        } catch {
          return; // the connection died with the server
        }
      }
    };
    // Sixteen clients at once, so commits carry several submissions each.
    const writers = Array.from({ length: 16 }, writer);
    const until = Date.now() + 60_000;
    while (acknowledged.length < 40 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(writers);
    expect(refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const file = new SQLite(database.url.slice('sqlite:'.length));
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(
      (file.prepare('select tracking_number from applications').all() as { tracking_number: string }[]).map(
        (r) => r.tracking_number,
      ),
    );
    const audited = file
      .prepare(
        `select count(*) as n from audit_log where action = 'application.register' and source like 'public %'`,
      )
      .get() as { n: number };
    file.close();
    expect(acknowledged.filter((number) => !stored.has(number))).toEqual([]);
    expect(audited.n).toBeGreaterThanOrEqual(acknowledged.length);

    const verify = await runCli(['audit', 'verify'], { env });
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
  }, 120_000);
});
