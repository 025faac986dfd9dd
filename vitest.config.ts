import { defineConfig } from 'vitest/config';
import { isPdfJsError } from './src/readers/pdf/stray-rejections.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    // Generous on purpose: the suite must pass on a shared machine with every core busy (a test that is slow there
    // is not wrong). Speed is measured by the benchmarks in bench/, never by a test's time limit.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // expect.poll (the console's end-to-end tests wait for the page with it) gives up after 1 s by default.
    expect: { poll: { timeout: 120_000, interval: 100 } },
    // pdf.js's stray internal rejections on damaged PDFs are dropped by the reader's own listener in a real
    // process (src/readers/pdf/stray-rejections.ts; test/readers/pdf-stray-rejections.test.ts runs one without
    // Vitest). Vitest listens as well and would count them; only those are ignored here.
    onUnhandledError: (error) => (isPdfJsError(error) ? false : undefined),
  },
});
