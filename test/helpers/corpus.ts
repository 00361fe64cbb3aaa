/** The YAML files tests run over, and the comparison of two engines' findings on them. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../../server/src/setup';

/** Every .yaml/.yml file below `dir`, sorted. */
export function yamlFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFilesUnder(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

/** Asserts that `actual` finds in each file exactly what `expected` finds; returns how many findings that was. */
export function assertSameFindings(expected: Engine, actual: Engine, files: readonly string[]): number {
  let findings = 0;
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    const wanted = expected.linter.lintFile(uri);
    assert.deepEqual(actual.linter.lintFile(uri), wanted, file);
    findings += wanted.length;
  }
  return findings;
}
