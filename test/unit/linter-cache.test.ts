/** The linter's kept results: a removed file leaves nothing behind, and a kustomization's selector is followed. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, summarize, uriOf } from '../helpers/engineHarness';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: api:1.0
          env:
            - name: TOKEN
              valueFrom: {secretKeyRef: {name: creds, key: token}}
`;
const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\ndata:\n  other: dG9rZW4=\n';

describe('linter results per file', () => {
  it('forgets a removed file: no findings, no rule results, no place under any dependency key', () => {
    const engine = engineWith({ 'api.yaml': deployment, 'creds.yaml': secret });
    assert.deepEqual(summarize(engine.linter.lintFile(uriOf('api.yaml'))), ['api.yaml:14 no-missing-secret-key']);
    const kept = engine.linter.keptFor(uriOf('api.yaml'));
    assert.ok(kept.keys > 0);
    assert.equal(kept.groups, 1);
    assert.equal(kept.findings, true);
    const changed = engine.index.removeFile(uriOf('api.yaml'));
    engine.linter.forgetFile(uriOf('api.yaml'));
    assert.deepEqual(engine.linter.keptFor(uriOf('api.yaml')), { findings: false, groups: 0, keys: 0 });
    assert.ok(!engine.linter.dependentsOf(changed).has(uriOf('api.yaml')));
  });

  it('prune() forgets files the index no longer holds', () => {
    const engine = engineWith({ 'api.yaml': deployment, 'creds.yaml': secret });
    engine.linter.lintFile(uriOf('api.yaml'));
    engine.index.removeFile(uriOf('api.yaml'));
    engine.linter.prune();
    assert.deepEqual(engine.linter.keptFor(uriOf('api.yaml')), { findings: false, groups: 0, keys: 0 });
  });

  it('other settings make every result of the file stale (its settings key), the same settings reuse them', () => {
    const engine = engineWith({ 'api.yaml': deployment, 'creds.yaml': secret });
    const uri = uriOf('api.yaml');
    const first = engine.linter.lintFile(uri);
    assert.deepEqual(summarize(first), ['api.yaml:14 no-missing-secret-key']);
    // The same settings: the very same finding objects (kept, not recomputed).
    assert.equal(engine.linter.lintFile(uri)[0], first[0]);
    const off = { rules: { 'no-missing-secret-key': 'off' as const }, ruleOptions: {} };
    assert.deepEqual(engine.linter.lintFile(uri, off), []);
    const again = engine.linter.lintFile(uri);
    assert.deepEqual(summarize(again), ['api.yaml:14 no-missing-secret-key']);
    assert.notEqual(again[0], first[0]);
    assert.equal(engine.linter.lintFile(uri)[0], again[0]);
  });

  it('reports a missing selector until the folder kustomization adds one, and again when it stops', () => {
    const noSelector = deployment.replace('  selector: {matchLabels: {app: api}}\n', '');
    const kustomization = (labels: string) => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [api.yaml]\n${labels}`;
    const engine = engineWith({ 'api.yaml': noSelector, 'creds.yaml': secret.replace('other', 'token'), 'kustomization.yaml': kustomization('') });
    const codes = () => engine.linter.lintFile(uriOf('api.yaml')).map((f) => f.code);
    assert.ok(codes().includes('schema-required'));
    engine.index.setFile(uriOf('kustomization.yaml'), kustomization('commonLabels: {app: api}\n'), 2);
    assert.ok(!codes().includes('schema-required'));
    engine.index.setFile(uriOf('kustomization.yaml'), kustomization(''), 3);
    assert.ok(codes().includes('schema-required'));
  });
});
