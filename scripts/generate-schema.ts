// Writes docs/annual-report.schema.json from the runtime schema (`npm run schema`).
import { writeFileSync } from 'node:fs';
import { annualReportJsonSchema } from '../src/core/report/json-schema.js';

const target = new URL('../docs/annual-report.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(annualReportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
