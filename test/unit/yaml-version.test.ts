/**
 * The fast parser (server/src/engine/document/fastYaml) builds yaml's AST by hand: the installed
 * yaml must be the release it was checked against, and package.json must pin that release exactly
 * (a caret range would let `npm install` move it silently).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { CHECKED_YAML_VERSION } from '../../server/src/engine/document/fastYaml/checkedYamlVersion';

function versionOf(file: string): unknown {
  const json: unknown = JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8'));
  return typeof json === 'object' && json !== null && 'version' in json ? json.version : undefined;
}

function pinnedInPackageJson(): unknown {
  // The extension and the CLI bundle yaml, so it is a dev dependency (the npm package is the CLI bundle alone).
  const json = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return json.dependencies?.yaml ?? json.devDependencies?.yaml;
}

describe('the yaml release the fast parser builds ASTs for', () => {
  it('is the installed one', () => {
    const installed = versionOf('node_modules/yaml/package.json');
    assert.equal(
      installed,
      CHECKED_YAML_VERSION,
      `yaml ${String(installed)} is installed, but the fast parser was checked against yaml ${CHECKED_YAML_VERSION}. ` +
        'Run the differential tests (test/unit/fast-parse.test.ts) and `npm run bench` on the new release, then update ' +
        'CHECKED_YAML_VERSION in server/src/engine/document/fastYaml/checkedYamlVersion.ts and the pin in package.json.',
    );
  });

  it('is pinned exactly in package.json', () => {
    assert.equal(pinnedInPackageJson(), CHECKED_YAML_VERSION, 'package.json must pin yaml to exactly CHECKED_YAML_VERSION (no ^ or ~)');
  });
});
