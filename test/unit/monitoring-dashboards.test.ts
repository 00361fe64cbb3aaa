/**
 * Grafana dashboard JSON in the workspace (issue #13 part 4): recognised by name and content, its panel queries'
 * `job` matchers compared with the jobs the workspace's Prometheus configs and monitors define.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { engineWith, lintAll, TEST_FOLDER } from '../helpers/engineHarness';
import { dashboardQueries, isOtherJson, looksLikeDashboard, MAX_DASHBOARD_BYTES } from '../../server/src/engine/monitoring/dashboards';
import { jobMatchers, maskVariables } from '../../server/src/engine/monitoring/dashboardJobs';
import { findYamlFiles } from '../../server/src/engine/workspace/scan';
import { NOT_A_DASHBOARD, readWorkspaceText } from '../../server/src/engine/workspace/readFile';

const PROMETHEUS = `scrape_configs:
  - job_name: api
    static_configs:
      - targets: ['api:8080']
        labels: { job: api-static }
  - job_name: node
    static_configs:
      - targets: ['node:9100']
`;

function dashboard(panels: unknown[], extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ title: 'Overview', schemaVersion: 39, ...extra, panels }, null, 2)}\n`;
}

const panel = (title: string, ...exprs: string[]): unknown => ({ type: 'timeseries', title, targets: exprs.map((expr, i) => ({ refId: String(i), expr })) });

/** `file:line:column code` of every finding, columns as the CLI prints them. */
function findings(files: Record<string, string>): string[] {
  return lintAll(engineWith(files)).map((f) => `${f.uri.slice(TEST_FOLDER.length + 1)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code}`);
}

function dashboardFindings(files: Record<string, string>): string[] {
  return findings(files).filter((f) => f.includes('no-unknown-dashboard-job'));
}

describe('dashboard queries and their job matchers', () => {
  it('walks panels, panels nested in rows, and the old rows[].panels; other datasources are left out', () => {
    const value = {
      schemaVersion: 16,
      panels: [
        { title: 'A', targets: [{ expr: 'up{job="a"}' }] },
        { type: 'row', title: 'Row', panels: [{ title: 'B', datasource: { type: 'prometheus' }, targets: [{ expr: 'up{job="b"}' }] }] },
        { title: 'Logs', datasource: { type: 'loki', uid: 'l' }, targets: [{ expr: '{job="c"} |= "error"' }] },
        { title: 'Mixed', datasource: { type: 'datasource', uid: '-- Mixed --' }, targets: [{ datasource: { type: 'prometheus' }, expr: 'x' }] },
      ],
      rows: [{ panels: [{ targets: [{ expr: 'up{job="d"}' }] }] }],
    };
    assert.deepEqual(
      dashboardQueries(value).map((q) => `${q.panel} ${q.path.join('.')}`),
      ['A panels.0.targets.0.expr', 'B panels.1.panels.0.targets.0.expr', 'Mixed panels.3.targets.0.expr', '#1 rows.0.panels.0.targets.0.expr'],
    );
  });

  it('masks Grafana variables to same-length PromQL, outside strings only', () => {
    const expr = 'rate(x{job="$job"}[$__rate_interval]) > ${threshold}';
    const masked = maskVariables(expr);
    assert.equal(masked.length, expr.length);
    assert.equal(masked, `rate(x{job="$job"}[1s${' '.repeat(14)}]) > 1${' '.repeat(11)}`);
  });

  it('returns literal names with their offsets; variables, wide regexes and non-PromQL are not judged', () => {
    assert.deepEqual(jobMatchers('sum(rate(x{job="api"}[$__rate_interval]))'), [{ start: 11, end: 20, names: ['api'] }]);
    assert.deepEqual(jobMatchers('up{job=~"(api|web)"}')[0]?.names, ['api', 'web']);
    assert.deepEqual(jobMatchers('up{job=~"api\\\\.v1"}')[0]?.names, ['api.v1']);
    for (const expr of [
      'up{job="$job"}',
      'up{job=~"${job:regex}"}',
      'up{job=~".+"}',
      'up{job=~"api.*"}',
      'up{job!="api"}',
      '{job="a"} |= "x"',
      'up{instance="a"}',
    ])
      assert.deepEqual(jobMatchers(expr), [], expr);
  });

  it('recognises a dashboard by its content, not every .json file', () => {
    assert.ok(looksLikeDashboard(dashboard([panel('A', 'up')])));
    assert.ok(!looksLikeDashboard('{ "name": "app", "version": "1.0.0", "dependencies": {} }'));
    assert.ok(!looksLikeDashboard('[{ "schemaVersion": 1, "panels": [] }]'));
  });
});

