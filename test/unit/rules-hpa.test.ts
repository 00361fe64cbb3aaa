/** HPA rules across files: the sample's findings #1 and #2, fixes, patches, namespaces, re-checks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, summarize, uriOf } from '../helpers/engineHarness';
import { sampleEngine, sampleText, sampleUri } from '../helpers/sampleEngine';
import { applyEdits } from '../helpers/applyEdits';
import type { Finding } from '../../server/src/engine/types';
import { exampleDeployment, exampleDeploymentPatch, exampleHpa } from '../../server/src/rules/helpers/exampleObjects';

const HPA_RULES = [
  'valid-hpa-replica-bounds',
  'valid-hpa-metric-target',
  'valid-hpa-scaling-behavior',
  'no-missing-hpa-target',
  'no-unscalable-hpa-target',
  'require-hpa-resource-requests',
  'no-replicas-with-hpa',
  'no-removed-hpa-api-version',
];

function ours(findings: Finding[]): Finding[] {
  return findings.filter((f) => HPA_RULES.includes(f.code));
}

/** HPA web (block-style scaleTargetRef) scaling Deployment web on cpu utilization, 2 to 5 replicas. */
const HPA = exampleHpa(
  [
    'minReplicas: 2',
    'maxReplicas: 5',
    'metrics:',
    '  - type: Resource',
    '    resource:',
    '      name: cpu',
    '      target:',
    '        type: Utilization',
    '        averageUtilization: 50',
  ],
  { blockTarget: true },
);

/** A Deployment web without a selector (the HPA rules' examples build the same one). */
const DEPLOYMENT = exampleDeployment();

