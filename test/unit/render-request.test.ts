/** biomeManifests/render: patches merged over bases, stable order, headers naming the sources. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { renderManifests } from '../../server/src/lsp/render';
import { sampleEngine, SAMPLE_URI, sampleUri } from '../helpers/sampleEngine';
import { engineWith, TEST_FOLDER } from '../helpers/engineHarness';

const engine = sampleEngine();

function docs(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as Record<string, unknown>)
    .filter((d) => d !== null);
}

describe('render: folder', () => {
  const result = renderManifests(engine.index, { target: { kind: 'folder', uri: sampleUri('biome') }, mode: 'full', root: SAMPLE_URI });

  it('lists objects in kustomize order (Namespace, Secret, Services, Deployments, DaemonSet, HPAs), by namespace and name', () => {
    assert.deepEqual(
      result.objects.map((o) => `${o.kind}/${o.namespace}/${o.name}`),
      [
        'Namespace/default/monitoring',
        'Secret/default/app-secrets',
        'Service/default/ai-personalization',
        'Service/default/main-app',
        'Service/monitoring/alertmanager',
        'Service/monitoring/grafana',
        'Service/monitoring/prometheus',
        'Deployment/default/ai-personalization',
        'Deployment/default/main-app',
        'Deployment/monitoring/alertmanager',
        'Deployment/monitoring/grafana',
        'Deployment/monitoring/prometheus',
        'DaemonSet/kube-system/fluentd',
        'HorizontalPodAutoscaler/default/ai-personalization',
        'HorizontalPodAutoscaler/default/main-app',
      ],
    );
    assert.equal(result.patchCount, 2);
  });

  it('merges the probes patch over the base and names both files in the header', () => {
    assert.match(
      result.text,
      /# Deployment main-app \(namespace default\)\n# from: biome\/main-app-deployment\.yaml \(base\), biome\/main-app-probes\.yaml \(patch\)\n/,
    );
    const mainApp = docs(result.text).find((d) => d.kind === 'Deployment' && (d.metadata as { name: string }).name === 'main-app')!;
    const container = (mainApp as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } }).spec.template.spec.containers[0]!;
    assert.equal(container.image, 'azora/main-app:latest');
    assert.deepEqual(Object.keys(container.readinessProbe as object), ['httpGet', 'initialDelaySeconds', 'periodSeconds']);
  });

  it('is stable: the same text twice', () => {
    assert.equal(renderManifests(engine.index, { target: { kind: 'folder', uri: sampleUri('biome') }, mode: 'full', root: SAMPLE_URI }).text, result.text);
  });

  it('keeps Secret data base64 unless asked to reveal it', () => {
    assert.match(result.text, /JWT_SECRET: c3VwZXJzZWNyZXQ=/);
    const revealed = renderManifests(engine.index, { target: { kind: 'file', uri: sampleUri('biome/app-secrets.yaml') }, mode: 'full', revealSecrets: true });
    const secret = docs(revealed.text)[0]!;
    assert.deepEqual(secret.stringData, { JWT_SECRET: 'supersecret', DATABASE_URL: 'postgres://user:pass@host/db' });
    assert.equal(secret.data, undefined);
  });
});

describe('render: base mode and targets', () => {
  it('base mode shows the base without its patches (the left side of the diff)', () => {
    const base = renderManifests(engine.index, { target: { kind: 'file', uri: sampleUri('biome/main-app-deployment.yaml') }, mode: 'base' });
    assert.doesNotMatch(base.text, /readinessProbe/);
    assert.equal(base.patchCount, 0);
    const full = renderManifests(engine.index, { target: { kind: 'file', uri: sampleUri('biome/main-app-deployment.yaml') }, mode: 'full' });
    assert.match(full.text, /readinessProbe/);
  });

  it('a service: its Service, Deployment (with patch), HPA and the Secret it reads', () => {
    const result = renderManifests(engine.index, { target: { kind: 'service', name: 'main-app' }, mode: 'full' });
    assert.deepEqual(
      result.objects.map((o) => `${o.kind}/${o.name}`),
      ['Secret/app-secrets', 'Service/main-app', 'Deployment/main-app', 'HorizontalPodAutoscaler/main-app'],
    );
  });

  it('a folder with no patches renders every object as written', () => {
    const e = engineWith({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n' });
    const result = renderManifests(e.index, { target: { kind: 'folder', uri: TEST_FOLDER }, mode: 'full' });
    assert.equal(result.patchCount, 0);
    assert.equal(
      result.text,
      '# ConfigMap c (namespace default)\n# from: file:///workspace/biome/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n',
    );
  });

  it('quotes strings YAML 1.1 would read as booleans', () => {
    const e = engineWith({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "yes"\n' });
    assert.match(renderManifests(e.index, { target: { kind: 'folder', uri: TEST_FOLDER }, mode: 'full' }).text, /a: "yes"/);
  });
});
