import { objectRule } from '../engine/lint/rule';
import {
  anyInNamespaces,
  describeLabelSelector,
  isMonitoringObject,
  monitorNamespaces,
  monitorSelector,
  SERVICE_MONITOR_KIND,
  servicesSelectedByMonitor,
} from '../engine/k8s/monitors';
import { exampleService } from './helpers/exampleObjects';
import { exampleServiceMonitor } from './helpers/exampleMonitoring';

const SERVICE = exampleService(['selector:', '  app: web', 'ports:', '  - name: http-metrics', '    port: 8080'], 'web', ['labels:', '  app: web']);

export const rule = objectRule({
  id: 'no-unmatched-service-monitor',
  defaultSeverity: 'warning',
  kinds: [SERVICE_MONITOR_KIND],
  messages: {
    noServices:
      "ServiceMonitor {{monitor}} selects Services labelled {{selector}}, but no Service in {{where}} has these labels: Prometheus scrapes nothing for it. A ServiceMonitor matches the Service's own metadata.labels; fix the selector or the Service's labels.",
  },
  summary: "A ServiceMonitor's selector matches the labels of some Service in the namespaces it looks in.",
  rationale:
    "prometheus-operator turns a ServiceMonitor into scrape jobs for the Services whose own labels (`metadata.labels`, not the Service's selector) match `spec.selector`, in the ServiceMonitor's namespace or those of `spec.namespaceSelector`. When none matches — a label typo, the selector copied from the Deployment's pod labels, the Service in another namespace — nothing is scraped and no error is shown anywhere: dashboards and alerts just go quiet. Namespaces where the workspace defines no Service at all are not judged (their Services are deployed from elsewhere).",
  remediation:
    "Make `spec.selector` match the labels of the Service to scrape (add the label to the Service's `metadata.labels`, or fix the selector), and list its namespace in `spec.namespaceSelector.matchNames` when it is not the ServiceMonitor's own.",
  valid: [
    `${SERVICE}---\n${exampleServiceMonitor('http-metrics')}`,
    `${SERVICE}---\n${exampleServiceMonitor('metrics', { name: 'node-exporter', spec: ['namespaceSelector:', '  matchNames: [kube-system]'] })}`,
  ],
  invalid: [
    {
      example: `${SERVICE}---\n${exampleServiceMonitor('http-metrics', { app: 'webapp' })}`,
      messageId: 'noServices',
      line: 19,
      column: 3,
    },
  ],
  check(context) {
    const monitor = context.target.object;
    const selector = monitorSelector(monitor);
    if (!selector || !isMonitoringObject(monitor)) return;
    const namespaces = monitorNamespaces(monitor);
    if (servicesSelectedByMonitor(context.workspace, monitor).length > 0) return;
    if (!anyInNamespaces(context.workspace, ['Service'], namespaces)) return;
    const where = namespaces === undefined ? 'any namespace' : `namespace ${namespaces.join(', ')}`;
    context.report({
      path: ['spec', 'selector'],
      messageId: 'noServices',
      data: { monitor: monitor.identity.name ?? '', selector: describeLabelSelector(selector), where },
    });
  },
});
