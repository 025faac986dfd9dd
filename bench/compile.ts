// Benchmark: compile tables 三 and 四 from 100,000 cases (`npm run bench:compile`). Prints figures; not a test.
import { performance } from 'node:perf_hooks';
import {
  compileTables,
  type ApplicantType,
  type CaseFacts,
} from '../src/core/applications/compile-report.js';
import { OUTCOMES } from '../src/core/applications/outcomes.js';

const CASES = Number(process.argv[2] ?? 100_000);
const types: ApplicantType[] = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'publicWelfareOrganization',
  'legalServiceInstitution',
  'otherOrganization',
];

// A deterministic pseudo-random generator, so every run compiles the same cases.
let seed = 20_240_101;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const day = (offset: number) =>
  new Date(Date.UTC(2023, 6, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const cases: CaseFacts[] = Array.from({ length: CASES }, (_, i) => {
  const start = Math.floor(random() * 540);
  const open = random() < 0.05;
  return {
    id: `C${i}`,
    applicantType: types[Math.floor(random() * 6)]!,
    receivedOn: day(start),
    registeredOn: day(start),
    closedOn: open ? null : day(start + Math.floor(random() * 40)),
    outcome: open ? null : OUTCOMES[Math.floor(random() * OUTCOMES.length)]!.code,
  };
});

compileTables(cases.slice(0, 1000), { year: 2024 }); // warm up
const runs: number[] = [];
for (let i = 0; i < 5; i += 1) {
  const start = performance.now();
  compileTables(cases, { year: 2024 });
  runs.push(performance.now() - start);
}
runs.sort((a, b) => a - b);
const median = runs[2]!;
console.log(`compile ${CASES.toLocaleString('en')} cases (with per-cell explanations):`);
console.log(`  median ${median.toFixed(1)} ms, best ${runs[0]!.toFixed(1)} ms over ${runs.length} runs`);
console.log(
  `  ${Math.round(CASES / (median / 1000)).toLocaleString('en')} cases/s; target: 100,000 cases in < 1,000 ms`,
);
