/**
 * The CLI's load (engine/workspace/load.ts, loadFilesSync) runs each file's AST checks at once and
 * releases its ASTs. The findings must be exactly those of a plain load that keeps every AST.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../server/src/setup';
import { loadFilesSync } from '../../server/src/engine/workspace/load';
import { SAMPLE_DIR } from '../helpers/paths';
import { assertSameFindings } from '../helpers/corpus';

/** One service's manifests, with a mistake in some (`:latest`, a missing Secret key, an unknown field, broken YAML). */
function serviceFile(i: number): string {
  const image = i % 17 === 3 ? 'nginx:latest' : 'nginx:1.27.1';
  const key = i % 23 === 5 ? 'TOKEN' : 'PASSWORD';
  const extra = i % 29 === 7 ? '  replica: 2\n' : '';
  const broken = i === 101 ? '  broken: [unclosed\n' : '';
  return [
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${i}\nspec:\n${extra}  selector:\n    matchLabels: {app: svc-${i}}\n  template:\n    metadata:\n      labels: {app: svc-${i}}\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n          env:\n            - name: PASSWORD\n              valueFrom:\n                secretKeyRef: {name: svc-${i}, key: ${key}}\n          resources:\n            requests: {cpu: 100m, memory: 64Mi}\n`,
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: svc-${i}\ndata:\n  PASSWORD: cGFzc3dvcmQ=\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: svc-${i}\ndata:\n${Array.from({ length: 60 }, (_, k) => `  setting${k}: "value ${k} for service ${i}"\n`).join('')}${broken}`,
  ].join('---\n');
}

describe('CLI load', () => {
  let root: string;
  let files: string[];
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-load-'));
    fs.cpSync(path.join(SAMPLE_DIR, 'biome'), path.join(root, 'biome'), { recursive: true });
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(root, `svc-${String(i).padStart(3, '0')}.yaml`), serviceFile(i));
    files = [
      ...fs.readdirSync(path.join(root, 'biome')).map((f) => path.join(root, 'biome', f)),
      ...fs
        .readdirSync(root)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(root, f)),
    ].sort();
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds exactly what a plain load that keeps every AST finds', () => {
    const plain = createEngine();
    for (const file of files) plain.index.setFile(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
    const loaded = createEngine();
    const skipped = new Map<string, string>();
    loadFilesSync(
      loaded.index,
      (uri) => loaded.linter.precheckAndRelease(uri),
      files,
      (file, reason) => skipped.set(file, reason),
    );
    assert.deepEqual([...skipped], []);
    const findings = assertSameFindings(plain, loaded, files);
    assert.ok(findings > 40, `the files have findings (${findings})`);
  });
});
