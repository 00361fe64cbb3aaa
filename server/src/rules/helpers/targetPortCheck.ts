/** The targetPort check of no-undeclared-target-port: each Service port against the selected containers' ports. */
import type { ObjectRuleContext } from '../../engine/lint/rule';
import type { FindingFix, RelatedLocation } from '../../engine/types';
import { fix, insertAfterEntry, replaceValue } from './edits';
import { declaredPorts, describe, selectedWorkloads, serviceSelector, type DeclaredPort } from '../../engine/k8s/selection';
import { yamlScalar } from './scalarSource';
import { at, list, num, record, str } from '../../engine/k8s/values';

function portText(p: DeclaredPort): string {
  return p.name ? `${p.name} (${p.number ?? '?'})` : String(p.number ?? '?');
}

function retargetFix(context: ObjectRuleContext, index: number, hasTargetPort: boolean, to: string | number): FindingFix[] {
  const base = ['spec', 'ports', index];
  const text = typeof to === 'number' ? String(to) : yamlScalar(to);
  const origin = context.locate([...base, hasTargetPort ? 'targetPort' : 'port']);
  const edit = hasTargetPort ? replaceValue(origin.doc, origin.path, text) : insertAfterEntry(origin.doc, origin.path, [`targetPort: ${text}`]);
  return fix(`Target port ${to}`, 'unsafe', origin.doc, [edit]);
}

function relatedPorts(ports: readonly DeclaredPort[]): RelatedLocation[] {
  return ports.slice(0, 5).map((p) => {
    const origin = p.workload.locate(p.path);
    return {
      uri: origin.doc.uri,
      range: origin.doc.rangeOfPath(origin.path),
      message: `container ${p.container} of ${describe(p.workload)} declares port ${portText(p)}`,
    };
  });
}

/** The messages of no-undeclared-target-port. */
export const TARGET_PORT_MESSAGES = {
  unknownPortName:
    'Service {{service}} targets port name {{name}}, but no container of {{selected}} declares a port with that name (declared names: {{names}}): the pods get no endpoint and the Service sends them no traffic. Use a declared port name or number.',
  noNamedPorts:
    'Service {{service}} targets port name {{name}}, but no container of {{selected}} declares a port with that name (no named ports are declared): the pods get no endpoint and the Service sends them no traffic. Use a declared port name or number.',
  undeclaredPort:
    "Service {{service}} sends traffic to port {{port}}/{{protocol}}, but the containers of {{selected}} declare {{declared}}: unless the application also listens on {{port}}, connections fail. Target a declared port or declare {{port}} in the container's ports.",
};

/** Reports each port of the checked Service whose target no selected container declares. */
export function checkTargetPorts(context: ObjectRuleContext<keyof typeof TARGET_PORT_MESSAGES>): void {
  const service = context.target.object;
  const selector = serviceSelector(service);
  if (!selector) return;
  const workloads = selectedWorkloads(context.workspace, service.identity.namespace, selector);
  if (workloads.length === 0) return;
  const declared = declaredPorts(workloads);
  const selected = workloads.map(describe).join(', ');
  list(at(service.value, 'spec', 'ports')).forEach((item, i) => {
    const port = record(item);
    if (!port) return;
    const hasTargetPort = port.targetPort !== undefined && port.targetPort !== null;
    const target = hasTargetPort ? port.targetPort : port.port;
    const protocol = str(port.protocol) ?? 'TCP';
    const path = ['spec', 'ports', i, hasTargetPort ? 'targetPort' : 'port'];
    const name = str(target);
    if (name !== undefined && !/^\d+$/.test(name)) {
      if (declared.some((p) => p.name === name)) return;
      const names = [...new Set(declared.map((p) => p.name).filter((n): n is string => n !== undefined))];
      context.report({
        path,
        part: 'value',
        severity: 'error',
        messageId: names.length > 0 ? 'unknownPortName' : 'noNamedPorts',
        data: { service: service.identity.name ?? '', name, selected, names: names.join(', ') },
        related: relatedPorts(declared),
        fixes: names.length === 1 ? retargetFix(context, i, hasTargetPort, names[0]!) : [],
      });
      return;
    }
    const number = num(target) ?? (name !== undefined ? Number(name) : undefined);
    if (number === undefined || declared.length === 0) return;
    if (declared.some((p) => p.number === number && p.protocol === protocol)) return;
    const numbers = [...new Set(declared.filter((p) => p.protocol === protocol && p.number !== undefined).map((p) => p.number!))];
    context.report({
      path,
      part: 'value',
      messageId: 'undeclaredPort',
      data: { service: service.identity.name ?? '', port: number, protocol, selected, declared: declared.map(portText).join(', ') },
      related: relatedPorts(declared),
      fixes: numbers.length === 1 ? retargetFix(context, i, hasTargetPort, numbers[0]!) : [],
    });
  });
}
