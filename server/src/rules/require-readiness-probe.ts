import { objectRule } from '../engine/lint/rule';
import { SERVING_KINDS } from '../engine/k8s/probes';
import { checkProbeRequirement } from './helpers/probeRequirement';
import { exampleDeployment, exampleServedPod, exampleService } from './helpers/exampleObjects';

/** A Deployment `web` with port 8080 and `container` lines, and a Service `web` targeting that port. */
const servedDeployment = (
  container: string[],
) => `${exampleDeployment({ templateMetadata: ['labels:', '  app: web'], container: ['ports:', '  - containerPort: 8080', ...container] })}---
${exampleService(['selector:', '  app: web', 'ports:', '  - port: 80', '    targetPort: 8080'])}`;

export const rule = objectRule({
  id: 'require-readiness-probe',
  defaultSeverity: 'warning',
  kinds: SERVING_KINDS,
  messages: {
    containerWithout:
      'Container {{containers}} of {{owner}} has no readiness probe, although Service {{service}} selects its pods: traffic reaches each pod as soon as its process starts, before it can answer. Add a readinessProbe.',
    noContainerWith:
      'None of the containers {{containers}} of {{owner}} has a readiness probe, although Service {{service}} selects its pods: traffic reaches each pod as soon as its process starts, before it can answer. Add a readinessProbe.',
  },
  summary: 'Pods selected by a Service have a readiness probe.',
  rationale:
    'A Service sends traffic to every pod it selects as soon as the pod is Ready. Without a readiness probe a container is Ready the moment its process starts — before it listens, loads its configuration or warms its caches — so rollouts and restarts turn into failed requests, and a pod that loses a dependency keeps receiving traffic. One probed container per pod is enough (the pod is Ready only when all its containers are); init containers, Jobs and CronJobs are exempt.',
  remediation: 'Add a `readinessProbe` to the serving container that checks the application can answer (an HTTP endpoint, or a TCP or gRPC check on its port).',
  valid: [
    `${exampleDeployment({
      templateMetadata: ['labels: { app: web }'],
      container: ['readinessProbe: { httpGet: { path: /ready, port: 8080 } }'],
      otherContainers: ['- name: log-shipper', '  image: shipper:2.0.0'],
    })}---
${exampleService(['selector: { app: web }', 'ports: [{ port: 80, targetPort: 8080 }]'])}`,
  ],
  invalid: [
    {
      example: servedDeployment([]),
      messageId: 'containerWithout',
      line: 12,
      column: 11,
      output: servedDeployment(['readinessProbe:', '  tcpSocket:', '    port: 8080', '  periodSeconds: 10']),
    },
    {
      example: exampleServedPod('[{ name: web, image: web:1.0.0 }, { name: proxy, image: envoy:1.30.0 }]', '[{ port: 80, targetPort: 8080 }]'),
      messageId: 'noContainerWith',
      line: 7,
      column: 18,
    },
  ],
  check(context) {
    checkProbeRequirement(context, 'readinessProbe');
  },
});
