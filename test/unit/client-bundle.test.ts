/**
 * dist/extension.js carries no YAML parser and no engine code (issue #15, item 10): parsing on the extension host
 * blocked it. The client is bundled here as scripts/build.mjs bundles it, and esbuild's metafile lists what went in.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../helpers/paths';

/** The server files the client may bundle: wire types and two import-free helpers (eslint.config.mjs). */
const ALLOWED_SERVER_FILES = ['server/src/protocol.ts', 'server/src/engine/secrets/base64.ts', 'server/src/engine/schema/kubernetesVersions.ts'];

async function bundledInputs(options: esbuild.BuildOptions): Promise<string[]> {
  const result = await esbuild.build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: REPO_ROOT,
    ...options,
  });
  return Object.keys(result.metafile?.inputs ?? {});
}

/** What must not be in the client: a YAML parser package or server code beyond the allowed files. */
function forbiddenInputs(inputs: string[]): string[] {
  return inputs.filter((input) => /(^|\/)node_modules\/(yaml|js-yaml)\//.test(input) || (input.startsWith('server/') && !ALLOWED_SERVER_FILES.includes(input)));
}

describe('the client bundle', () => {
  it('has no YAML parser and no engine code in it', async () => {
    const inputs = await bundledInputs({ entryPoints: [join(REPO_ROOT, 'client/src/extension.ts')] });
    assert.ok(inputs.includes('client/src/extension.ts') && inputs.some((i) => i.includes('vscode-languageclient')), 'the metafile lists the client');
    assert.deepEqual(forbiddenInputs(inputs), []);
  });

  it('would be caught with a YAML parser or engine code in it', async () => {
    const inputs = await bundledInputs({
      stdin: {
        contents: "import { parse } from 'yaml';\nimport { createEngine } from './server/src/setup';\nconsole.log(parse, createEngine);\n",
        resolveDir: REPO_ROOT,
        sourcefile: 'client/src/x.ts',
        loader: 'ts',
      },
    });
    const found = forbiddenInputs(inputs);
    assert.ok(
      found.some((i) => i.startsWith('node_modules/yaml/')),
      'the yaml package is reported',
    );
    assert.ok(found.includes('server/src/setup.ts'), 'engine code is reported');
  });
});
