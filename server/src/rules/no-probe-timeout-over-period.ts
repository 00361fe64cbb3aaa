import { objectRule } from '../engine/lint/rule';
import { WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { PROBE_LABEL, probesOf, probeTiming } from '../engine/k8s/probes';
import { examplePod } from './helpers/exampleObjects';

export const rule = objectRule({
  id: 'no-probe-timeout-over-period',
  defaultSeverity: 'warning',
  kinds: WORKLOAD_KINDS,
  messages: {
    timeoutNotBelowPeriod:
      'The {{probe}} of container {{container}} waits {{timeoutSeconds}}s for an answer but runs every {{periodSeconds}}s: a slow check overlaps the next one and the failure threshold counts timeouts. Make timeoutSeconds shorter than periodSeconds.',
  },
  summary: 'A probe’s `timeoutSeconds` is shorter than its `periodSeconds`.',
  rationale:
    'The kubelet starts a probe every `periodSeconds` (default 10) and waits up to `timeoutSeconds` (default 1) for an answer. With a timeout as long as the period, a slow check is still running when the next one is due, so the effective period stretches to the timeout and the failure threshold counts slow responses, not failed ones. The defaults are taken into account: `timeoutSeconds: 10` alone is already equal to the default period.',
  remediation: 'Make `timeoutSeconds` clearly shorter than `periodSeconds` (for example timeout 3, period 10).',
  valid: [examplePod(['readinessProbe: { httpGet: { path: /ready, port: 8080 }, timeoutSeconds: 3, periodSeconds: 10 }'])],
  invalid: [
    {
      example: examplePod(['livenessProbe:', '  httpGet: { path: /live, port: 8080 }', '  timeoutSeconds: 10']),
      messageId: 'timeoutNotBelowPeriod',
      line: 11,
      column: 25,
    },
  ],
  check(context) {
    for (const ref of probesOf(context.target.object)) {
      const { timeoutSeconds, periodSeconds } = probeTiming(ref.probe);
      // Values below 1 are valid-probe-settings' errors.
      if (timeoutSeconds < 1 || periodSeconds < 1 || timeoutSeconds < periodSeconds) continue;
      const explicit = ref.probe.timeoutSeconds !== undefined;
      context.report({
        path: [...ref.path, explicit ? 'timeoutSeconds' : 'periodSeconds'],
        part: 'value',
        messageId: 'timeoutNotBelowPeriod',
        data: { probe: PROBE_LABEL[ref.field], container: ref.container.name, timeoutSeconds, periodSeconds },
      });
    }
  },
});
