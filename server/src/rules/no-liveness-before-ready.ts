import { objectRule } from '../engine/lint/rule';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { earliestLivenessRestart, earliestReady, probeTiming } from '../engine/k8s/probes';
import { record } from '../engine/k8s/values';
import { examplePod } from './helpers/exampleObjects';

export const rule = objectRule({
  id: 'no-liveness-before-ready',
  defaultSeverity: 'warning',
  kinds: WORKLOAD_KINDS,
  messages: {
    restartBeforeReady:
      'The liveness probe of container {{container}} can restart it {{restart}}s after start (initialDelaySeconds + failureThreshold × periodSeconds), before its readiness probe can first pass at {{ready}}s: a container that needs that long to start is killed in a loop. Add a startupProbe, or raise the liveness initialDelaySeconds above {{ready}}.',
  },
  summary: 'A liveness probe does not give up on a container before its readiness probe could first pass.',
  rationale:
    'Without a startup probe, liveness checks begin after the liveness `initialDelaySeconds`, and a container that is still starting fails them. The earliest liveness restart is at `initialDelaySeconds + failureThreshold × periodSeconds` (liveness values, API defaults 0, 3 and 10). The readiness probe can first report the container ready at `initialDelaySeconds + (successThreshold − 1) × periodSeconds` (readiness values). When the first moment comes before the second, a container that needs the time the readiness probe allows is killed before it can ever be ready: it restarts in a loop (CrashLoopBackOff) exactly when it starts slowly, e.g. under load.',
  remediation:
    'Add a `startupProbe` that covers the start-up time (liveness waits for it), or raise the liveness `initialDelaySeconds` / `failureThreshold` beyond the readiness delay.',
  valid: [
    examplePod([
      'readinessProbe: { httpGet: { path: /ready, port: 8080 }, initialDelaySeconds: 60 }',
      'livenessProbe: { httpGet: { path: /live, port: 8080 }, initialDelaySeconds: 10 }',
      'startupProbe: { httpGet: { path: /live, port: 8080 }, failureThreshold: 30 }',
    ]),
  ],
  invalid: [
    {
      example: examplePod([
        'readinessProbe:',
        '  httpGet: { path: /ready, port: 8080 }',
        '  initialDelaySeconds: 60',
        'livenessProbe:',
        '  httpGet: { path: /live, port: 8080 }',
        '  initialDelaySeconds: 10',
      ]),
      messageId: 'restartBeforeReady',
      line: 12,
      column: 7,
    },
  ],
  check(context) {
    for (const ref of containersOf(context.target.object, true)) {
      const liveness = record(ref.container.livenessProbe);
      const readiness = record(ref.container.readinessProbe);
      // A startup probe holds liveness back until the container has started.
      if (!liveness || !readiness || record(ref.container.startupProbe)) continue;
      const restart = earliestLivenessRestart(probeTiming(liveness));
      const ready = earliestReady(probeTiming(readiness));
      if (restart >= ready) continue;
      context.report({
        path: [...ref.path, 'livenessProbe'],
        messageId: 'restartBeforeReady',
        data: { container: ref.name, restart, ready },
      });
    }
  },
});
