/**
 * Baselines in the editor (issue #14): with `biomeManifests.baseline.file` set to a baseline the CLI wrote, the
 * findings it records arrive as hints with a note (or not at all with `findings: hide`), and a new finding keeps its
 * severity. The baseline is written by the real CLI (`--baseline-write`), so editor and CI use one fingerprint.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { startClient } from './harness';
import { REPO_ROOT, SAMPLE_DIR } from '../helpers/paths';

const DEPLOYMENT = 'biome/main-app-deployment.yaml';

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1} ${d.severity === DiagnosticSeverity.Hint ? 'hint' : 'shown'} ${String(d.code)}`).sort();
}

describe('a CLI baseline in the editor', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-baseline-'));
    // Two files, so that the workspace load is over long before the test stops the server.
    for (const file of [DEPLOYMENT, 'biome/main-app-hpa.yaml']) fs.cpSync(path.join(SAMPLE_DIR, file), path.join(root, file));
    const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', '.', '--baseline-write', 'baseline.json'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(cli.status, 0, cli.stderr);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const findings of ['lower', 'hide'] as const) {
    it(`baseline.findings: ${findings}: baselined findings are ${findings === 'lower' ? 'hints with a note' : 'left out'}; a new one is shown`, async () => {
      const settings = { baseline: { file: 'baseline.json', findings } };
      const client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'sample' }], settings });
      try {
        const uri = pathToFileURL(path.join(root, DEPLOYMENT)).href;
        const text = fs.readFileSync(path.join(root, DEPLOYMENT), 'utf8');
        const opened = await client.open(uri, text, 1);
        // Every finding of the file is in the baseline: as hints, or not at all.
        if (findings === 'hide') assert.deepEqual(summary(opened), []);
        else assert.ok(opened.length >= 2 && opened.every((d) => d.severity === DiagnosticSeverity.Hint), summary(opened).join('\n'));
        if (findings === 'lower')
          assert.ok(
            opened.every((d) => String(d.message).endsWith('(In the baseline baseline.json: not new.)')),
            String(opened[0]?.message),
          );
        // A second container on :latest is a new finding: not in the baseline, shown at its own severity.
        const added = text.replace(/(\n {6}containers:\n)/, '$1        - name: sidecar\n          image: busybox:latest\n');
        assert.notEqual(added, text);
        const changed = await client.change(uri, added, 2);
        assert.ok(
          summary(changed).some((s) => / shown no-latest-tag$/.test(s)),
          summary(changed).join('\n'),
        );
        // The other file's diagnostics come after the workspace load: nothing is left in flight when the server stops.
        const hpa = pathToFileURL(path.join(root, 'biome/main-app-hpa.yaml')).href;
        if (!client.latest(hpa)) await client.diagnostics(hpa);
      } finally {
        await client.stop();
      }
    });
  }
});
