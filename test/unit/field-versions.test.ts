/**
 * Per-release field sets (engine/schema/fieldVersions.json), the rule no-field-newer-than-target
 * and the hover line that names the release a field or kind appeared in.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { definitionSince, fieldSince, fieldsNewerThan } from '../../server/src/engine/schema/fieldVersions';
import { featureGateOf } from '../../server/src/engine/schema/describe';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../server/src/engine/schema/kubernetesVersions';
import { hover } from '../../server/src/lsp/hover';
import versions from '../../server/src/engine/schema/fieldVersions.json';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { caret } from '../helpers/caret';
import { parse, store, yaml } from './schemaFixtures';

const CORE = 'io.k8s.api.core.v1';

function newerFindings(files: Record<string, string>, kubernetesVersion: string): string[] {
  const engine = engineWith(files);
  return lintAll(engine, { rules: {}, ruleOptions: {}, kubernetesVersion })
    .filter((f) => f.code === 'no-field-newer-than-target')
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character} ${f.message}`);
}

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata: { name: web }
  spec:
    os: { name: linux }
    containers:
      - name: web
        image: nginx:1.27
        lifecycle: { stopSignal: SIGUSR1, preStop: { sleep: { seconds: 5 } } }
`;

describe('field versions data', () => {
  it('dates fields by the release their tracking package first has them', () => {
    assert.equal(fieldSince(`${CORE}.Lifecycle`, 'stopSignal'), '1.33');
    assert.equal(fieldSince(`${CORE}.Container`, 'restartPolicyRules'), '1.34');
    assert.equal(fieldSince(`${CORE}.ServiceSpec`, 'trafficDistribution'), '1.30');
    assert.equal(fieldSince(`${CORE}.PodSpec`, 'hostnameOverride'), '1.34');
    assert.equal(fieldSince('io.k8s.api.autoscaling.v2.HPAScalingRules', 'tolerance'), '1.33');
    // In every supported release: not listed.
    assert.equal(fieldSince(`${CORE}.LifecycleHandler`, 'sleep'), undefined);
    assert.equal(fieldSince(`${CORE}.Container`, 'image'), undefined);
    assert.equal(definitionSince(`${CORE}.ContainerRestartRule`), '1.34');
    assert.equal(definitionSince(`${CORE}.Pod`), undefined);
  });

  it('dates a field new in a release no package tracks (1.31) to that release, never later', () => {
    // Pod-level resources are 1.32; no package tracks 1.31, so the earliest possible release is named.
    assert.equal(fieldSince(`${CORE}.PodSpec`, 'resources'), '1.31');
    assert.deepEqual(versions.releases, [...SUPPORTED_KUBERNETES_VERSIONS]);
    assert.equal(Object.keys(versions.sources).length, 6);
  });

  it('names only supported releases after the oldest', () => {
    const all = [...Object.values(versions.definitions), ...Object.values(versions.fields).flatMap((f) => Object.values(f))];
    for (const since of all) assert.ok(SUPPORTED_KUBERNETES_VERSIONS.slice(1).includes(since), since);
  });
});

describe('fieldsNewerThan', () => {
  it('finds the fields a release lacks, without descending into them', () => {
    const pod = store().lookup('v1', 'Pod')!.schema;
    const value = { spec: { containers: [{ name: 'c', restartPolicyRules: [{ action: 'Restart' }], lifecycle: { stopSignal: 'SIGTERM' } }] } };
    assert.deepEqual(
      fieldsNewerThan(pod, value, '1.32').map((f) => `${f.path.join('.')} ${f.since}`),
      ['spec.containers.0.restartPolicyRules 1.34', 'spec.containers.0.lifecycle.stopSignal 1.33'],
    );
    assert.deepEqual(fieldsNewerThan(pod, value, '1.34'), []);
  });

  it('is bounded on hostile input: deep nesting and non-objects', () => {
    const pod = store().lookup('v1', 'Pod')!.schema;
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) deep = { spec: deep };
    assert.deepEqual(fieldsNewerThan(pod, deep, '1.29'), []);
    assert.deepEqual(fieldsNewerThan(pod, 'text', '1.29'), []);
    assert.deepEqual(fieldsNewerThan(pod, { spec: { containers: 'x' } }, '1.29'), []);
  });
});

describe('rule no-field-newer-than-target', () => {
  it('warns at the field, naming both releases, and follows the target', () => {
    const found = newerFindings({ 'pod.yaml': POD }, '1.31');
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^9:\d+ `stopSignal` \(in Lifecycle of Pod web\) needs Kubernetes 1\.33; this workspace targets 1\.31/);
    assert.deepEqual(newerFindings({ 'pod.yaml': POD }, '1.33'), []);
    assert.deepEqual(newerFindings({ 'pod.yaml': POD }, '1.36'), []);
  });

  it('reads block style, CRLF and every document of a multi-document file', () => {
    const blockStyle = POD.replace(
      'lifecycle: { stopSignal: SIGUSR1, preStop: { sleep: { seconds: 5 } } }',
      'lifecycle:\n          stopSignal: SIGUSR1 # comment',
    );
    const twoDocs = `${blockStyle}---\n${POD.replace('name: web }', 'name: api }')}`.replaceAll('\n', '\r\n');
    const found = newerFindings({ 'pods.yaml': twoDocs }, '1.29');
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0]!, /Pod web/);
    assert.match(found[1]!, /Pod api/);
  });

  it('leaves unknown kinds and custom resources alone', () => {
    const custom = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\nspec: { stopSignal: x }\n';
    assert.deepEqual(newerFindings({ 'w.yaml': custom }, '1.29'), []);
  });
});

describe('hover with releases', () => {
  function hoverText(marked: string): string {
    const { text, position } = caret(marked);
    return (hover(parse(text), position, store())?.contents as { value: string }).value;
  }

  it('names the release a field appeared in and its feature gate', () => {
    const blockStyle = POD.replace('lifecycle: { stopSignal: SIGUSR1, preStop: { sleep: { seconds: 5 } } }', 'lifecycle:\n          stop^Signal: SIGUSR1');
    assert.match(hoverText(blockStyle), /Since Kubernetes 1\.33/);
    const hpa = yaml`
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: { name: web }
      spec:
        behavior:
          scaleUp:
            toler^ance: 0.05
    `;
    const text = hoverText(hpa);
    assert.match(text, /Since Kubernetes 1\.33/);
    assert.match(text, /Feature gate: `HPAConfigurableTolerance`/);
    assert.doesNotMatch(hoverText(POD.replace('image:', 'ima^ge:')), /Since Kubernetes/);
  });

  it('names the release a kind appeared in on `kind`', () => {
    const cidr = 'apiVersion: networking.k8s.io/v1\nki^nd: ServiceCIDR\nmetadata: { name: x }\n';
    assert.match(hoverText(cidr), /ServiceCIDR networking\.k8s\.io\/v1: since Kubernetes 1\.33/);
  });

  it('finds feature gates however the docs phrase them', () => {
    assert.equal(featureGateOf('This is an alpha field and requires enabling the PodLevelResources feature gate.'), 'PodLevelResources');
    assert.equal(featureGateOf('Plain description.'), undefined);
  });
});
