/** Monitoring files over the real JSON-RPC wire: a rule file and an Alertmanager config, exact ranges and codes. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  HoverRequest,
  ReferencesRequest,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type Location,
} from 'vscode-languageserver-protocol';
import { ServicesRequest } from '../../server/src/protocol';
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

  describe('rules inside a ConfigMap key (as monitoring-stack.yaml mounts its configs)', () => {
    // CRLF line ends, a comment and a second document before the ConfigMap: the lines must still be exact.
    const text = [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata: {name: monitoring}',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: prometheus-rules',
      '  namespace: monitoring',
      'data:',
      '  alerts.rules.yml: |',
      '    groups:',
      '      - name: stack',
      '        rules:',
      '          - record: stack:up:sum',
      '            expr: sum by (job) (up)',
      '          # paged when a job is gone',
      '          - alert: StackJobDown',
      '            expr: |',
      '              stack:up:sum{job=~"prom.*"}',
      '                == 0',
      '            for: 5m',
      '',
    ].join('\r\n');
    let uri: string;
    before(async () => {
      uri = pathToFileURL(path.join(root, 'biome', 'rules-configmap.yaml')).href;
      await client.open(uri, text);
    });
    const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

    it('lenses "Open in Grafana" on the line of each rule', async () => {
      const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
      assert.deepEqual(
        lenses.map((l) => `${l.range.start.line + 1} ${l.command?.title} ${JSON.stringify(l.command?.arguments)}`),
        [`15 Open in Grafana [{"uri":"${uri}","line":14,"rule":"stack:up:sum"}]`, `18 Open in Grafana [{"uri":"${uri}","line":17,"rule":"StackJobDown"}]`],
      );
    });

    it('answers the rule at a lens line and at the cursor with its expr value', async () => {
      const lens = await client.connection.sendRequest(ServicesRequest, { uri, line: 17 });
      assert.deepEqual(lens.ruleAtCursor, {
        name: 'StackJobDown',
        type: 'alert',
        group: 'stack',
        expr: 'stack:up:sum{job=~"prom.*"}\n  == 0\n',
        uri,
        line: 17,
      });
      const cursor = await client.connection.sendRequest(ServicesRequest, { uri, line: 15, character: 20 });
      assert.equal(cursor.ruleAtCursor?.expr, 'sum by (job) (up)');
      assert.equal((await client.connection.sendRequest(ServicesRequest, { uri, line: 2, character: 3 })).ruleAtCursor, undefined);
    });

    it('completes the recorded name and hovers it inside the key', async () => {
      const completion = (await client.connection.sendRequest(CompletionRequest.type, at(19, 16))) as CompletionList | CompletionItem[] | null;
      const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
      assert.ok(
        items.some((i) => i.label === 'stack:up:sum' && i.detail === 'recording rule'),
        JSON.stringify(items.map((i) => i.label).slice(0, 20)),
      );
      const hover = (await client.connection.sendRequest(HoverRequest.type, at(19, 18))) as Hover | null;
      assert.match(JSON.stringify(hover?.contents), /Recording rule `stack:up:sum`/);
    });

    it('goes to the record: from a use in the key, and finds the use from it', async () => {
      const definition = (await client.connection.sendRequest(DefinitionRequest.type, at(19, 18))) as Location[];
      assert.deepEqual(
        definition.map((l) => [l.uri === uri, l.range]),
        [[true, { start: { line: 14, character: 20 }, end: { line: 14, character: 32 } }]],
      );
      const references = (await client.connection.sendRequest(ReferencesRequest.type, { ...at(14, 22), context: { includeDeclaration: true } })) as Location[];
      assert.deepEqual(
        references.map((l) => l.range),
        [{ start: { line: 19, character: 14 }, end: { line: 19, character: 26 } }],
      );
    });
  });
});
