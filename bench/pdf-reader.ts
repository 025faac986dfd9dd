/**
 * How fast the PDF reader reads the fixture PDFs on one core: `npx tsx bench/pdf-reader.ts [seconds]`.
 * Prints PDFs per second (wall clock, one file at a time, as one scan worker reads) and CPU milliseconds per
 * PDF (user + system of this process, which is the fairer figure on a shared machine).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readPdf } from '../src/readers/pdf/index.js';
import { loadPdfJs } from '../src/readers/pdf/pdfjs.js';
import { REPORTS } from '../test/support/fixtures.js';

const seconds = Number(process.argv[2] ?? 10);
const dir = `${REPORTS}pdf/`;
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.pdf'))
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}${name}`)) }));

// Warm up: load pdf.js and let V8 optimise.
for (let i = 0; i < 6; i++) await readPdf(files[i % files.length]!.bytes, files[i % files.length]!.name);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
let count = 0;
let bytes = 0;
while (performance.now() - t0 < seconds * 1000) {
  const file = files[count % files.length]!;
  await readPdf(file.bytes, file.name);
  bytes += file.bytes.length;
  count++;
}
const wall = (performance.now() - t0) / 1000;
const { workerPatched } = await loadPdfJs();
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000 / count;
console.log(
  `${count} PDFs in ${wall.toFixed(1)} s: ${(count / wall).toFixed(1)} PDFs/s wall, ` +
    `${cpuMs.toFixed(1)} ms CPU per PDF (${(1000 / cpuMs).toFixed(1)} PDFs per CPU-second), ` +
    `${(bytes / wall / 1024 / 1024).toFixed(2)} MB/s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB` +
    (workerPatched ? '' : ' (pdf.js worker loaded unpatched: slower)'),
);
