/**
 * Fails when a package in package-lock.json declares an `engines.node` range that the Node.js promised in
 * package.json (its lowest version, e.g. 20.19.0) does not satisfy — what `npm ci` prints as EBADENGINE on that
 * Node, caught whatever Node runs the check. Run by scripts/test-setup.sh after `npm ci`, and checked by
 * test/engines.test.ts.
 *
 *   npx tsx scripts/check-engines.ts      exit 0: every package supports the promised Node; 1: lists those that do not
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

interface LockEntry {
  version?: string;
  engines?: { node?: unknown } | unknown[];
}

export interface EngineMismatch {
  name: string;
  path: string;
  version: string | undefined;
  range: string;
}

/** The packages of a lock file whose declared Node range leaves out the lowest Node that package.json promises. */
export function enginesOutOfRange(
  pkg: { engines?: { node?: string } },
  lock: { packages?: Record<string, LockEntry> },
): { promised: string; lowest: string; bad: EngineMismatch[] } {
  const promised = pkg.engines?.node;
  if (!promised) throw new Error('package.json declares no engines.node');
  const lowest = semver.minVersion(promised)?.version;
  if (!lowest) throw new Error(`package.json engines.node is not a range: ${promised}`);
  const bad: EngineMismatch[] = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const engines = entry.engines;
    const range = engines && !Array.isArray(engines) ? engines.node : undefined;
    if (path === '' || typeof range !== 'string') continue;
    if (!semver.satisfies(lowest, range)) {
      bad.push({ name: path.replace(/^.*node_modules\//, ''), path, version: entry.version, range });
    }
  }
  return { promised, lowest, bad };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const { promised, lowest, bad } = enginesOutOfRange(read('package.json'), read('package-lock.json'));
  if (bad.length === 0) {
    console.log(
      `== engines: every package in package-lock.json supports Node ${lowest} (package.json: ${promised})`,
    );
  } else {
    console.error(
      `!! engines: package.json promises Node ${promised}, but these packages want another Node:`,
    );
    for (const b of bad) console.error(`   ${b.name}@${b.version ?? '?'} wants node ${b.range} (${b.path})`);
    console.error(`   Choose versions (or npm overrides) that support Node ${lowest}.`);
    process.exitCode = 1;
  }
}
