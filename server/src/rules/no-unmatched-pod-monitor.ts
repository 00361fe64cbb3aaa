import { objectRule } from '../engine/lint/rule';
import { WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import {
  anyInNamespaces,
  describeLabelSelector,
  isMonitoringObject,
  monitorNamespaces,
  monitorSelector,
  POD_MONITOR_KIND,
  workloadsSelectedByMonitor,
} from '../engine/k8s/monitors';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  selector:
    matchLabels: { app: worker }
  template:
    metadata:
      labels: { app: worker, tier: jobs }
    spec:
      containers:
        - name: worker
          image: worker:1.0.0
          ports:
            - { name: metrics, containerPort: 9100 }
`;

const podMonitor = (selector: string): string => `apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: worker
spec:
  selector:
${selector}
  podMetricsEndpoints:
    - port: metrics
`;

export const rule = objectRule({
  id: 'no-unmatched-pod-monitor',
  defaultSeverity: 'warning',
  kinds: [POD_MONITOR_KIND],
  messages: {
    noPods:
      'PodMonitor {{monitor}} selects pods labelled {{selector}}, but no pod template in {{where}} has these labels: Prometheus scrapes nothing for it. Fix the selector or the pod template labels.',
  },
  summary: "A PodMonitor's selector matches the pod template of some workload in the namespaces it looks in.",
  rationale:
    "prometheus-operator scrapes the pods whose labels match a PodMonitor's `spec.selector`, in its namespace or those of `spec.namespaceSelector`. When no pod template in the workspace matches — a label typo, a label that only the Deployment's own metadata has, the workload in another namespace — nothing is scraped, and nothing says so. Namespaces where the workspace defines no workload at all are not judged.",
  remediation:
    "Make `spec.selector` match the pod template labels (`spec.template.metadata.labels`) of the workload to scrape, and list its namespace in `spec.namespaceSelector.matchNames` when it is not the PodMonitor's own.",
  valid: [
    `${DEPLOYMENT}---\n${podMonitor('    matchLabels: { app: worker }\n    matchExpressions:\n      - { key: tier, operator: In, values: [jobs, batch] }')}`,
  ],
  invalid: [
    {
      example: `${DEPLOYMENT}---\n${podMonitor('    matchLabels: { app: workers }')}`,
      messageId: 'noPods',
      line: 23,
      column: 3,
    },
  ],
  check(context) {
    const monitor = context.target.object;
    const selector = monitorSelector(monitor);
    if (!selector || !isMonitoringObject(monitor)) return;
    if (workloadsSelectedByMonitor(context.workspace, monitor).length > 0) return;
    const namespaces = monitorNamespaces(monitor);
    if (!anyInNamespaces(context.workspace, WORKLOAD_KINDS, namespaces)) return;
    const where = namespaces === undefined ? 'any namespace' : `namespace ${namespaces.join(', ')}`;
    context.report({
      path: ['spec', 'selector'],
      messageId: 'noPods',
      data: { monitor: monitor.identity.name ?? '', selector: describeLabelSelector(selector), where },
    });
  },
});
