import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { allowed } from '../eslint.config.js';

const architecture = readFileSync(new URL('../ARCHITECTURE.md', import.meta.url), 'utf8');

/** The dependency table of ARCHITECTURE.md, between its layers markers. */
function documentedLayers(): Record<string, string[]> {
  const block = architecture.split('<!-- layers:start -->')[1]!.split('<!-- layers:end -->')[0]!;
  const rows = block
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.includes('may import') && !line.includes('---'));
  return Object.fromEntries(
    rows.map((line) => {
      const [folder = '', imports = ''] = line
        .split('|')
        .slice(1, 3)
        .map((cell) => cell.trim());
      return [folder, imports === '(nothing)' ? [] : imports.split(',').map((s) => s.trim())];
    }),
  );
}

describe('the dependency rule', () => {
  it('is the same in ARCHITECTURE.md and in the lint rule', () => {
    expect(documentedLayers()).toEqual(allowed);
  });

  it('lists every folder of src/ in ARCHITECTURE.md', () => {
    for (const folder of Object.keys(allowed)) expect(architecture).toContain(`\`src/${folder}/\``);
  });

  const eslint = new ESLint();
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it('fails lint when core imports storage or I/O, and when a route imports storage', async () => {
    expect(
      await lint('src/core/x.ts', "import { a } from '../storage/db.js';\nexport const b = a;\n"),
    ).toHaveLength(1);
    expect(
      await lint(
        'src/core/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n",
      ),
    ).toHaveLength(1);
    expect(
      await lint('src/server/x.ts', "import { a } from '../storage/db.js';\nexport const b = a;\n"),
    ).toHaveLength(1);
    expect(
      await lint('src/readers/x.ts', "import { a } from '../services/s.js';\nexport const b = a;\n"),
    ).toHaveLength(1);
  });

  it('keeps the console (src/web, .ts and .vue) to core only', async () => {
    expect(
      await lint(
        'src/web/x.vue',
        '<script setup lang="ts">\nimport { a } from \'../services/s.js\';\nconsole.log(a);\n</script>\n',
      ),
    ).toHaveLength(1);
    expect(
      await lint('src/web/x.ts', "import { a } from '../storage/db.js';\nexport const b = a;\n"),
    ).toHaveLength(1);
    expect(
      await lint(
        'src/web/x.vue',
        '<script setup lang="ts">\nimport { a } from \'../core/m.js\';\nconsole.log(a);\n</script>\n',
      ),
    ).toEqual([]);
  });

  it('passes lint for the allowed directions', async () => {
    expect(
      await lint('src/services/x.ts', "import { a } from '../storage/db.js';\nexport const b = a;\n"),
    ).toEqual([]);
    expect(
      await lint('src/cli/x.ts', "import { a } from '../services/s.js';\nexport const b = a;\n"),
    ).toEqual([]);
    expect(
      await lint('src/readers/x.ts', "import { a } from '../core/m.js';\nexport const b = a;\n"),
    ).toEqual([]);
  });
});
