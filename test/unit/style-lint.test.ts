/**
 * The style the brief asks for is enforced by lint (eslint.config.mjs), not only described: size budgets for
 * files, rule files and functions, and no floating promises in the product code. Each case lints text that breaks
 * one rule and expects exactly that rule to fire, so a config that stops enforcing it fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..');

/** The rule ids ESLint reports for `source` linted as if it were the file at `path`. */
async function ruleIds(eslint: ESLint, path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, path) });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const lines = (n: number): string => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
const functionOf = (bodyLines: number): string => `export function long(): number {\n  let n = 0;\n${'  n += 1;\n'.repeat(bodyLines - 4)}  return n;\n}\n`;

describe('style lint', () => {
  // In-memory files are in no tsconfig: the budget cases run without the type-aware rules.
  const untyped = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
        '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      },
    },
  });

  it('a file of 401 lines fails, 400 passes', async () => {
    assert.deepEqual(await ruleIds(untyped, 'server/src/engine/x.ts', lines(401)), ['max-lines']);
    assert.deepEqual(await ruleIds(untyped, 'client/src/x.ts', lines(400)), []);
  });

  it('a rule file of 151 lines fails, 150 passes', async () => {
    assert.deepEqual(await ruleIds(untyped, 'server/src/rules/x.ts', lines(151)), ['max-lines']);
    assert.deepEqual(await ruleIds(untyped, 'server/src/rules/x.ts', lines(150)), []);
  });

  it('a function of 61 lines fails, 60 passes', async () => {
    assert.deepEqual(await ruleIds(untyped, 'server/src/lsp/x.ts', functionOf(61)), ['max-lines-per-function']);
    assert.deepEqual(await ruleIds(untyped, 'server/src/lsp/x.ts', functionOf(60)), []);
  });

  it('a promise nobody handles fails in the server and the client (type-aware)', async () => {
    const typed = new ESLint({ cwd: root });
    for (const file of ['server/src/lsp/codeActions.ts', 'client/src/traceRedaction.ts']) {
      const source = readFileSync(join(root, file), 'utf8');
      assert.deepEqual(await ruleIds(typed, file, source), [], `${file} as it is passes`);
      const leak = `${source}\nexport function leak(work: () => Promise<void>): void {\n  work();\n}\n`;
      assert.deepEqual(await ruleIds(typed, file, leak), ['@typescript-eslint/no-floating-promises'], file);
    }
  });
});
