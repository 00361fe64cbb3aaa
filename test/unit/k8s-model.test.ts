/**
 * One Kubernetes model (engine/k8s): the resource map, the service preview and the rules read the same
 * references and scrape targets, so the map marks broken exactly what the rules report.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildResourceGraph } from '../../server/src/engine/graph/resourceGraph';
import { renderManifests } from '../../server/src/lsp/render';
import { edgeLines as edges } from '../helpers/graphEdges';
import { engineWith, lintAll, summarize, TEST_FOLDER } from '../helpers/engineHarness';

const PROJECTED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: web:1.0.0
      volumes:
        - name: bundle
          projected:
            sources:
              - secret: { name: creds }
              - configMap:
                  name: cfg
                  items:
                    - { key: missing-key, path: a }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  other: x
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - port: 80
`;

describe('projected volumes: one reading for the rules, the resource map and the preview', () => {
  it('the rules report the missing projected Secret and the missing projected ConfigMap key', () => {
    const findings = summarize(lintAll(engineWith({ 'web.yaml': PROJECTED }))).filter((f) => f.includes('no-missing'));
    assert.deepEqual(findings.sort(), ['web.yaml:19 no-missing-secret', 'web.yaml:23 no-missing-configmap-key']);
  });

  it('the resource map draws both as broken references', () => {
    const all = edges(buildResourceGraph(engineWith({ 'web.yaml': PROJECTED }).index));
    assert.deepEqual(all.filter((e) => e.startsWith('Deployment/web')).sort(), [
      'Deployment/web -[reads key missing-key, broken]-> ConfigMap/cfg',
      'Deployment/web -[uses ConfigMap]-> ConfigMap/cfg',
      'Deployment/web -[uses Secret, broken]-> MISSING Secret/creds',
    ]);
  });

  it('the service preview includes the Secret a projected volume mounts', () => {
    const secret = `apiVersion: v1
kind: Secret
metadata:
  name: creds
stringData:
  token: t
`;
    const engine = engineWith({ 'web.yaml': PROJECTED, 'creds.yaml': secret });
    const result = renderManifests(engine.index, { target: { kind: 'service', name: 'web' }, mode: 'full', root: TEST_FOLDER });
    assert.deepEqual(
      result.objects.map((o) => `${o.kind}/${o.name}`),
      ['ConfigMap/cfg', 'Secret/creds', 'Service/web', 'Deployment/web'],
    );
  });

  it('a Secret another resource creates (a cert-manager Certificate) is not a broken reference, as no-missing-secret says', () => {
    const certificate = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: tls
spec:
  secretName: creds
`;
    const engine = engineWith({ 'web.yaml': PROJECTED, 'cert.yaml': certificate });
    assert.deepEqual(
      summarize(lintAll(engine)).filter((f) => f.includes('no-missing-secret')),
      [],
    );
    assert.deepEqual(
      edges(buildResourceGraph(engine.index)).filter((e) => e.includes('Secret/creds')),
      ['Deployment/web -[uses Secret]-> MISSING Secret/creds'],
    );
  });
});

describe('scrape targets: one reading for the rules and the resource map', () => {
  const prometheus = `scrape_configs:
  - job_name: blackbox
    static_configs:
      - targets: ['probe-me:80']
    relabel_configs:
      - source_labels: [__address__]
        target_label: __param_target
      - target_label: __address__
        replacement: blackbox-exporter:9115
  - job_name: external
    static_configs:
      - targets: ['db.example.com:5432', '10.0.0.1:9100']
  - job_name: typo
    static_configs:
      - targets: ['api-gatewy:3000']
`;
  const engine = engineWith({ 'prometheus.yml': prometheus });

  it('the rules report only the bare name that resolves to no Service', () => {
    assert.deepEqual(summarize(lintAll(engine)), ['prometheus.yml:15 no-unknown-scrape-target']);
  });

  it('the map skips jobs that relabel __address__ and hosts that are not Service names, and breaks only the typo', () => {
    assert.deepEqual(edges(buildResourceGraph(engine.index)), ['PrometheusJob/typo -[scrapes api-gatewy:3000, broken]-> MISSING Service/api-gatewy']);
  });
});
