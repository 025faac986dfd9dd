// Types for importing eslint.config.js from tests (test/architecture.test.ts).
export declare const allowed: Record<string, string[]>;
declare const config: unknown;
export default config;
