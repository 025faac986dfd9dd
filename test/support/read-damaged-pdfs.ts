/**
 * Reads a few hundred damaged copies of the fixture PDFs (bytes overwritten and deleted, files cut short) in a
 * plain Node process, as the CLI and scan workers do, and prints how each read ended. Run by
 * test/readers/pdf-stray-rejections.test.ts: the process must not die of pdf.js's stray rejections.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { isDomainError } from '../../src/core/errors.js';
import { readReport } from '../../src/readers/index.js';
import { REPORTS } from './fixtures.js';

const dir = `${REPORTS}pdf/`;
const pdfs = readdirSync(dir).map((name) => new Uint8Array(readFileSync(`${dir}${name}`)));
let seed = Number(process.argv[2] ?? 1);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const outcomes: Record<string, number> = {};
async function read(bytes: Uint8Array, name: string): Promise<void> {
  let outcome = 'read';
  try {
    await readReport(bytes, name);
  } catch (error) {
    outcome = isDomainError(error) ? error.code : `not a DomainError: ${String(error)}`;
  }
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
}

const count = Number(process.argv[3] ?? 150);
for (let i = 0; i < count; i++) {
  const original = pdfs[i % pdfs.length]!;
  let damaged = original.slice();
  const edits = 1 + Math.floor(random() * 8);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * damaged.length);
    if (random() < 0.5) damaged[at] = Math.floor(random() * 256);
    else
      damaged = Uint8Array.from([
        ...damaged.subarray(0, at),
        ...damaged.subarray(at + 1 + Math.floor(random() * 64)),
      ]);
  }
  await read(damaged, 'damaged.pdf');
  await read(original.subarray(0, Math.floor(random() * original.length)), 'cut.pdf');
}
// Let any stray rejection of the last documents surface before reporting.
await new Promise((resolve) => setTimeout(resolve, 300));
console.log(JSON.stringify(outcomes));
