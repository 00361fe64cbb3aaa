/**
 * The layers are enforced by lint (eslint.config.mjs): ESLint's Node API on in-memory files placed in
 * each folder shows that an import pointing up fails `npm test`, and that the allowed ones pass.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..');
// The in-memory files below are not in any tsconfig, so the type-aware rules (which need the project) are off here.
const UNTYPED: ESLint.Options['overrideConfig'] = {
  files: ['**/*.ts'],
  languageOptions: { parserOptions: { projectService: false } },
  rules: {
    '@typescript-eslint/no-floating-promises': 'off',
    '@typescript-eslint/no-misused-promises': 'off',
    '@typescript-eslint/no-unnecessary-type-assertion': 'off',
  },
};
const eslint = new ESLint({ cwd: root, overrideConfig: UNTYPED });

/** The no-restricted-imports messages for `source` linted as if it were the file at `path`. */
async function restricted(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, path) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const use = (specifier: string): string => `import * as m from '${specifier}';\nexport const used = m;\n`;

describe('layer lint rules', () => {
  const forbidden: [string, string, RegExp][] = [
    ['server/src/engine/graph/x.ts', '../../rules/helpers/edits', /engine is the bottom layer/],
    ['server/src/engine/insight/x.ts', '../../lsp/render', /engine is the bottom layer/],
    ['server/src/engine/x.ts', '../cli/format', /engine is the bottom layer/],
    ['server/src/engine/graph/x.ts', '../../protocol', /no wire types/],
    ['server/src/engine/document/x.ts', 'vscode-languageserver', /pure TypeScript/],
    ['server/src/engine/workspace/x.ts', '../lint/rule', /do not import it/],
    ['server/src/engine/k8s/x.ts', '../lint/workspaceView', /do not import it/],
    ['server/src/rules/x.ts', '../lsp/render', /do not import lsp or cli/],
    ['server/src/rules/helpers/x.ts', '../../lsp/diagnostics', /do not import lsp or cli/],
    ['client/src/x.ts', '../../server/src/engine/document/manifestFile', /over protocol.ts only/],
    ['client/src/commands/x.ts', '../../../server/src/engine/graph/resourceGraph', /over protocol.ts only/],
    ['client/src/x.ts', 'yaml', /does not parse YAML/],
    ['server/src/engine/secrets/base64.ts', '../types', /imports nothing/],
  ];
  for (const [path, specifier, message] of forbidden) {
    it(`${path} may not import ${specifier}`, async () => {
      const messages = await restricted(path, use(specifier));
      assert.equal(messages.length, 1, `expected one restricted import, got ${JSON.stringify(messages)}`);
      assert.match(messages[0]!, message);
    });
  }

  const allowed: [string, string][] = [
    ['server/src/engine/graph/x.ts', '../k8s/selection'],
    ['server/src/engine/lint/x.ts', '../schema/schemaChecker'],
    ['server/src/rules/x.ts', '../engine/k8s/podSpec'],
    ['server/src/lsp/x.ts', '../rules/index'],
    ['client/src/x.ts', '../../server/src/protocol'],
    ['client/src/commands/x.ts', '../../../server/src/engine/secrets/base64'],
  ];
  for (const [path, specifier] of allowed) {
    it(`${path} may import ${specifier}`, async () => {
      assert.deepEqual(await restricted(path, use(specifier)), []);
    });
  }
});
