/** Cross-resource rules for operator objects: ServiceMonitor, PodMonitor (prometheus-operator), KEDA ScaledObject. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, summarize, uriOf } from '../helpers/engineHarness';
import type { Finding } from '../../server/src/engine/types';

const RULES = [
  'no-unmatched-service-monitor',
  'no-missing-service-monitor-port',
  'no-unmatched-pod-monitor',
  'no-missing-scaled-object-target',
  'no-hpa-with-scaled-object',
];

function findings(files: Record<string, string>): Finding[] {
  return lintAll(engineWith(files)).filter((f) => RULES.includes(f.code));
}

const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

/** The sample's style: a Deployment and its Service in one file, labels in block style, comments. */
const APP = `# main-app: the web front end
apiVersion: apps/v1
kind: Deployment
metadata:
  name: main-app
  namespace: biome
spec:
  selector:
    matchLabels:
      app: main-app
  template:
    metadata:
      labels:
        app: main-app
        tier: web # scraped by the PodMonitor
    spec:
      containers:
        - name: main-app
          image: azora/main-app:1.4.2
          ports:
            - name: http
              containerPort: 3000
---
apiVersion: v1
kind: Service
metadata:
  name: main-app
  namespace: biome
  labels:
    app: main-app
    release: prometheus
spec:
  selector:
    app: main-app
  ports:
    - name: http
      port: 80
      targetPort: http
    - name: metrics
      port: 9464
`;

const serviceMonitor = (selector: string, port = 'metrics', extra = ''): string => `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: main-app
  namespace: biome
spec:
${extra}  selector:
${selector}
  endpoints:
    - port: ${port}
      interval: 30s
      path: /metrics
`;

