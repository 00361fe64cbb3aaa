/** Service selectors and target ports, container ports, env duplicates and names, as specifications. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, summarize, uriOf } from '../helpers/engineHarness';
import { applyEdits } from '../helpers/applyEdits';
import { sampleEngine } from '../helpers/sampleEngine';
import type { Finding } from '../../server/src/engine/types';

const RULES = [
  'no-selector-template-mismatch',
  'no-unmatched-service-selector',
  'no-undeclared-target-port',
  'no-invalid-port-name',
  'no-duplicate-container-port',
  'no-port-out-of-range',
  'require-container-port',
  'no-duplicate-env',
  'no-invalid-resource-name',
];

/** Orders `file:line code` summaries by line. */
function byLine(a: string, b: string): number {
  return Number(a.split(/[: ]/)[1]) - Number(b.split(/[: ]/)[1]);
}

function findings(files: Record<string, string>): Finding[] {
  return lintAll(engineWith(files)).filter((f) => RULES.includes(f.code));
}

function workload(ports: string, labels = 'app: web', name = 'web'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
        - name: web
          image: web:1.0.0
${ports}`;
}

function service(ports: string, selector = 'app: web', extra = ''): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: web
spec:${extra}
  selector:
    ${selector}
  ports:
${ports}`;
}

const HTTP_PORT = '          ports:\n            - name: http\n              containerPort: 8080\n';

describe('the sample', () => {
  it('gives no Service, port or name finding (named port http resolves through the base)', () => {
    const engine = sampleEngine();
    const all = [...engine.index.files()].flatMap((f) => engine.linter.lintFile(f.uri));
    assert.deepEqual(
      all.filter((f) => RULES.includes(f.code)),
      [],
    );
  });
});

describe('no-selector-template-mismatch', () => {
  it('errors on each selector label the template lacks, with a fix adding it', () => {
    const files = { 'w.yaml': workload('', 'tier: web') };
    const [f, ...rest] = findings(files);
    assert.equal(rest.length, 0);
    assert.deepEqual(summarize([f!]), ['w.yaml:8 no-selector-template-mismatch']);
    assert.equal(f!.severity, 'error');
    const fixed = applyEdits(files['w.yaml'], f!.data!.fixes![0]!.edits[0]!.edits);
    assert.match(fixed, /labels:\n {8}tier: web\n {8}app: web\n/);
    assert.deepEqual(findings({ 'w.yaml': fixed }), []);
  });
});

describe('no-unmatched-service-selector', () => {
  it('warns when nothing in the namespace matches, naming a match in another namespace', () => {
    const other = workload('').replace('name: web', 'name: web\n  namespace: prod');
    const inDefault = service('    - port: 80').replace('name: web', 'name: web\n  namespace: default');
    const [f] = findings({ 'w.yaml': other, 's.yaml': inDefault });
    assert.deepEqual(summarize([f!]), ['s.yaml:7 no-unmatched-service-selector']);
    assert.match(f!.message, /Deployment web matches, but it is in namespace prod/);
    assert.equal(f!.related?.[0]?.uri, uriOf('w.yaml'));
  });

  it('stays silent when the Service or the workload leaves its namespace to `kubectl apply -n`', () => {
    const other = workload('').replace('name: web', 'name: web\n  namespace: prod');
    assert.deepEqual(findings({ 'w.yaml': other, 's.yaml': service('    - port: 80') }), []);
  });

  it('exempts ExternalName Services and Services without a selector', () => {
    const external = service('    - port: 80', 'app: nothing', '\n  type: ExternalName\n  externalName: example.com');
    const manual = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports:\n    - port: 5432\n';
    assert.deepEqual(findings({ 'e.yaml': external, 'm.yaml': manual }), []);
  });
});

