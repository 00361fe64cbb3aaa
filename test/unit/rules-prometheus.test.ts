/** Prometheus static targets against the workspace's Services (sample findings #4 and #5). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, summarize } from '../helpers/engineHarness';
import { applyEdits } from '../helpers/applyEdits';
import { sampleEngine, sampleUri } from '../helpers/sampleEngine';
import type { Finding } from '../../server/src/engine/types';

const RULES = ['no-unexposed-scrape-port', 'no-unknown-scrape-target'];

function findings(files: Record<string, string>): Finding[] {
  return lintAll(engineWith(files)).filter((f) => RULES.includes(f.code));
}

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: main-app
spec:
  selector:
    app: main-app
  ports:
    - port: 80
      targetPort: 3000
---
apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
---
apiVersion: v1
kind: Service
metadata:
  name: thanos
  namespace: monitoring
spec:
  clusterIP: None
  selector:
    app: thanos
  ports:
    - port: 10901
      targetPort: 10902
`;

function prometheus(targets: string): string {
  return `scrape_configs:\n  - job_name: all\n    static_configs:\n      - targets: [${targets}]\n`;
}

describe('the sample', () => {
  it('reports main-app:3000 (warning, line 17) and the three unknown Services (info), nothing else', () => {
    const engine = sampleEngine();
    const all = [...engine.index.files()].flatMap((f) => engine.linter.lintFile(f.uri));
    const mine = all.filter((f) => RULES.includes(f.code));
    assert.deepEqual(
      mine.map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code}`),
      ['17 warning no-unexposed-scrape-port', '24 info no-unknown-scrape-target', '27 info no-unknown-scrape-target', '30 info no-unknown-scrape-target'],
    );
    const warning = mine[0]!;
    assert.equal(warning.uri, sampleUri('infrastructure/monitoring/prometheus.yml'));
    assert.equal(
      warning.message,
      'Job main-app scrapes main-app:3000, but Service main-app (namespace default) exposes 80 (targetPort 3000): 3000 is the targetPort behind port 80, a container port the Service name does not listen on. The scrape fails. Scrape main-app:80, or scrape the pods through service discovery.',
    );
    assert.deepEqual(
      warning.data?.fixes?.map((f) => [f.title, f.safety]),
      [['Scrape main-app:80', 'safe']],
    );
    assert.match(mine[1]!.message, /^Job api-gateway scrapes api-gateway:3000, but no Service api-gateway is in this workspace/);
  });
});

describe('static targets', () => {
  it('resolves svc, svc.ns, svc.ns.svc and svc.ns.svc.cluster.local', () => {
    const ok = "'main-app:80', 'main-app.default:80', 'main-app.default.svc:80', 'main-app.default.svc.cluster.local:80'";
    assert.deepEqual(findings({ 's.yaml': SERVICES, 'prometheus.yml': prometheus(ok) }), []);
    const bad = "'main-app.default.svc.cluster.local:3000'";
    assert.deepEqual(summarize(findings({ 's.yaml': SERVICES, 'prometheus.yml': prometheus(bad) })), ['prometheus.yml:4 no-unexposed-scrape-port']);
  });

  it('accepts target ports of headless Services (their names resolve to pods)', () => {
    assert.deepEqual(findings({ 's.yaml': SERVICES, 'prometheus.yml': prometheus("'thanos.monitoring:10902'") }), []);
  });

  it('reports unknown in-cluster names, but not external domains, IPs or localhost', () => {
    const targets = "'db.example.com:9187', '10.0.0.1:9100', 'localhost:9090', 'grafana.monitoring:3000', 'billing.prod.svc:80'";
    assert.deepEqual(
      findings({ 's.yaml': SERVICES, 'prometheus.yml': prometheus(targets) }).map((f) => f.message.split(',')[0]),
      ['Job all scrapes grafana.monitoring:3000', 'Job all scrapes billing.prod.svc:80'],
    );
  });

  it('keeps the quoting when fixing the port', () => {
    const files = { 's.yaml': SERVICES, 'prometheus.yml': prometheus('"main-app:3000"') };
    const [f] = findings(files);
    const fixed = applyEdits(files['prometheus.yml'], f!.data!.fixes![0]!.edits[0]!.edits);
    assert.equal(fixed, prometheus('"main-app:80"'));
  });

  it('skips jobs that rewrite __address__', () => {
    const config = `scrape_configs:
  - job_name: blackbox
    static_configs:
      - targets: ['unknown-thing:80']
    relabel_configs:
      - source_labels: [__address__]
        target_label: __param_target
      - target_label: __address__
        replacement: blackbox-exporter:9115
`;
    assert.deepEqual(findings({ 'prometheus.yml': config }), []);
  });
});
