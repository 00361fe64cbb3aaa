import { objectRule } from '../engine/lint/rule';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { handlerKey, probeTiming } from '../engine/k8s/probes';
import { record } from '../engine/k8s/values';
import { examplePod } from './helpers/exampleObjects';

export const rule = objectRule({
  id: 'no-identical-liveness-readiness',
  defaultSeverity: 'warning',
  kinds: WORKLOAD_KINDS,
  messages: {
    identicalProbes:
      'The liveness and readiness probes of container {{container}} are identical: when the check fails (say a dependency is slow), the container is restarted at the moment it is taken out of rotation, on every replica at once. Make liveness a cheaper check, or give it a higher failureThreshold.',
  },
  summary: 'A container’s liveness and readiness probes are not the same check with the same timing.',
  rationale:
    'Readiness answers “should this pod get traffic now?”, liveness “is this process stuck beyond repair?”. When both run the same check (same handler, with port names resolved to numbers, and the same timing after API defaults), any failure — typically a slow or unavailable dependency — makes the kubelet restart the container at the same moment it is taken out of rotation: restarts cascade across all replicas instead of the pods waiting out the outage.',
  remediation:
    'Give liveness a cheaper check that only fails when the process is stuck (e.g. `/livez` that does not call dependencies), or at least a higher failureThreshold than readiness.',
  valid: [
    examplePod(['readinessProbe: { httpGet: { path: /ready, port: 8080 } }', 'livenessProbe: { httpGet: { path: /ready, port: 8080 }, failureThreshold: 6 }']),
  ],
  invalid: [
    {
      // The same check: port name http is port 8080, periodSeconds 10 is the default.
      example: examplePod([
        'ports:',
        '  - name: http',
        '    containerPort: 8080',
        'readinessProbe:',
        '  httpGet: { path: /healthz, port: http }',
        'livenessProbe:',
        '  httpGet: { path: /healthz, port: 8080 }',
        '  periodSeconds: 10',
      ]),
      messageId: 'identicalProbes',
      line: 14,
      column: 7,
    },
  ],
  check(context) {
    for (const ref of containersOf(context.target.object, true)) {
      const liveness = record(ref.container.livenessProbe);
      const readiness = record(ref.container.readinessProbe);
      if (!liveness || !readiness) continue;
      const handler = handlerKey(ref, liveness);
      if (handler === undefined || handler !== handlerKey(ref, readiness)) continue;
      if (JSON.stringify(probeTiming(liveness)) !== JSON.stringify(probeTiming(readiness))) continue;
      context.report({
        path: [...ref.path, 'livenessProbe'],
        messageId: 'identicalProbes',
        data: { container: ref.name },
      });
    }
  },
});