describe('no-undeclared-target-port', () => {
  it('errors on a port name no selected container declares, and offers the one that exists', () => {
    const files = { 'w.yaml': workload(HTTP_PORT), 's.yaml': service('    - port: 80\n      targetPort: web') };
    const [f] = findings(files);
    assert.deepEqual([summarize([f!])[0], f!.severity], ['s.yaml:10 no-undeclared-target-port', 'error']);
    assert.deepEqual(
      f!.data?.fixes?.map((x) => x.title),
      ['Target port http'],
    );
  });

  it('warns on a number the containers do not declare, inserting targetPort when it was implied', () => {
    const files = { 'w.yaml': workload(HTTP_PORT), 's.yaml': service('    - port: 80\n') };
    const [f] = findings(files);
    assert.deepEqual([summarize([f!])[0], f!.severity], ['s.yaml:9 no-undeclared-target-port', 'warning']);
    const fixed = applyEdits(files['s.yaml'], f!.data!.fixes![0]!.edits[0]!.edits);
    assert.equal(fixed, service('    - port: 80\n      targetPort: 8080\n'));
    assert.deepEqual(findings({ ...files, 's.yaml': fixed }), []);
  });

  it('does not judge numeric targets when the containers declare no ports', () => {
    assert.deepEqual(findings({ 'w.yaml': workload(''), 's.yaml': service('    - port: 80\n      targetPort: 8080') }), []);
  });
});

describe('container ports', () => {
  it('rejects bad names, duplicates, out-of-range and missing numbers', () => {
    const ports = `          ports:
            - name: Metrics_Port
              containerPort: 9090
            - name: http
              containerPort: 70000
            - name: http
              containerPort: 8080
            - name: admin
`;
    assert.deepEqual(summarize(findings({ 'w.yaml': workload(ports) })).sort(byLine), [
      'w.yaml:18 no-invalid-port-name',
      'w.yaml:21 no-port-out-of-range',
      'w.yaml:22 no-duplicate-container-port',
      'w.yaml:24 require-container-port',
    ]);
  });

  it('allows one number over UDP and TCP, and rejects the same number in two containers', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: dns
spec:
  containers:
    - name: a
      image: a:1
      ports:
        - containerPort: 53
          protocol: UDP
        - containerPort: 53
    - name: b
      image: b:1
      ports:
        - containerPort: 53
`;
    assert.deepEqual(summarize(findings({ 'p.yaml': pod })), ['p.yaml:16 no-duplicate-container-port']);
  });
});

describe('no-duplicate-env', () => {
  it('warns at the later definition and deletes the earlier one', () => {
    const env = '          env:\n            - name: A\n              value: "1"\n            - name: A\n              value: "2"\n';
    const files = { 'w.yaml': workload(env) };
    const [f] = findings(files);
    assert.deepEqual([summarize([f!])[0], f!.severity], ['w.yaml:20 no-duplicate-env', 'warning']);
    const fixed = applyEdits(files['w.yaml'], f!.data!.fixes![0]!.edits[0]!.edits);
    assert.equal(fixed, workload('          env:\n            - name: A\n              value: "2"\n'));
  });
});

describe('no-invalid-resource-name', () => {
  it('applies the format of each kind', () => {
    const ns = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
    const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
    const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:aggregate-to-edit\n';
    assert.deepEqual(findings({ 'a.yaml': cm('app.config-v2'), 'b.yaml': role, 'c.yaml': ns('team-a') }), []);
    assert.deepEqual(summarize(findings({ 'a.yaml': cm('App_Config'), 'c.yaml': ns('team.a') })), [
      'a.yaml:4 no-invalid-resource-name',
      'c.yaml:4 no-invalid-resource-name',
    ]);
    const [svc] = findings({ 's.yaml': service('    - port: 80').replace('name: web', 'name: 1web') });
    assert.equal(
      svc!.message,
      'Service name 1web must consist of lowercase letters, digits and `-`, start with a letter and end with a letter or digit: a Service name must be an RFC 1035 label (it becomes a DNS name), so the API server rejects it. Rename it, for example to x-1web.',
    );
  });
});
