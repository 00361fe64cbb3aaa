/** Monitoring files over the real JSON-RPC wire: a rule file and an Alertmanager config, exact ranges and codes. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';
import { SAMPLE_DIR } from '../helpers/paths';

function brief(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${String(d.code)}`;
}

describe('monitoring files over LSP', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-monitoring-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'sample' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('the sample prometheus.yml and alertmanager.yml have no monitoring errors', async () => {
    for (const name of ['prometheus.yml', 'alertmanager.yml']) {
      const file = path.join(root, 'infrastructure', 'monitoring', name);
      const diagnostics = await client.open(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
      assert.deepEqual(diagnostics.filter((d) => d.severity === 1).map(brief), [], name);
    }
  });

  it('a rule file: the PromQL error at its character in a block scalar, the recording rule with for', async () => {
    const uri = pathToFileURL(path.join(root, 'infrastructure', 'monitoring', 'rules', 'api.yml')).href;
    const text = [
      'groups:',
      '  - name: api',
      '    rules:',
      '      - alert: HighErrorRate',
      '        expr: |',
      '          sum(rate(errors_total[5m]))',
      '            / sum(rate(requests_total[5m]) > 0.05',
      '        annotations:',
      "          summary: 'errors on {{ $labels.job }}'",
      '      - record: job:requests:rate5m',
      '        expr: sum by (job) (rate(requests_total[5m]))',
      '        for: 5m',
      '',
    ].join('\n');
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(diagnostics.map(brief), ['7:50-50 valid-promql', '12:9-12 valid-rule-definition']);
    assert.ok(diagnostics.every((d) => d.source === 'biome-manifests' && d.severity === 1));
  });

  it('an Alertmanager config: the undefined receiver, and the deprecated match', async () => {
    const uri = pathToFileURL(path.join(root, 'infrastructure', 'monitoring', 'alertmanager-team.yaml')).href;
    const text = [
      'route:',
      '  receiver: team',
      '  routes:',
      '    - match:',
      '        severity: critical',
      '      receiver: pagr',
      'receivers:',
      '  - name: team',
      '  - name: pager',
      '',
    ].join('\n');
    const diagnostics = (await client.open(uri, text)).sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(diagnostics.map(brief), ['4:7-12 no-deprecated-alertmanager-match', '6:17-21 no-missing-alertmanager-receiver']);
    assert.match(String(diagnostics[1]!.message), /Did you mean pager\?/);
  });
});
