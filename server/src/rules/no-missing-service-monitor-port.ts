import { objectRule } from '../engine/lint/rule';
import type { RenderedObject } from '../engine/render/render';
import { describe } from '../engine/k8s/selection';
import { isMonitoringObject, SERVICE_MONITOR_KIND, serviceMonitorEndpoints, servicePortNames, servicesSelectedByMonitor } from '../engine/k8s/monitors';
import { exampleService } from './helpers/exampleObjects';
import { exampleServiceMonitor } from './helpers/exampleMonitoring';

const MONITOR = (port: string): string => exampleServiceMonitor(port, { endpoint: ['interval: 30s'] });

const SERVICE = exampleService(
  ['selector: { app: web }', 'ports:', '  - { name: http, port: 80, targetPort: 8080 }', '  - { name: metrics, port: 9090 }'],
  'web',
  ['labels: { app: web }'],
);

function portList(services: readonly RenderedObject[]): string {
  const names = [...new Set(services.flatMap(servicePortNames))];
  return names.length > 0 ? `its ports are named ${names.join(', ')}` : 'its ports have no names';
}

export const rule = objectRule({
  id: 'no-missing-service-monitor-port',
  defaultSeverity: 'warning',
  kinds: [SERVICE_MONITOR_KIND],
  messages: {
    noSuchPort:
      'ServiceMonitor {{monitor}} scrapes port {{port}}, but no Service it selects has a port of that name ({{services}}: {{ports}}): this endpoint scrapes nothing. Use the name of a Service port.',
  },
  summary: "A ServiceMonitor endpoint's `port` names a port of the Services it selects.",
  rationale:
    "An endpoint's `port` is the *name* of a Service port (`spec.ports[].name`), not a number or a container port name. prometheus-operator keeps only the endpoints whose Service has a port of that name, so a typo or a port number in quotes scrapes nothing, without any error. Checked only when the ServiceMonitor's selector picks Services in the workspace.",
  remediation:
    'Set `port` to the `name` of the Service port that serves the metrics (name the Service port first when it has none), or use `targetPort` for a container port.',
  valid: [`${SERVICE}---\n${MONITOR('metrics')}`],
  invalid: [
    {
      example: `${SERVICE}---\n${MONITOR('metric')}`,
      messageId: 'noSuchPort',
      line: 21,
      column: 13,
    },
  ],
  check(context) {
    const monitor = context.target.object;
    if (!isMonitoringObject(monitor)) return;
    const services = servicesSelectedByMonitor(context.workspace, monitor);
    if (services.length === 0) return;
    const names = new Set(services.flatMap(servicePortNames));
    for (const endpoint of serviceMonitorEndpoints(monitor)) {
      if (endpoint.port === undefined || names.has(endpoint.port)) continue;
      const service = services[0]!;
      const origin = service.locate(['spec', 'ports']);
      context.report({
        path: [...endpoint.path, 'port'],
        part: 'value',
        messageId: 'noSuchPort',
        data: {
          monitor: monitor.identity.name ?? '',
          port: endpoint.port,
          services: services.length === 1 ? describe(service) : `${services.length} Services`,
          ports: portList(services),
        },
        related: [{ uri: origin.doc.uri, range: origin.doc.rangeOfPath(origin.path), message: `The ports of ${describe(service)}` }],
      });
    }
  },
});
