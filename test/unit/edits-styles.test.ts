/**
 * Issue #16 "Edits that destroy content": each quick fix on flow maps, block scalars and comments
 * leaves every value it did not mean to touch as it was (compared as parsed data).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { applyFix, dataOf, fixOf } from '../helpers/fixHarness';
import type { Finding } from '../../server/src/engine/types';

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 5
`;

function only(files: Record<string, string>, code: string): Finding {
  const found = lintAll(engineWith(files)).filter((f) => f.code === code);
  assert.equal(found.length, 1, `${code}: ${found.map((f) => f.message).join('\n')}`);
  return found[0]!;
}

const POD = `{metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: "web:1", resources: {requests: {cpu: 100m}}}]}}`;

describe('Remove spec.replicas', () => {
  const expected = (text: string) => {
    const data = dataOf(text)[0] as { spec: Record<string, unknown> };
    delete data.spec.replicas;
    return data;
  };
  it('on a one-line flow map keeps selector and template', () => {
    const web = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3, selector: {matchLabels: {app: web}}, template: ${POD}}\n`;
    const files = { 'web.yaml': web, 'hpa.yaml': HPA };
    const after = applyFix(files, fixOf(only(files, 'no-replicas-with-hpa'), /^Remove spec.replicas/))['web.yaml']!;
    assert.deepEqual(dataOf(after)[0], expected(web));
  });
  it('on a multi-line flow map keeps `selector:`', () => {
    const web = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {\n  replicas: 3, selector: {matchLabels: {app: web}},\n  template: ${POD}\n}\n`;
    const files = { 'web.yaml': web, 'hpa.yaml': HPA };
    const after = applyFix(files, fixOf(only(files, 'no-replicas-with-hpa'), /^Remove spec.replicas/))['web.yaml']!;
    assert.deepEqual(dataOf(after)[0], expected(web));
  });
  it('as the last entry of a multi-line flow map, with CRLF line ends and comments', () => {
    const web = `apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata: {name: web}\r\nspec: {\r\n  selector: {matchLabels: {app: web}}, # the pods\r\n  template: ${POD},\r\n  replicas: 3\r\n}\r\n# end\t(tab)\r\n`;
    const files = { 'web.yaml': web, 'hpa.yaml': HPA };
    const after = applyFix(files, fixOf(only(files, 'no-replicas-with-hpa'), /^Remove spec.replicas/))['web.yaml']!;
    assert.deepEqual(dataOf(after)[0], expected(web));
    assert.match(after, /# the pods\r\n/);
    assert.match(after, /# end\t\(tab\)\r\n$/);
  });
});

const secret = (body: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secrets\n${body}`;

describe('Move … to stringData', () => {
  it('on a flow `data` map keeps the other keys', () => {
    const files = { 's.yaml': secret('data: {PASSWORD: hunter2, OK: Zm9v}\n') };
    const after = applyFix(files, fixOf(only(files, 'no-invalid-secret-base64'), /^Move PASSWORD/))['s.yaml']!;
    const data = dataOf(after)[0] as Record<string, unknown>;
    assert.deepEqual(data.data, { OK: 'Zm9v' });
    assert.deepEqual(data.stringData, { PASSWORD: 'hunter2' });
  });
});

const WORKLOAD = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:1
          env: [{name: DB_PASSWORD, value: hunter2xyz}, {name: MODE, value: fast}]
`;

describe('Move … into a Secret', () => {
  it('writes flow syntax inside a flow env item, and a new Secret document', () => {
    const files = { 'web.yaml': WORKLOAD };
    const after = applyFix(files, fixOf(only(files, 'no-secret-in-env-value'), /^Move DB_PASSWORD/))['web.yaml']!;
    const [web, created] = dataOf(after) as { spec: { template: { spec: { containers: { env: unknown[] }[] } } }; stringData?: unknown }[];
    assert.deepEqual(web!.spec.template.spec.containers[0]!.env, [
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'web-secrets', key: 'DB_PASSWORD' } } },
      { name: 'MODE', value: 'fast' },
    ]);
    assert.deepEqual(created!.stringData, { DB_PASSWORD: 'hunter2xyz' });
  });
  it('adds the key to a flow `stringData` map of the existing Secret', () => {
    const files = { 'web.yaml': WORKLOAD, 's.yaml': secret('stringData: {OTHER: x}\n') };
    const after = applyFix(files, fixOf(only(files, 'no-secret-in-env-value'), /^Move DB_PASSWORD/));
    assert.deepEqual((dataOf(after['s.yaml']!)[0] as { stringData: unknown }).stringData, { OTHER: 'x', DB_PASSWORD: 'hunter2xyz' });
    assert.equal(dataOf(after['web.yaml']!).length, 1);
  });
});

describe('anchors and aliases', () => {
  it('offers no removal that would delete an anchor still in use', () => {
    const web = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: &n 3\n  minReadySeconds: *n\n  selector: {matchLabels: {app: web}}\n  template: ${POD}\n`;
    const files = { 'web.yaml': web, 'hpa.yaml': HPA };
    const finding = only(files, 'no-replicas-with-hpa');
    assert.deepEqual(finding.data?.fixes ?? [], []);
  });
  it('removes an entry beside an alias and keeps what the alias reads', () => {
    const web = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: &l {app: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: *l}\n  template: ${POD}\n`;
    const files = { 'web.yaml': web, 'hpa.yaml': HPA };
    const after = applyFix(files, fixOf(only(files, 'no-replicas-with-hpa'), /^Remove spec.replicas/))['web.yaml']!;
    const data = dataOf(web)[0] as { spec: Record<string, unknown> };
    delete data.spec.replicas;
    assert.deepEqual(dataOf(after)[0], data);
  });
});
