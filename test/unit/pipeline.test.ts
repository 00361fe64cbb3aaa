/**
 * The lint pipeline: settings, suppressions, one finding per problem, incremental re-checks and
 * findings that move with their document when lines are added above it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, summarize, uriOf } from '../helpers/engineHarness';

const POD = (image: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web${extra}
spec:
  containers:
    - name: web
      image: ${image}
`;

describe('lint pipeline', () => {
  it('applies per-rule levels from settings, and `off`', () => {
    const engine = engineWith({ 'pod.yaml': POD('nginx:latest') });
    assert.deepEqual(
      lintAll(engine).map((f) => `${f.code} ${f.severity}`),
      ['no-latest-tag warning'],
    );
    assert.deepEqual(
      lintAll(engine, { rules: { 'no-latest-tag': 'error' }, ruleOptions: {} }).map((f) => f.severity),
      ['error'],
    );
    assert.deepEqual(lintAll(engine, { rules: { 'no-latest-tag': 'off' }, ruleOptions: {} }), []);
  });

  it('honours an ignore comment above or at the end of the line, and the object annotation', () => {
    const above = POD('nginx:latest').replace('      image:', '      # biome-manifests-ignore no-latest-tag -- dev image\n      image:');
    const endOfLine = POD('nginx:latest # biome-manifests-ignore no-latest-tag -- pinned by the registry');
    const annotated = POD('nginx:latest').replace(
      '  name: web\n',
      '  name: web\n  annotations:\n    biome-manifests.io/ignore: "no-latest-tag, other -- dev cluster only"\n',
    );
    const otherRule = POD('nginx:latest').replace('      image:', '      # biome-manifests-ignore some-other-rule -- not this one\n      image:');
    assert.deepEqual(summarize(lintAll(engineWith({ 'a.yaml': above, 'b.yaml': endOfLine, 'c.yaml': annotated }))), []);
    assert.deepEqual(summarize(lintAll(engineWith({ 'd.yaml': otherRule }))), ['d.yaml:9 no-latest-tag']);
  });

  it('applies levels and suppressions to schema findings too', () => {
    const typo = POD('nginx:1.25').replace('      image:', '      imagePullPolcy: Always\n      image:');
    assert.deepEqual(summarize(lintAll(engineWith({ 'a.yaml': typo }))), ['a.yaml:8 schema-unknown-field']);
    const ignored = typo.replace('      imagePullPolcy:', '      # biome-manifests-ignore schema-unknown-field -- operator field\n      imagePullPolcy:');
    assert.deepEqual(summarize(lintAll(engineWith({ 'b.yaml': ignored }))), []);
    const asWarning = lintAll(engineWith({ 'c.yaml': typo }), { rules: { 'schema-unknown-field': 'warning' }, ruleOptions: {} });
    assert.deepEqual(
      asWarning.map((f) => f.severity),
      ['warning'],
    );
  });

  it('reports a removed HPA apiVersion once, by the rule that can fix it', () => {
    const hpa = `apiVersion: autoscaling/v2beta2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 3
`;
    const codes = lintAll(engineWith({ 'hpa.yaml': hpa })).map((f) => f.code);
    assert.deepEqual(
      codes.filter((c) => c !== 'no-missing-hpa-target'),
      ['no-removed-hpa-api-version'],
    );
  });

  it('skips schema and rules for a document the parser cannot read, and keeps checking the others', () => {
    const text = `${POD('nginx:latest')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n`;
    assert.deepEqual(summarize(lintAll(engineWith({ 'mixed.yaml': text }))), ['mixed.yaml:8 no-latest-tag', 'mixed.yaml:12 yaml-syntax']);
  });

  it('gives Helm templates and non-Kubernetes YAML no Kubernetes diagnostics', () => {
    const helm = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n';
    const chart = 'apiVersion: v2\nname: demo\nversion: 1.0.0\n';
    const values = 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: latest\n';
    assert.deepEqual(lintAll(engineWith({ 'deployment.yaml': helm, 'Chart.yaml': chart, 'values.yaml': values })), []);
  });

  it('moves cached findings with their document when lines are added above it', () => {
    const engine = engineWith({ 'pods.yaml': `${POD('a:1', '-a')}---\n${POD('nginx:latest', '-b')}` });
    assert.deepEqual(summarize(lintAll(engine)), ['pods.yaml:17 no-latest-tag']);
    const file = engine.index.getFile(uriOf('pods.yaml'))!;
    engine.index.setFile(uriOf('pods.yaml'), `# a comment\n# another\n${file.text}`, 2);
    const findings = lintAll(engine);
    assert.deepEqual(summarize(findings), ['pods.yaml:19 no-latest-tag']);
    assert.equal(findings[0]!.range.start.character, 13);
  });

  it('re-checks a dependent file when the Secret it references changes, and only then', () => {
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
    const secret = (key: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\ndata:\n  ${key}: dG9rZW4=\n`;
    const engine = engineWith({ 'api.yaml': deployment, 'creds.yaml': secret('other') });
    assert.deepEqual(summarize(engine.linter.lintFile(uriOf('api.yaml'))), ['api.yaml:14 no-missing-secret-key']);
    const { changedKeys } = engine.index.setFile(uriOf('creds.yaml'), secret('token'), 2);
    assert.ok(engine.linter.dependentsOf(changedKeys).has(uriOf('api.yaml')));
    assert.deepEqual(summarize(engine.linter.lintFile(uriOf('api.yaml'))), []);
  });
});

describe('documents that are almost Kubernetes objects', () => {
  it('reports an object with kind and metadata but no apiVersion, and the reverse', () => {
    const noApiVersion = 'kind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n';
    const noKind = 'apiVersion: v1\nmetadata:\n  name: p\ndata: {}\n';
    const findings = lintAll(engineWith({ 'a.yaml': noApiVersion, 'b.yaml': noKind }));
    assert.deepEqual(
      findings.map((f) => `${summarize([f])[0]} ${f.message}`),
      [
        'a.yaml:1 schema-required This object has `kind` and `metadata` but no `apiVersion`: kubectl and the API server refuse it, and it is not checked further. Add `apiVersion:`.',
        'b.yaml:1 schema-required This object has `apiVersion` and `metadata` but no `kind`: kubectl and the API server refuse it, and it is not checked further. Add `kind:`.',
      ],
    );
  });

  it('leaves Chart.yaml, values files and configs without metadata alone', () => {
    assert.deepEqual(lintAll(engineWith({ 'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 1.0.0\n', 'x.yaml': 'kind: thing\nvalue: 1\n' })), []);
  });
});
