/** Probe rules on rendered containers: the sample's finding #6, ports through patches, timing, Services. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, summarize } from '../helpers/engineHarness';
import { sampleEngine, sampleText } from '../helpers/sampleEngine';
import type { Finding } from '../../server/src/engine/types';
import { exampleDeploymentPatch } from '../../server/src/rules/helpers/exampleObjects';

const PROBE_RULES = [
  'valid-probe-settings',
  'no-undeclared-probe-port',
  'no-probe-timeout-over-period',
  'no-liveness-before-ready',
  'no-identical-liveness-readiness',
  'require-readiness-probe',
  'require-liveness-probe',
];

function ours(findings: Finding[]): Finding[] {
  return findings.filter((f) => PROBE_RULES.includes(f.code));
}

function lines(findings: Finding[]): string[] {
  return findings.map((f) => `${f.uri.slice(f.uri.lastIndexOf('/') + 1)}:${f.range.start.line + 1} ${f.severity} ${f.code}`);
}

const BASE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: web:1.0.0
          ports:
            - name: http
              containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
`;

/** A patch of Deployment web whose container gets `probes` (lines indented for the container). */
function probesPatch(probes: string): string {
  return `${exampleDeploymentPatch([])}${probes}`;
}

describe('probe rules on the sample', () => {
  it('report exactly finding #6: prometheus, grafana and alertmanager have no readiness probe', () => {
    assert.deepEqual(lines(ours(lintAll(sampleEngine()))), [
      'monitoring-stack.yaml:22 warning require-readiness-probe',
      'monitoring-stack.yaml:56 warning require-readiness-probe',
      'monitoring-stack.yaml:89 warning require-readiness-probe',
    ]);
    assert.equal(
      ours(lintAll(sampleEngine()))[0]!.message,
      'Container prometheus of Deployment prometheus has no readiness probe, although Service prometheus selects its pods: traffic reaches each pod as soon as its process starts, before it can answer. Add a readinessProbe.',
    );
  });

  it('errors on the patch line when the base no longer declares the named probe port', () => {
    const base = sampleText('biome/ai-personalization-deployment.yaml').replace('- name: http', '- name: web');
    const findings = lintAll(sampleEngine({ 'biome/ai-personalization-deployment.yaml': base })).filter((f) => f.code === 'no-undeclared-probe-port');
    assert.deepEqual(lines(findings), [
      'ai-personalization-probes.yaml:13 error no-undeclared-probe-port',
      'ai-personalization-probes.yaml:19 error no-undeclared-probe-port',
    ]);
    assert.equal(
      findings[0]!.message,
      'The liveness probe of container ai-personalization uses port name `http`, but its ports are named web: the probe can never succeed. Use a declared port name or number, or name the container port `http`.',
    );
  });
});

describe('no-undeclared-probe-port', () => {
  it('informs (not warns) on a number the container does not declare, and ignores containers that declare no ports', () => {
    const patch = probesPatch('          readinessProbe:\n            tcpSocket: { port: 9090 }\n');
    assert.deepEqual(lines(ours(lintAll(engineWith({ 'web.yaml': BASE, 'web-probes.yaml': patch })))), ['web-probes.yaml:11 info no-undeclared-probe-port']);
    const udp = BASE.replace('containerPort: 8080\n', 'containerPort: 8080\n              protocol: UDP\n');
    const onUdp = probesPatch('          readinessProbe:\n            tcpSocket: { port: http }\n');
    assert.deepEqual(lines(ours(lintAll(engineWith({ 'web.yaml': udp, 'web-probes.yaml': onUdp })))), ['web-probes.yaml:11 warning no-undeclared-probe-port']);
    const undeclared = BASE.replace('          ports:\n            - name: http\n              containerPort: 8080\n', '');
    assert.deepEqual(lines(ours(lintAll(engineWith({ 'web.yaml': undeclared, 'web-probes.yaml': patch })))), []);
  });
});