describe('no-unknown-dashboard-job', () => {
  it('reports a job no scrape config defines, at the matcher inside the JSON string', () => {
    const text = dashboard([panel('Requests', 'sum(rate(http_requests_total{job="billing"}[5m]))', 'up{job="node"}', 'up{job="api-static"}')]);
    const line = text.split('\n').findIndex((l) => l.includes('billing')) + 1;
    const column = (text.split('\n')[line - 1] ?? '').indexOf('job=') + 1;
    assert.deepEqual(dashboardFindings({ 'grafana/overview.json': text, 'prometheus.yml': PROMETHEUS }), [
      `grafana/overview.json:${line}:${column} no-unknown-dashboard-job`,
    ]);
  });

  it('maps positions through escapes on one minified line, and with CRLF line ends', () => {
    const minified = JSON.stringify({ schemaVersion: 39, panels: [panel('P', 'up{job="nod"} == 0')] });
    assert.deepEqual(dashboardFindings({ 'm.json': minified, 'prometheus.yml': PROMETHEUS }), [
      `m.json:1:${minified.indexOf('job=\\"nod') + 1} no-unknown-dashboard-job`,
    ]);
    const crlf = dashboard([panel('P', 'up{job=~"api|web"}')]).replace(/\n/g, '\r\n');
    const row = crlf.split('\r\n').findIndex((l) => l.includes('api|web'));
    const at = (crlf.split('\r\n')[row] ?? '').indexOf('job=~') + 1;
    assert.deepEqual(dashboardFindings({ 'c.json': crlf, 'prometheus.yml': PROMETHEUS }), [`c.json:${row + 1}:${at} no-unknown-dashboard-job`]);
  });

  it('says which job and suggests the closest', () => {
    const engine = engineWith({ 'd.json': dashboard([panel('Nodes', 'up{job="nodes"}')]), 'prometheus.yml': PROMETHEUS });
    const finding = lintAll(engine).find((f) => f.code === 'no-unknown-dashboard-job');
    assert.equal(finding?.severity, 'info');
    assert.match(finding?.message ?? '', /^Panel "Nodes" queries job "nodes", which no scrape config of the workspace defines: .*Did you mean "node"\?$/);
  });

  it('knows jobs from ConfigMap-embedded configs, ServiceMonitors (Service name or jobLabel) and PodMonitors', () => {
    const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: prometheus
data:
  prometheus.yml: |
    scrape_configs:
      - job_name: from-configmap
        static_configs:
          - targets: ['x:1']
`;
    const monitors = `apiVersion: v1
kind: Service
metadata: { name: checkout, namespace: shop, labels: { app: checkout } }
spec: { selector: { app: checkout }, ports: [{ name: http, port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: cart-svc, namespace: shop, labels: { app: cart, team-job: cart } }
spec: { selector: { app: cart }, ports: [{ name: http, port: 80 }] }
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: { name: checkout, namespace: shop }
spec: { selector: { matchLabels: { app: checkout } }, endpoints: [{ port: http }] }
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: { name: cart, namespace: shop }
spec: { jobLabel: team-job, selector: { matchLabels: { app: cart } }, endpoints: [{ port: http }] }
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: { name: workers, namespace: shop }
spec: { selector: { matchLabels: { app: workers } }, podMetricsEndpoints: [{ port: metrics }] }
`;
    const queries = ['up{job="from-configmap"}', 'up{job="checkout"}', 'up{job="cart"}', 'up{job="shop/workers"}', 'up{job="cart-svc"}'];
    const text = dashboard([panel('P', ...queries)]);
    const found = dashboardFindings({ 'd.json': text, 'prom-cm.yaml': configMap, 'monitors.yaml': monitors });
    assert.equal(found.length, 1, found.join('\n'));
    assert.equal(
      found[0]!.split(' ')[0],
      `d.json:${text.split('\n').findIndex((l) => l.includes('cart-svc')) + 1}:${(text.split('\n').find((l) => l.includes('cart-svc')) ?? '').indexOf('job=') + 1}`,
    );
  });

  it('judges nothing without a scrape config, or where relabelling rewrites job', () => {
    const text = dashboard([panel('P', 'up{job="billing"}')]);
    assert.deepEqual(dashboardFindings({ 'd.json': text }), []);
    const relabelled = `${PROMETHEUS}    relabel_configs:\n      - source_labels: [__meta_x]\n        target_label: job\n`;
    assert.deepEqual(dashboardFindings({ 'd.json': text, 'prometheus.yml': relabelled }), []);
  });

  it('a dashboard with $job template variables is skipped, not flagged', () => {
    const text = dashboard([panel('P', 'sum by (instance) (rate(x{job=~"$job"}[$__rate_interval]))', 'up{job="${job}"}')], {
      templating: { list: [{ name: 'job', type: 'query', query: 'label_values(up, job)' }] },
    });
    assert.deepEqual(
      findings({ 'd.json': text, 'prometheus.yml': PROMETHEUS }).filter((f) => f.startsWith('d.json')),
      [],
    );
  });

  it('a .json file that is not a dashboard is not a manifest: no finding of any kind', () => {
    assert.deepEqual(findings({ 'package.json': '{ "name": "x", "scripts": { "a": "b" }, "panels": 1 }' }), []);
  });
});

describe('dashboard files on disk', () => {
  it('the scan lists .json files only when asked; the read keeps only dashboards, within the bound', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-dashboards-'));
    try {
      fs.writeFileSync(path.join(root, 'overview.json'), dashboard([panel('A', 'up')]));
      fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "x" }');
      fs.writeFileSync(path.join(root, 'big.json'), `{ "schemaVersion": 1, "panels": [], "pad": "${'x'.repeat(6 * 1024 * 1024)}" }`);
      fs.writeFileSync(path.join(root, 'app.yaml'), 'a: 1\n');
      const names = async (dashboards: boolean): Promise<string[]> => (await findYamlFiles(root, { exclude: [], dashboards })).map((f) => path.basename(f));
      assert.deepEqual(await names(false), ['app.yaml']);
      assert.deepEqual(await names(true), ['app.yaml', 'big.json', 'overview.json', 'package.json']);
      assert.equal((await readWorkspaceText(path.join(root, 'overview.json'))).ok, true);
      assert.deepEqual(await readWorkspaceText(path.join(root, 'package.json')), { ok: false, reason: NOT_A_DASHBOARD });
      assert.deepEqual(await readWorkspaceText(path.join(root, 'big.json')), { ok: false, reason: NOT_A_DASHBOARD });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('editor texts of .json files', () => {
  const dashboard = '{ "title": "d", "schemaVersion": 39, "panels": [] }';
  it('only a dashboard within the bound is followed; YAML is never affected', () => {
    assert.equal(isOtherJson('file:///w/d.json', dashboard), false);
    assert.equal(isOtherJson('file:///w/package.json', '{ "name": "p", "version": "1.0.0" }'), true);
    assert.equal(isOtherJson('file:///w/D.JSON', '{ "schemaVersion": 39 }'), true, 'no panels or rows: not a dashboard');
    assert.equal(isOtherJson('file:///w/a.yaml', '{ "name": "p" }'), false);
    const huge = dashboard.replace('"panels": []', `"description": "${'x'.repeat(MAX_DASHBOARD_BYTES)}", "panels": []`);
    assert.equal(isOtherJson('file:///w/d.json', huge), true, 'over the dashboard bound');
  });
});