describe('ServiceMonitor rules', () => {
  it('accept a monitor that selects the Service by its own labels and names its port', () => {
    const files = { 'main-app.yaml': APP, 'main-app-monitor.yaml': serviceMonitor('    matchLabels:\n      release: prometheus') };
    assert.deepEqual(summarize(findings(files)), []);
  });

  it('report a selector copied from the pod labels, which no Service carries, with the selector in words', () => {
    const files = { 'main-app.yaml': APP, 'main-app-monitor.yaml': serviceMonitor('    matchLabels: { app: main-app, tier: web }') };
    const found = findings(files);
    assert.deepEqual(summarize(found), ['main-app-monitor.yaml:7 no-unmatched-service-monitor']);
    assert.equal(
      found[0]!.message,
      "ServiceMonitor main-app selects Services labelled app=main-app, tier=web, but no Service in namespace biome has these labels: Prometheus scrapes nothing for it. A ServiceMonitor matches the Service's own metadata.labels; fix the selector or the Service's labels.",
    );
  });

  it('match matchExpressions, and an empty selector selects every Service', () => {
    const inOperator = serviceMonitor('    matchExpressions:\n      - key: release\n        operator: In\n        values: [prometheus, kube-prometheus]');
    const notIn = serviceMonitor('    matchExpressions:\n      - { key: release, operator: NotIn, values: [prometheus] }');
    const empty = serviceMonitor('    {}');
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'm.yaml': inOperator })), []);
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'm.yaml': notIn })), ['m.yaml:7 no-unmatched-service-monitor']);
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'm.yaml': empty })), []);
  });

  it('look in the namespaces of namespaceSelector, and judge none the workspace holds no Service of', () => {
    const app = APP.replace(/namespace: biome/g, 'namespace: shop');
    const selector = '    matchLabels:\n      release: prometheus';
    const own = serviceMonitor(selector);
    const listed = serviceMonitor(selector, 'metrics', '  namespaceSelector:\n    matchNames: [shop]\n');
    const any = serviceMonitor(selector, 'metrics', '  namespaceSelector: { any: true }\n');
    const elsewhere = serviceMonitor('    matchLabels: { k8s-app: kubelet }', 'https-metrics', '  namespaceSelector:\n    matchNames: [kube-system]\n');
    // The monitor's own namespace (biome) has no Service in the workspace: not judged.
    assert.deepEqual(summarize(findings({ 'app.yaml': app, 'm.yaml': own })), []);
    assert.deepEqual(summarize(findings({ 'app.yaml': app, 'other.yaml': APP.replace(/release: prometheus/, 'release: other'), 'm.yaml': own })), [
      'm.yaml:7 no-unmatched-service-monitor',
    ]);
    assert.deepEqual(summarize(findings({ 'app.yaml': app, 'm.yaml': listed })), []);
    assert.deepEqual(summarize(findings({ 'app.yaml': app, 'm.yaml': any })), []);
    assert.deepEqual(summarize(findings({ 'app.yaml': APP, 'm.yaml': elsewhere })), []);
  });

  it('report an endpoint port that names no port of the selected Service, at the value, naming the ports', () => {
    const files = { 'main-app.yaml': APP, 'm.yaml': serviceMonitor('    matchLabels:\n      app: main-app', '"9464"') };
    const found = findings(files);
    assert.deepEqual(summarize(found), ['m.yaml:11 no-missing-service-monitor-port']);
    assert.equal(found[0]!.range.start.character, 12);
    assert.equal(
      found[0]!.message,
      'ServiceMonitor main-app scrapes port 9464, but no Service it selects has a port of that name (Service main-app: its ports are named http, metrics): this endpoint scrapes nothing. Use the name of a Service port.',
    );
    assert.deepEqual(
      found[0]!.related?.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line + 1}`),
      ['main-app.yaml:35'],
    );
  });

  it('check every endpoint, and stay silent when the selector picks nothing (the other rule says so)', () => {
    const twoEndpoints = serviceMonitor('    matchLabels:\n      app: main-app').replace(
      '  endpoints:\n',
      '  endpoints:\n    - port: http\n    - port: metrcis\n',
    );
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'm.yaml': twoEndpoints })), ['m.yaml:12 no-missing-service-monitor-port']);
    const none = serviceMonitor('    matchLabels:\n      app: nothing', 'nope');
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'm.yaml': none })), ['m.yaml:7 no-unmatched-service-monitor']);
  });

  it('read CRLF files and a multi-document file alike', () => {
    const monitor = serviceMonitor('    matchLabels: { app: main-app }', 'metric');
    assert.deepEqual(summarize(findings({ 'all.yaml': crlf(`${APP}---\n${monitor}`) })), ['all.yaml:51 no-missing-service-monitor-port']);
  });

  it('leave a ServiceMonitor of another API group alone', () => {
    const foreign = serviceMonitor('    matchLabels: { app: nothing }').replace('monitoring.coreos.com/v1', 'example.com/v1');
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'm.yaml': foreign })), []);
  });

  it('re-check the monitor when a Service of its namespace is relabelled', () => {
    const engine = engineWith({ 'main-app.yaml': APP, 'm.yaml': serviceMonitor('    matchLabels: { team: shop }') });
    const ours = (): string[] => summarize(engine.linter.lintFile(uriOf('m.yaml')).filter((f) => RULES.includes(f.code)));
    assert.deepEqual(ours(), ['m.yaml:7 no-unmatched-service-monitor']);
    const changed = engine.index.setFile(uriOf('main-app.yaml'), APP.replace('release: prometheus', 'team: shop'));
    assert.ok(engine.linter.dependentsOf(changed.changedKeys).has(uriOf('m.yaml')));
    assert.deepEqual(ours(), []);
  });
});

const podMonitor = (selector: string, namespace = 'biome'): string => `apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: main-app
  namespace: ${namespace}
spec:
  selector:
${selector}
  podMetricsEndpoints:
    - port: http
`;

describe('PodMonitor rule', () => {
  it('accepts a selector of pod template labels, with matchExpressions', () => {
    const selector = '    matchLabels: { app: main-app }\n    matchExpressions:\n      - { key: tier, operator: Exists }';
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'pm.yaml': podMonitor(selector) })), []);
  });

  it('reports a selector of the Service labels, which pods do not carry', () => {
    const found = findings({ 'main-app.yaml': APP, 'pm.yaml': podMonitor('    matchLabels:\n      release: prometheus') });
    assert.deepEqual(summarize(found), ['pm.yaml:7 no-unmatched-pod-monitor']);
    assert.match(found[0]!.message, /^PodMonitor main-app selects pods labelled release=prometheus, but no pod template in namespace biome has these labels/);
  });

  it('reports pods of another namespace, and judges nothing in a namespace without workloads', () => {
    assert.deepEqual(
      summarize(
        findings({
          'main-app.yaml': APP,
          'other.yaml': APP.replace(/biome/g, 'shop').replace(/app: main-app/g, 'app: other'),
          'pm.yaml': podMonitor('    matchLabels: { app: other }'),
        }),
      ),
      ['pm.yaml:7 no-unmatched-pod-monitor'],
    );
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'pm.yaml': podMonitor('    matchLabels: { app: other }', 'payments') })), []);
  });
});

const scaledObject = (target: string, extra = ''): string => `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: main-app
  namespace: biome
spec:
  scaleTargetRef:
${target}
${extra}  minReplicaCount: 1
  maxReplicaCount: 20
  triggers:
    - type: prometheus
      metadata:
        serverAddress: http://prometheus.monitoring.svc:9090
        query: sum(rate(http_requests_total{job="main-app"}[2m]))
        threshold: "100"
`;

const hpa = (name: string, target = 'main-app'): string => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: biome
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${target} }
  minReplicas: 2
  maxReplicas: 6
`;

describe('KEDA ScaledObject rules', () => {
  it('accept a ScaledObject on a Deployment of its namespace (kind defaults to Deployment)', () => {
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'so.yaml': scaledObject('    name: main-app') })), []);
  });

  it('report a target that is not defined, at the name, and the kind that was not given', () => {
    const found = findings({ 'main-app.yaml': APP, 'so.yaml': scaledObject('    kind: StatefulSet\n    name: main-app') });
    assert.deepEqual(summarize(found), ['so.yaml:9 no-missing-scaled-object-target']);
    assert.equal(
      found[0]!.message,
      'ScaledObject main-app scales StatefulSet main-app, which is not defined in namespace biome in this workspace: KEDA does nothing if it does not exist. Fix the kind or name, or check it is defined elsewhere.',
    );
  });

  it('name the namespace where a workload of that name exists', () => {
    const found = findings({ 'main-app.yaml': APP.replace(/namespace: biome/g, 'namespace: shop'), 'so.yaml': scaledObject('    name: main-app') });
    assert.match(found[0]!.message, /a Deployment main-app exists in namespace shop, but KEDA only scales objects of the ScaledObject’s namespace/);
  });

  it('report a workload scaled by both a ScaledObject and an HPA, with the HPA as related location', () => {
    const found = findings({ 'main-app.yaml': APP, 'so.yaml': scaledObject('    name: main-app'), 'hpa.yaml': hpa('main-app') });
    assert.deepEqual(summarize(found), ['so.yaml:7 no-hpa-with-scaled-object']);
    assert.equal(found[0]!.severity, 'error');
    assert.deepEqual(
      found[0]!.related?.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line + 1}`),
      ['hpa.yaml:7'],
    );
  });

  it('do not count the HPA KEDA creates itself, by its default or configured name', () => {
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'so.yaml': scaledObject('    name: main-app'), 'hpa.yaml': hpa('keda-hpa-main-app') })), []);
    const named = scaledObject('    name: main-app', '  advanced:\n    horizontalPodAutoscalerConfig:\n      name: main-app-keda\n');
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'so.yaml': named, 'hpa.yaml': hpa('main-app-keda') })), []);
    assert.deepEqual(summarize(findings({ 'main-app.yaml': APP, 'so.yaml': named, 'hpa.yaml': hpa('keda-hpa-main-app') })), [
      'so.yaml:7 no-hpa-with-scaled-object',
    ]);
  });

  it('read a flow-style, CRLF, multi-document file', () => {
    const flow = `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: { name: main-app, namespace: biome }\nspec: { scaleTargetRef: { name: main-ap }, triggers: [{ type: cpu, metricType: Utilization, metadata: { value: "50" } }] }\n`;
    assert.deepEqual(summarize(findings({ 'all.yaml': crlf(`${APP}---\n${flow}`) })), ['all.yaml:45 no-missing-scaled-object-target']);
  });
});
