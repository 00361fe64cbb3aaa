import { objectRule } from '../engine/lint/rule';
import { deleteEntry, fix, replaceValue } from './helpers/edits';
import { PROBE_LABEL, probesOf, type ProbeRef } from '../engine/k8s/probes';
import { isSidecar, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { num } from '../engine/k8s/values';
import { examplePod } from './helpers/exampleObjects';

/** Timing fields and the smallest value the API accepts. */
const MINIMUMS: readonly [string, number][] = [
  ['initialDelaySeconds', 0],
  ['periodSeconds', 1],
  ['timeoutSeconds', 1],
  ['failureThreshold', 1],
  ['successThreshold', 1],
];

function where(ref: ProbeRef): { probe: string; container: string } {
  return { probe: PROBE_LABEL[ref.field], container: ref.container.name };
}

/** A Pod whose init container `migrate` (before the containers: the order examplePod does not write) has `init` lines. */
const withInitContainer = (init: string[]) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: migrate
      image: web-migrate:1.0.0
${init.map((line) => `      ${line}\n`).join('')}  containers:
    - name: web
      image: web:1.0.0
`;

export const rule = objectRule({
  id: 'valid-probe-settings',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  messages: {
    probeOnInitContainer:
      'The {{probe}} of container {{container}} is rejected by the API: init container {{container}} runs once to completion before the other containers start, so only a sidecar init container (`restartPolicy: Always`) may have probes. Remove the probe, or add `restartPolicy: Always` if the container should keep running beside the others.',
    belowZero:
      'The {{probe}} of container {{container}} sets {{field}}: {{value}}; the API requires 0 or more and rejects the pod template. Set {{field}} to 0 or more.',
    belowOne:
      'The {{probe}} of container {{container}} sets {{field}}: {{value}}; the API requires at least 1 and rejects the pod template. Set {{field}} to 1 or more.',
    successThresholdNotOne:
      'The {{probe}} of container {{container}} sets successThreshold: {{value}}; the API only accepts 1 for {{probe}}s (one success ends them). Set it to 1 or remove it.',
    gracePeriodOnReadiness:
      'The {{probe}} of container {{container}} sets terminationGracePeriodSeconds, which the API rejects on readiness probes (a readiness failure never kills the container). Remove it, or move it to the liveness probe.',
  },
  summary: 'Probe timings and thresholds are values the API accepts for that kind of probe.',
  rationale:
    'The API rejects a pod template whose probes have `periodSeconds`, `timeoutSeconds`, `failureThreshold` or `successThreshold` below 1, or a negative `initialDelaySeconds`; a liveness or startup probe with `successThreshold` other than 1 (one success is all they can use); `terminationGracePeriodSeconds` on a readiness probe (a readiness failure never kills the container); and any probe on an init container that is not a sidecar (`restartPolicy: Always`), since it runs once to completion before the others start. The rollout then fails at apply time, often in CI or a GitOps sync far from the editor.',
  remediation:
    'Use `successThreshold: 1` on liveness and startup probes, keep timings and thresholds at 1 or more (`initialDelaySeconds` at 0 or more), drop `terminationGracePeriodSeconds` from readiness probes, and remove probes from init containers (or make the init container a sidecar with `restartPolicy: Always`).',
  valid: [
    examplePod(
      [
        'readinessProbe: { httpGet: { path: /ready, port: 8080 }, successThreshold: 2 }',
        'livenessProbe: { httpGet: { path: /live, port: 8080 }, terminationGracePeriodSeconds: 10 }',
      ],
      {
        spec: [
          'initContainers:',
          '  - name: proxy',
          '    image: envoyproxy/envoy:v1.30.1',
          '    restartPolicy: Always',
          '    readinessProbe: { httpGet: { path: /ready, port: 15000 } }',
        ],
      },
    ),
  ],
  invalid: [
    {
      example: examplePod(['livenessProbe:', '  httpGet: { path: /live, port: 8080 }', '  successThreshold: 3']),
      messageId: 'successThresholdNotOne',
      line: 11,
      column: 27,
      output: examplePod(['livenessProbe:', '  httpGet: { path: /live, port: 8080 }', '  successThreshold: 1']),
    },
    { example: examplePod(['readinessProbe:', '  httpGet: { path: /ready, port: 8080 }', '  periodSeconds: 0']), messageId: 'belowOne', line: 11, column: 24 },
    {
      example: examplePod(['readinessProbe:', '  httpGet: { path: /ready, port: 8080 }', '  terminationGracePeriodSeconds: 30']),
      messageId: 'gracePeriodOnReadiness',
      line: 11,
      column: 9,
      output: examplePod(['readinessProbe:', '  httpGet: { path: /ready, port: 8080 }']),
    },
    {
      example: withInitContainer(['readinessProbe:', "  exec: { command: ['true'] }"]),
      messageId: 'probeOnInitContainer',
      line: 9,
      column: 7,
      output: withInitContainer([]),
    },
    {
      example: examplePod(['livenessProbe:', '  httpGet: { path: /healthz, port: 8080 }', '  initialDelaySeconds: -5']),
      messageId: 'belowZero',
      line: 11,
      column: 30,
    },
  ],
  check(context) {
    for (const ref of probesOf(context.target.object)) {
      if (ref.container.init && !isSidecar(ref.container)) {
        const origin = context.locate(ref.path);
        context.report({
          path: ref.path,
          part: 'key',
          messageId: 'probeOnInitContainer',
          data: where(ref),
          fixes: fix(`Remove the ${PROBE_LABEL[ref.field]}`, 'unsafe', origin.doc, [deleteEntry(origin.doc, origin.path)]),
        });
        continue;
      }
      for (const [field, min] of MINIMUMS) {
        const value = num(ref.probe[field]);
        if (value === undefined || value >= min) continue;
        context.report({
          path: [...ref.path, field],
          part: 'value',
          messageId: min === 0 ? 'belowZero' : 'belowOne',
          data: { ...where(ref), field, value },
        });
      }
      const success = num(ref.probe.successThreshold);
      if (ref.field !== 'readinessProbe' && success !== undefined && success >= 1 && success !== 1) {
        const origin = context.locate([...ref.path, 'successThreshold']);
        context.report({
          path: [...ref.path, 'successThreshold'],
          part: 'value',
          messageId: 'successThresholdNotOne',
          data: { ...where(ref), value: success },
          fixes: fix('Set successThreshold to 1', 'safe', origin.doc, [replaceValue(origin.doc, origin.path, '1')]),
        });
      }
      if (ref.field === 'readinessProbe' && ref.probe.terminationGracePeriodSeconds !== undefined) {
        const origin = context.locate([...ref.path, 'terminationGracePeriodSeconds']);
        context.report({
          path: [...ref.path, 'terminationGracePeriodSeconds'],
          messageId: 'gracePeriodOnReadiness',
          data: where(ref),
          fixes: fix('Remove terminationGracePeriodSeconds', 'safe', origin.doc, [deleteEntry(origin.doc, origin.path)]),
        });
      }
    }
  },
});
