/**
 * Engines that agree: every package in package-lock.json supports the Node.js that package.json promises (the
 * README says ≥ 20.19), so `npm ci` on that Node prints no EBADENGINE. scripts/test-setup.sh runs the same check
 * after `npm ci` and also fails on an EBADENGINE line in its output.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enginesOutOfRange } from '../scripts/check-engines.js';

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('engines', () => {
  it('every locked package supports the lowest Node that package.json promises', () => {
    const { promised, lowest, bad } = enginesOutOfRange(read('package.json'), read('package-lock.json'));
    expect(promised).toBe('>=20.19');
    expect(lowest).toBe('20.19.0');
    expect(bad).toEqual([]);
  });

  it('names a package that wants a newer Node (cookie 2 wants Node 22)', () => {
    const { bad } = enginesOutOfRange(
      { engines: { node: '>=20.19' } },
      {
        packages: {
          '': { version: '0.1.0' },
          'node_modules/light-my-request/node_modules/cookie': {
            version: '2.0.2',
            engines: { node: '>=22' },
          },
          'node_modules/content-disposition': { version: '2.0.1', engines: { node: '>=18' } },
          'node_modules/old': { version: '1.0.0', engines: ['node >= 0.4'] },
        },
      },
    );
    expect(bad).toEqual([
      {
        name: 'cookie',
        path: 'node_modules/light-my-request/node_modules/cookie',
        version: '2.0.2',
        range: '>=22',
      },
    ]);
  });

  it('the cookie override keeps the HTTP edge on a version for Node 20 with the API its parents call', () => {
    const { version } = read('node_modules/@fastify/cookie/node_modules/cookie/package.json');
    expect(version).toBe('1.1.1');
    // The command the set-up script runs exits 0.
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-engines.ts'], {
      encoding: 'utf8',
    });
    expect(out).toContain('supports Node 20.19.0');
  });
});
