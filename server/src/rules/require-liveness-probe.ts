import { objectRule } from '../engine/lint/rule';
import { SERVING_KINDS } from '../engine/k8s/probes';
import { checkProbeRequirement } from './helpers/probeRequirement';
import { examplePod, exampleServedPod, exampleService } from './helpers/exampleObjects';

/** A Pod `web` with port http (8080) and `container` lines, and a Service `web` targeting that port. */
const servedPod = (
  container: string[],
) => `${examplePod(['ports:', '  - name: http', '    containerPort: 8080', ...container], { metadata: ['labels:', '  app: web'] })}---
${exampleService(['selector:', '  app: web', 'ports:', '  - port: 80', '    targetPort: http'])}`;

export const rule = objectRule({
  id: 'require-liveness-probe',
  defaultSeverity: 'off',
  kinds: SERVING_KINDS,
  messages: {
    containerWithout:
      'Container {{containers}} of {{owner}} has no liveness probe, although Service {{service}} selects its pods: a container that hangs keeps receiving traffic until someone restarts it. Add a livenessProbe.',
    noContainerWith:
      'None of the containers {{containers}} of {{owner}} has a liveness probe, although Service {{service}} selects its pods: a container that hangs keeps receiving traffic until someone restarts it. Add a livenessProbe.',
  },
  summary: 'Pods selected by a Service have a liveness probe (off by default).',
  rationale:
    'A liveness probe lets the kubelet restart a container whose process is alive but stuck (a deadlock, an exhausted pool), which otherwise keeps its place behind the Service until someone notices. It is off by default because a poorly chosen liveness probe does more harm than none — it restarts healthy pods under load — and many services crash cleanly instead of hanging. Init containers, Jobs and CronJobs are exempt.',
  remediation:
    'Add a `livenessProbe` with a cheap check that fails only when the process is stuck (not when a dependency is down), with a generous failureThreshold.',
  valid: [
    `${examplePod(['livenessProbe: { httpGet: { path: /livez, port: 8080 } }'], { metadata: ['labels: { app: web }'] })}---
${exampleService(['selector: { app: web }', 'ports: [{ port: 80, targetPort: 8080 }]'])}`,
  ],
  invalid: [
    {
      example: servedPod([]),
      messageId: 'containerWithout',
      line: 9,
      column: 7,
      output: servedPod(['livenessProbe:', '  tcpSocket:', '    port: http', '  periodSeconds: 10']),
    },
    {
      example: exampleServedPod('[{ name: web, image: web:1.0.0 }, { name: proxy, image: envoy:1.30.0 }]', '[{ port: 80, targetPort: 8080 }]'),
      messageId: 'noContainerWith',
      line: 7,
      column: 18,
    },
  ],
  check(context) {
    checkProbeRequirement(context, 'livenessProbe');
  },
});
