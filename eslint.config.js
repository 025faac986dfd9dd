// ESLint flat config. The `layers` section enforces the dependency direction of ARCHITECTURE.md:
//   server, cli, web → services → core;  services → storage, readers;  storage → core;  readers → core;  core → nothing.
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

const folders = ['core', 'readers', 'storage', 'services', 'server', 'web', 'cli'];

/** What each folder under src/ may import from the others (itself always allowed). */
export const allowed = {
  core: [],
  readers: ['core'],
  storage: ['core'],
  services: ['core', 'storage', 'readers'],
  server: ['services', 'core', 'readers'],
  web: ['core'],
  cli: ['services', 'core', 'readers'],
};

/** Node and package modules that would give the pure core I/O, a clock source or a database. */
const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'child_process',
  'node:child_process',
  'http',
  'node:http',
  'net',
  'node:net',
  'worker_threads',
  'node:worker_threads',
  'better-sqlite3',
  'pg',
  'kysely',
  'fastify',
];

function layerRule(folder, { io }) {
  const forbidden = folders.filter((other) => other !== folder && !allowed[folder].includes(other));
  return [
    'error',
    {
      ...(io ? { paths: ioModules.map((name) => ({ name, message: 'src/core is pure: no I/O.' })) } : {}),
      patterns: forbidden.map((other) => ({
        group: [`**/${other}/*`, `**/${other}`],
        message: `src/${folder} may not import src/${other} (dependency direction, see ARCHITECTURE.md).`,
      })),
    },
  ];
}

const layerRules = folders.flatMap((folder) => [
  {
    files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.vue`],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': layerRule(folder, { io: folder === 'core' }) },
  },
  // Tests beside the code may read fixtures from disk, but still keep the layer direction.
  {
    files: [`src/${folder}/**/*.test.ts`],
    rules: { 'no-restricted-imports': layerRule(folder, { io: false }) },
  },
]);

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'data/',
      '.bench/',
      // Generated: the API types (npm run api:client) and the component registry (unplugin-vue-components).
      'src/web/api/schema.d.ts',
      'src/web/components.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The console's single-file components (src/web), parsed as TypeScript inside <script setup lang="ts">.
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['src/web/**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
    rules: {
      // vue-tsc checks names (browser globals included); the formatting rules are prettier's.
      'no-undef': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
    },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.test.ts', 'test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  ...layerRules,
);