describe('timing rules', () => {
  it('compute the liveness restart and the first readiness success with API defaults', () => {
    const patch = probesPatch(`          readinessProbe:
            httpGet: { path: /ready, port: http }
            initialDelaySeconds: 30
            successThreshold: 2
          livenessProbe:
            httpGet: { path: /live, port: http }
            initialDelaySeconds: 5
`);
    const findings = ours(lintAll(engineWith({ 'web.yaml': BASE, 'web-probes.yaml': patch })));
    assert.deepEqual(lines(findings), ['web-probes.yaml:14 warning no-liveness-before-ready']);
    assert.match(findings[0]!.message, /can restart it 35s after start .* before its readiness probe can first pass at 40s/);
  });

  it('warns when timeoutSeconds reaches periodSeconds, the default period included', () => {
    const patch = probesPatch('          readinessProbe:\n            httpGet: { path: /ready, port: http }\n            timeoutSeconds: 10\n');
    assert.deepEqual(lines(ours(lintAll(engineWith({ 'web.yaml': BASE, 'web-probes.yaml': patch })))), [
      'web-probes.yaml:12 warning no-probe-timeout-over-period',
    ]);
  });

  it('flags identical probes once port names are resolved, but not when the timing differs', () => {
    const same = probesPatch(`          readinessProbe:
            httpGet: { path: /healthz, port: http }
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
            periodSeconds: 10
`);
    assert.deepEqual(lines(ours(lintAll(engineWith({ 'web.yaml': BASE, 'web-probes.yaml': same })))), [
      'web-probes.yaml:12 warning no-identical-liveness-readiness',
    ]);
    const slower = same.replace('periodSeconds: 10', 'periodSeconds: 20');
    assert.deepEqual(lines(ours(lintAll(engineWith({ 'web.yaml': BASE, 'web-probes.yaml': slower })))), []);
  });
});

describe('require-readiness-probe and require-liveness-probe', () => {
  it('ignore pods no Service of their namespace selects, and Jobs', () => {
    const otherNamespace = BASE.replace('  name: web\nspec:\n  selector: { app: web }', '  name: web\n  namespace: other\nspec:\n  selector: { app: web }');
    assert.deepEqual(lines(ours(lintAll(engineWith({ 'web.yaml': otherNamespace })))), []);
    const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    metadata:
      labels: { app: web }
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: web:1.0.0
`;
    const service = BASE.slice(BASE.indexOf('apiVersion: v1'));
    assert.deepEqual(lines(ours(lintAll(engineWith({ 'job.yaml': job, 'svc.yaml': service })))), []);
  });

  it('offer an unsafe TCP probe on the declared port; the liveness rule is off unless enabled', () => {
    const engine = engineWith({ 'web.yaml': BASE });
    const findings = ours(lintAll(engine));
    assert.deepEqual(lines(findings), ['web.yaml:13 warning require-readiness-probe']);
    assert.deepEqual(
      findings[0]!.data?.fixes?.map((f) => `${f.safety} ${f.title}`),
      ['unsafe Add a TCP readiness probe on port http (replace with a real health check)'],
    );
    const enabled = ours(lintAll(engine, { rules: { 'require-liveness-probe': 'info' }, ruleOptions: {} }));
    assert.deepEqual(lines(enabled), ['web.yaml:13 info require-liveness-probe', 'web.yaml:13 warning require-readiness-probe']);
  });
});

describe('valid-probe-settings', () => {
  it('reports each out-of-range field on its own line, in the patch that sets it', () => {
    const patch = probesPatch(`          startupProbe:
            httpGet: { path: /live, port: http }
            successThreshold: 2
            failureThreshold: 0
            initialDelaySeconds: -5
`);
    assert.deepEqual(summarize(ours(lintAll(engineWith({ 'web.yaml': BASE, 'web-probes.yaml': patch })))).sort(), [
      'web-probes.yaml:12 valid-probe-settings',
      'web-probes.yaml:13 valid-probe-settings',
      'web-probes.yaml:14 valid-probe-settings',
      'web.yaml:13 require-readiness-probe',
    ]);
  });
});
