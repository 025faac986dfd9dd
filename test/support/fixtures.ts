/** Paths to the shared fixtures (../shared beside the repository, as on CI). */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const REPORTS = `${SHARED}fixtures/reports/`;
export const EXPECTED = `${REPORTS}expected/`;

/** The expected JSON files, by name. */
export function expectedFixtures(): string[] {
  return readdirSync(EXPECTED)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** Reads an expected fixture as parsed JSON. */
export function readExpected(name: string): unknown {
  return JSON.parse(readFileSync(`${EXPECTED}${name}`, 'utf8'));
}
