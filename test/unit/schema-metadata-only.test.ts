/** Kinds without a schema (alpha APIs, custom resources without their CRD): their metadata is still checked. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateDocument } from '../../server/src/engine/schema/validate';
import { parse, store } from './schemaFixtures';

function findings(text: string): string[] {
  return parse(text).documents.flatMap((doc) =>
    validateDocument(doc, store()).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`),
  );
}

// Served by 1.29–1.33, gone from k8s.io/api since: no package has its schema.
const ALPHA = [
  'apiVersion: networking.k8s.io/v1alpha1',
  'kind: ServiceCIDR',
  'metadata:',
  '  name: extra',
  '  lables: {team: a}',
  'spec:',
  '  anythingTheSchemaDoesNotKnow: true',
  '',
].join('\n');

describe('metadata of kinds without a schema', () => {
  it('reports an unknown metadata field of an alpha API no package has a schema for, and nothing else', () => {
    assert.equal(store().lookup('networking.k8s.io/v1alpha1', 'ServiceCIDR'), undefined);
    assert.deepEqual(findings(ALPHA), ['5:3 schema-unknown-field Unknown field `lables` in ObjectMeta; did you mean `labels`?']);
    assert.deepEqual(findings(ALPHA.replace('lables', 'labels')), []);
  });

  it('checks a custom resource without its CRD the same way, in flow style and with CRLF', () => {
    const monitor =
      'apiVersion: monitoring.coreos.com/v1\r\nkind: ServiceMonitor\r\nmetadata: {name: web, namespce: apps}\r\nspec: {endpoints: [{port: http, intervall: 30s}]}\r\n';
    assert.deepEqual(findings(monitor), ['3:23 schema-unknown-field Unknown field `namespce` in ObjectMeta; did you mean `namespace`?']);
    assert.deepEqual(
      findings('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  labels: {a: b}\n  annotations: {c: d}\nspec: {size: 3}\n'),
      [],
    );
  });

  it('checks metadata value types (a label value must be a string)', () => {
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  labels:\n    replicas: [1]\n';
    assert.deepEqual(
      findings(widget).map((f) => f.split(' ').slice(0, 2).join(' ')),
      ['6:15 schema-type'],
    );
  });

  it('reads a List’s metadata as ListMeta, a custom kind ending in List as ObjectMeta', () => {
    assert.deepEqual(findings('apiVersion: v1\nkind: List\nmetadata: {resourceVersion: "1", name: x}\nitems: []\n'), [
      '3:34 schema-unknown-field Unknown field `name` in ListMeta; remove it or correct its name.',
    ]);
    assert.deepEqual(findings('apiVersion: example.com/v1\nkind: AccessList\nmetadata: {name: x}\nspec: {}\n'), []);
  });

  it('checks every document of a multi-document file', () => {
    const both = `${ALPHA}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, uid: 1, finalizer: [x]}\n`;
    assert.deepEqual(
      findings(both).map((f) => f.split(' ').slice(0, 2).join(' ')),
      ['5:3 schema-unknown-field', '11:26 schema-type', '11:29 schema-unknown-field'],
    );
  });
});

describe('items of a kind: List without their own kind', () => {
  it('reports the missing apiVersion and kind at the item instead of silence', () => {
    const list =
      'apiVersion: v1\nkind: List\nitems:\n- metadata: {name: a}\n  data: {x: y}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n- {kind: Secret, metadata: {name: c}}\n- 5\n';
    assert.deepEqual(findings(list), [
      '4:3 schema-required Missing required field `apiVersion` in List item at `items[0]`; add `apiVersion:`.',
      '4:3 schema-required Missing required field `kind` in List item at `items[0]`; add `kind:`.',
      '9:4 schema-required Missing required field `apiVersion` in List item at `items[2]`; add `apiVersion:`.',
      '10:3 schema-type `items[3]` must be an object (List item), got integer 5.',
    ]);
  });
});

describe('alpha and beta kinds from @kubernetes/client-node', () => {
  const POLICY = [
    'apiVersion: admissionregistration.k8s.io/v1alpha1',
    'kind: MutatingAdmissionPolicy',
    'metadata: {name: add-label}',
    'spec:',
    '  failurePolicy: Fail',
    '  reinvocationPolicy: Never',
    '  matchConstraints:',
    '    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}]',
    '  mutations:',
    '    - patchType: ApplyConfiguration',
    '      applyConfiguration: {expression: "Object{metadata: Object.metadata{labels: {\\"a\\": \\"b\\"}}}"}',
    '',
  ].join('\n');

  it('checks a served alpha kind kubernetes-models lacks against its own schema', () => {
    assert.ok(store().lookup('admissionregistration.k8s.io/v1alpha1', 'MutatingAdmissionPolicy'));
    assert.deepEqual(findings(POLICY), []);
    assert.deepEqual(findings(POLICY.replace('reinvocationPolicy', 'reinvocationPolicie')), [
      '6:3 schema-unknown-field Unknown field `reinvocationPolicie` in MutatingAdmissionPolicySpec; did you mean `reinvocationPolicy`?',
    ]);
  });

  it('types quantities of beta kinds as quantities (numbers and strings), integers as integers', () => {
    const slice = (capacity: string, count: string) =>
      `apiVersion: resource.k8s.io/v1beta2\nkind: ResourceSlice\nmetadata: {name: s}\nspec:\n  driver: gpu.example.com\n  nodeName: n1\n  pool: {name: p, generation: ${count}, resourceSliceCount: 1}\n  devices:\n    - name: gpu-0\n      capacity: {memory: {value: ${capacity}}}\n`;
    assert.deepEqual(findings(slice('80Gi', '1')), []);
    assert.deepEqual(findings(slice('4', '1')), []);
    assert.deepEqual(
      findings(slice('lots', '1.5')).map((f) => f.split(' ').slice(0, 2).join(' ')),
      ['7:31 schema-type', '10:34 schema-type'],
    );
  });
});
