import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingRequired } from '../../server/src/engine/schema/required';
import { validateDocument, type SchemaValidationOptions } from '../../server/src/engine/schema/validate';
import type { Finding } from '../../server/src/engine/types';
import { parse, REPO_ROOT, store, yaml } from './schemaFixtures';

function validate(text: string, options: SchemaValidationOptions = {}, uri?: string): Finding[] {
  return parse(text, uri).documents.flatMap((doc) => validateDocument(doc, store(), options));
}

/** A finding without its data payload, for whole comparisons. */
function shown(findings: Finding[]): Omit<Finding, 'data'>[] {
  return findings.map(({ data: _data, ...rest }) => rest);
}

const URI = 'file:///work/test.yaml';
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector:',
  '    matchLabels:',
  '      app: web',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: web',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: web:1',
];

/** A valid Deployment (lines 0–15); `spec` lines go after line 4, `container` lines after line 15. */
function deployment(extra: { spec?: string[]; container?: string[] } = {}): string {
  const lines = [...DEPLOYMENT];
  lines.splice(5, 0, ...(extra.spec ?? []).map((l) => `  ${l}`));
  lines.push(...(extra.container ?? []).map((l) => `          ${l}`));
  return `${lines.join('\n')}\n`;
}

describe('schema validation', () => {
  it('accepts every sample manifest (probe files as patches)', () => {
    const dir = join(REPO_ROOT, 'examples/biome-sample/biome');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const partial = name.endsWith('-probes.yaml');
      const findings = validate(readFileSync(join(dir, name), 'utf8'), { partial }, `file:///${name}`);
      assert.deepEqual(shown(findings), [], name);
    }
  });

  it('reports a misspelled field on its key, with the closest field', () => {
    const text = deployment({ container: ['livness:', '  periodSeconds: 5'] });
    assert.deepEqual(shown(validate(text)), [
      {
        code: 'schema-unknown-field',
        severity: 'error',
        message: 'Unknown field `livness` in Container; did you mean `livenessProbe`?',
        uri: URI,
        range: range(16, 10, 17),
      },
    ]);
  });

  it('offers the closest field and the closest enum value as one-at-a-time fixes on exactly the misspelled text', () => {
    const [field] = validate(deployment({ container: ['livness:', '  periodSeconds: 5'] }));
    assert.deepEqual(field!.data!.fixes, [
      { title: 'Change to livenessProbe', safety: 'unsafe', edits: [{ uri: URI, edits: [{ range: range(16, 10, 17), newText: 'livenessProbe' }] }] },
    ]);
    const [value] = validate(deployment({ container: ['imagePullPolicy: always'] }));
    assert.deepEqual(value!.data!.fixes, [
      { title: 'Change to Always', safety: 'unsafe', edits: [{ uri: URI, edits: [{ range: range(16, 27, 33), newText: 'Always' }] }] },
    ]);
    const [far] = validate(deployment({ container: ['zzzzzzzz: 1'] }));
    assert.equal(far!.data!.fixes, undefined);
  });

  it('reports a wrong type on the value', () => {
    const findings = validate(deployment({ spec: ['replicas: two'] }));
    assert.deepEqual(shown(findings), [
      {
        code: 'schema-type',
        severity: 'error',
        message: '`replicas` must be an integer, got string "two".',
        uri: URI,
        range: range(5, 12, 15),
      },
    ]);
  });

  it('reports a missing required field on the key of its parent', () => {
    const text = deployment().replace('  selector:\n    matchLabels:\n      app: web\n', '');
    assert.deepEqual(shown(validate(text)), [
      {
        code: 'schema-required',
        severity: 'error',
        message: 'Missing required field `selector` in DeploymentSpec at `spec`; add `selector:`.',
        uri: URI,
        range: range(4, 0, 4),
      },
    ]);
  });

  it('reports a missing field of a list item on the item', () => {
    const text = deployment().replace('        - name: web\n          image: web:1', '        - image: web:1');
    const findings = validate(text);
    assert.deepEqual(
      shown(findings).map((f) => [f.message, f.range]),
      [['Missing required field `name` in Container at `spec.template.spec.containers[0]`; add `name:`.', range(14, 10, 15)]],
    );
  });

  it('reports top-level missing fields on the document head', () => {
    const findings = validate('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - targetPort: 80\n');
    assert.deepEqual(
      shown(findings).map((f) => [f.message, f.range]),
      [['Missing required field `port` in ServicePort at `spec.ports[0]`; add `port:`.', range(6, 6, 16)]],
    );
  });

  it('accepts integers and names for int-or-string fields, numbers and quantities for resources', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
          - name: a
            image: a
            ports:
              - containerPort: 8080
                name: http
            resources:
              requests: { cpu: 0.5, memory: 1Gi }
              limits: { cpu: 500m, memory: 1e3, ephemeral-storage: 1 }
            readinessProbe:
              httpGet: { port: http }
            livenessProbe:
              tcpSocket: { port: 8080 }
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: s }
      spec:
        ports:
          - { port: 80, targetPort: http }
          - { port: 81, targetPort: 8080 }
    `;
    assert.deepEqual(shown(validate(text)), []);
  });

  it('rejects garbage quantities and fractional ports', () => {
    const text = deployment({ container: ['resources:', '  limits:', '    cpu: lots', 'ports:', '  - containerPort: 80.5'] });
    assert.deepEqual(
      shown(validate(text)).map((f) => [f.code, f.message, f.range]),
      [
        [
          'schema-type',
          '`cpu` must be a quantity such as `500m`, `1Gi`, `0.5` or `2`, got string "lots"; use a number with an optional suffix (m, k, M, G, Ki, Mi, Gi, …).',
          range(18, 19, 23),
        ],
        ['schema-type', '`containerPort` must be an integer, got number 80.5.', range(20, 29, 33)],
      ],
    );
  });

  it('reads values as YAML 1.1: `yes` is a boolean, so a string field wants quotes', () => {
    const text = deployment({ container: ['env:', '  - name: DEBUG', '    value: yes'] });
    assert.deepEqual(
      shown(validate(text)).map((f) => [f.message, f.range]),
      [['`value` must be a string, got boolean true; quote it: "yes" (YAML 1.1 reads it as a boolean).', range(18, 21, 24)]],
    );
  });

  it('reports enum values with the allowed ones', () => {
    const text = deployment({ container: ['imagePullPolicy: always'] });
    assert.deepEqual(
      shown(validate(text)).map((f) => [f.code, f.message, f.range]),
      [['schema-enum', '`imagePullPolicy` must be one of Always, IfNotPresent, Never; got "always"; did you mean `Always`?', range(16, 27, 33)]],
    );
  });

  it('points fields of another apiVersion to it (metrics in autoscaling/v1)', () => {
    const text = yaml`
      apiVersion: autoscaling/v1
      kind: HorizontalPodAutoscaler
      metadata: { name: web }
      spec:
        scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
        maxReplicas: 5
        metrics: []
    `;
    assert.deepEqual(shown(validate(text)), [
      {
        code: 'schema-api-version',
        severity: 'error',
        message: 'autoscaling/v1 HorizontalPodAutoscaler has no field `metrics` (at `spec.metrics`); use apiVersion autoscaling/v2, which has it.',
        uri: URI,
        range: range(6, 2, 9),
      },
    ]);
  });

  it('reports an apiVersion that does not serve the kind, listing those that do', () => {
    const findings = validate('apiVersion: apps/v1beta9\nkind: Deployment\nmetadata: { name: x }\n');
    assert.deepEqual(
      shown(findings).map((f) => [f.code, f.message, f.range]),
      [['schema-api-version', 'apiVersion `apps/v1beta9` does not serve Deployment; Deployment is served by apps/v1: change apiVersion.', range(0, 12, 24)]],
    );
    // A version the lifecycle data knows (removed extensions/v1beta1) is no-unsupported-api-version's, against the target release.
    assert.deepEqual(shown(validate('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: { name: x }\n')), []);
  });

  it('stays silent on CRDs, CRDs reusing built-in kind names, and non-Kubernetes YAML', () => {
    const text = yaml`
      apiVersion: example.com/v1
      kind: Foo
      spec: { anything: [1, 2] }
      ---
      apiVersion: serving.knative.dev/v1
      kind: Service
      spec: { template: { spec: { containers: [{ image: x }] } } }
      ---
      global: { scrape_interval: 15s }
      scrape_configs: []
    `;
    assert.deepEqual(shown(validate(text)), []);
  });

  it('validates patches as partials: no required fields, strategic-merge directives allowed', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web }
      spec:
        template:
          spec:
            $setElementOrder/containers: [{ name: web }]
            containers:
              - name: sidecar
                $patch: delete
              - name: web
                livenessProbe: { httpGet: { port: 80 } }
    `;
    assert.deepEqual(shown(validate(text, { partial: true })), []);
    assert.deepEqual(
      shown(validate(text)).map((f) => f.code),
      ['schema-unknown-field', 'schema-unknown-field', 'schema-required'],
    );
  });

  it('finds no false type or unknown-field errors in the kube-score test data', () => {
    const dir = join(REPO_ROOT, 'test/fixtures/kube-score/testdata');
    const wrong: string[] = [];
    for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
      for (const f of validate(readFileSync(join(dir, name), 'utf8'), {}, `file:///${name}`)) {
        if (f.code === 'schema-type' || f.code === 'schema-unknown-field' || f.code === 'schema-enum') wrong.push(`${name}: ${f.message}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('lists missing required fields of rendered (plain) objects', () => {
    const value = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: { containers: [{ image: 'x' }] } } } };
    assert.deepEqual(missingRequired(value, 'apps/v1', 'Deployment', store()), [
      { path: ['spec'], field: 'selector', typeName: 'DeploymentSpec' },
      { path: ['spec', 'template', 'spec', 'containers', 0], field: 'name', typeName: 'Container' },
    ]);
    assert.deepEqual(missingRequired({ spec: {} }, 'example.com/v1', 'Foo', store()), []);
  });
});