describe('HPA rules on the sample', () => {
  it('report exactly findings #1 (no cpu request) and #2 (replicas with an HPA), on their lines', () => {
    const findings = ours(lintAll(sampleEngine()));
    assert.deepEqual(
      findings.map((f) => `${f.uri.slice(f.uri.lastIndexOf('/') + 1)}:${f.range.start.line + 1} ${f.severity} ${f.code}`),
      ['main-app-deployment.yaml:8 warning no-replicas-with-hpa', 'main-app-hpa.yaml:15 error require-hpa-resource-requests'],
    );
    const requests = findings[1]!;
    assert.equal(
      requests.message,
      'HPA main-app scales on cpu utilization, but container main-app in Deployment main-app sets no cpu request: the HPA can never compute utilization and will not scale. Add `resources.requests.cpu` to the container.',
    );
    assert.deepEqual(
      requests.related?.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line + 1} ${r.message}`),
      ['main-app-deployment.yaml:18 Container main-app has no cpu request'],
    );
  });

  it('fixes #1 by adding a cpu request in the base Deployment file (unsafe), which clears it', () => {
    const finding = ours(lintAll(sampleEngine())).find((f) => f.code === 'require-hpa-resource-requests')!;
    const fix = finding.data!.fixes![0]!;
    assert.equal(fix.safety, 'unsafe');
    assert.deepEqual(
      fix.edits.map((e) => e.uri),
      [sampleUri('biome/main-app-deployment.yaml')],
    );
    const fixed = applyEdits(sampleText('biome/main-app-deployment.yaml'), fix.edits[0]!.edits);
    // After the container's last key (env), not between its name and image.
    assert.match(fixed, /key: DATABASE_URL\n {10}resources:\n {12}requests:\n {14}cpu: 100m\n---\n/);
    const after = ours(lintAll(sampleEngine({ 'biome/main-app-deployment.yaml': fixed })));
    assert.deepEqual(
      after.map((f) => f.code),
      ['no-replicas-with-hpa'],
    );
  });

  it('fixes #2 by removing the replicas line', () => {
    const finding = ours(lintAll(sampleEngine())).find((f) => f.code === 'no-replicas-with-hpa')!;
    assert.equal(
      finding.message,
      'Deployment main-app sets replicas: 2 although HPA main-app scales it: every apply resets the replica count to 2. Remove `spec.replicas` and let the HPA manage it.',
    );
    const fixed = applyEdits(sampleText('biome/main-app-deployment.yaml'), finding.data!.fixes![0]!.edits[0]!.edits);
    assert.match(fixed, /^spec:\n {2}selector:/m);
  });
});

describe('require-hpa-resource-requests across files', () => {
  it('accepts a request set only in a patch of the Deployment, and a limit instead of a request', () => {
    const patch = `${exampleDeploymentPatch(['resources:', '  requests:', '    cpu: 200m'])}        - name: sidecar
          image: proxy:1.0.0
          resources: { limits: { cpu: 50m } }
`;
    assert.deepEqual(summarize(ours(lintAll(engineWith({ 'web-hpa.yaml': HPA, 'web-deployment.yaml': DEPLOYMENT, 'web-resources.yaml': patch })))), []);
  });

  it('clears the error in the HPA file when the Deployment file gains the request', () => {
    const engine = engineWith({ 'web-hpa.yaml': HPA, 'web-deployment.yaml': DEPLOYMENT });
    assert.deepEqual(summarize(ours(engine.linter.lintFile(uriOf('web-hpa.yaml')))), ['web-hpa.yaml:15 require-hpa-resource-requests']);
    engine.index.setFile(uriOf('web-deployment.yaml'), `${DEPLOYMENT}          resources: { requests: { cpu: 100m } }\n`);
    assert.deepEqual(summarize(ours(engine.linter.lintFile(uriOf('web-hpa.yaml')))), []);
  });

  it('checks only the named container of a ContainerResource metric, and memory like cpu', () => {
    const hpa = HPA.replace(
      '- type: Resource\n      resource:\n        name: cpu',
      '- type: ContainerResource\n      containerResource:\n        container: web\n        name: memory',
    );
    const deployment = `${DEPLOYMENT}        - name: sidecar\n          image: proxy:1.0.0\n`;
    const findings = ours(lintAll(engineWith({ 'web-hpa.yaml': hpa, 'web-deployment.yaml': deployment })));
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        'HPA web scales on memory utilization, but container web in Deployment web sets no memory request: the HPA can never compute utilization and will not scale. Add `resources.requests.memory` to the container.',
      ],
    );
  });
});

describe('HPA target resolution', () => {
  it('warns when the target lives in another namespace, and says so', () => {
    const deployment = DEPLOYMENT.replace('  name: web\n', '  name: web\n  namespace: shop\n');
    const findings = ours(lintAll(engineWith({ 'web-hpa.yaml': HPA, 'web-deployment.yaml': deployment })));
    assert.deepEqual(summarize(findings), ['web-hpa.yaml:9 no-missing-hpa-target']);
    assert.match(findings[0]!.message, /a Deployment web exists in namespace shop, but an HPA only scales objects of its own namespace/);
  });

  it('rejects a DaemonSet target', () => {
    const hpa = HPA.replace('kind: Deployment', 'kind: DaemonSet');
    const findings = ours(lintAll(engineWith({ 'web-hpa.yaml': hpa })));
    assert.deepEqual(findings.map((f) => `${f.severity} ${f.code}`).sort(), ['error no-unscalable-hpa-target', 'warning no-missing-hpa-target']);
  });
});

describe('no-replicas-with-hpa', () => {
  it('says when the fixed count is outside the HPA range, and ignores workloads no HPA targets', () => {
    const deployment = DEPLOYMENT.replace('spec:\n  template', 'spec:\n  replicas: 20\n  template');
    const other = deployment.replace('name: web\nspec', 'name: other\nspec');
    const findings = ours(
      lintAll(
        engineWith({
          'web-hpa.yaml': HPA,
          'web-deployment.yaml': deployment.replace('image: web:1.0.0', 'image: web:1.0.0\n          resources: { requests: { cpu: 1 } }'),
          'other.yaml': other,
        }),
      ),
    );
    assert.deepEqual(summarize(findings), ['web-deployment.yaml:6 no-replicas-with-hpa']);
    assert.match(findings[0]!.message, /and 20 is outside the HPA’s range 2–5/);
  });
});

describe('no-removed-hpa-api-version', () => {
  it('converts v2beta1 metrics to the v2 shape', () => {
    const v2beta1 = `apiVersion: autoscaling/v2beta1
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: memory
        targetAverageUtilization: 70
    - type: External
      external:
        metricName: queue_depth
        metricSelector: { matchLabels: { queue: jobs } }
        targetAverageValue: "30"
`;
    const finding = ours(lintAll(engineWith({ 'hpa.yaml': v2beta1 }))).find((f) => f.code === 'no-removed-hpa-api-version')!;
    assert.equal(
      finding.message,
      'HPA web uses autoscaling/v2beta1, removed in Kubernetes 1.25: the API server rejects it. Use autoscaling/v2 and convert the metric fields.',
    );
    const fixed = applyEdits(v2beta1, finding.data!.fixes![0]!.edits[0]!.edits);
    assert.equal(
      fixed,
      `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: 70
    - type: External
      external:
        metric:
          name: queue_depth
          selector:
            matchLabels:
              queue: jobs
        target:
          type: AverageValue
          averageValue: "30"
`,
    );
  });
});

describe('valid-hpa-replica-bounds', () => {
  it('only warns about minReplicas 0 with an External metric (scale to zero), and says min = max can never scale', () => {
    const zero = HPA.replace('minReplicas: 2', 'minReplicas: 0').replace(
      '- type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 50',
      '- type: External\n      external:\n        metric: { name: queue }\n        target: { type: Value, value: "10" }',
    );
    const findings = lintAll(engineWith({ 'hpa.yaml': zero })).filter((f) => f.code === 'valid-hpa-replica-bounds');
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code}`),
      ['10 warning valid-hpa-replica-bounds'],
    );
    const same = lintAll(engineWith({ 'hpa.yaml': HPA.replace('maxReplicas: 5', 'maxReplicas: 2') })).filter((f) => f.code === 'valid-hpa-replica-bounds');
    assert.deepEqual(
      same.map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code}`),
      ['11 info valid-hpa-replica-bounds'],
    );
  });
});

describe('require-hpa-resource-requests fix placement', () => {
  /** The Deployment after the cpu request fix, for a container written as `containers` (the text after `containers:`). */
  function fixed(containers: string, eol = '\n'): string {
    const deployment = `apiVersion: apps/v1${eol}kind: Deployment${eol}metadata:${eol}  name: web${eol}spec:${eol}  template:${eol}    spec:${eol}      containers:${containers}`;
    const files = { 'web-hpa.yaml': HPA, 'web-deployment.yaml': deployment };
    const finding = ours(lintAll(engineWith(files))).find((f) => f.code === 'require-hpa-resource-requests')!;
    const fix = finding.data!.fixes![0]!;
    const after = applyEdits(deployment, fix.edits[0]!.edits);
    assert.deepEqual(ours(lintAll(engineWith({ ...files, 'web-deployment.yaml': after }))), [], after);
    return after.slice(after.indexOf('containers:') + 'containers:'.length);
  }

  it('adds resources after the last key of a block container, not between name and image, comments kept', () => {
    assert.equal(
      fixed(
        '\n        - name: web # c1\n          image: web:1.0.0\n          # c2\n          ports:\n            - containerPort: 8080 # c3\n        # c4\n        - name: proxy\n          image: envoy:1.30.0\n          resources: { requests: { cpu: 50m } }\n',
      ),
      '\n        - name: web # c1\n          image: web:1.0.0\n          # c2\n          ports:\n            - containerPort: 8080 # c3\n          resources:\n            requests:\n              cpu: 100m\n        # c4\n        - name: proxy\n          image: envoy:1.30.0\n          resources: { requests: { cpu: 50m } }\n',
    );
  });

  it('keeps the alphabetical order kubectl writes: after ports, before terminationMessagePath', () => {
    assert.equal(
      fixed(
        '\n        - image: web:1.0.0\n          imagePullPolicy: IfNotPresent\n          name: web\n          ports:\n            - containerPort: 8080\n          terminationMessagePath: /dev/termination-log\n',
      ),
      '\n        - image: web:1.0.0\n          imagePullPolicy: IfNotPresent\n          name: web\n          ports:\n            - containerPort: 8080\n          resources:\n            requests:\n              cpu: 100m\n          terminationMessagePath: /dev/termination-log\n',
    );
  });

  it('writes flow YAML at the end of a flow container, on one line or several, and keeps CRLF', () => {
    assert.equal(fixed(' [{name: web, image: "web:1.0.0"}] # c1\n'), ' [{name: web, image: "web:1.0.0", resources: {requests: {cpu: 100m}}}] # c1\n');
    assert.equal(
      fixed('\n        - {\n            name: web,\n            image: web:1.0.0 # c1\n          }\n'),
      '\n        - {\n            name: web,\n            image: web:1.0.0, resources: {requests: {cpu: 100m}} # c1\n          }\n',
    );
    assert.equal(
      fixed('\r\n        - name: web\r\n          image: web:1.0.0\r\n', '\r\n'),
      '\r\n        - name: web\r\n          image: web:1.0.0\r\n          resources:\r\n            requests:\r\n              cpu: 100m\r\n',
    );
  });
});
