/** The targetPort check of no-undeclared-target-port: each Service port against the selected containers' ports. */
import type { RuleContext } from '../../engine/lint/rule';
import type { FindingFix, RelatedLocation } from '../../engine/types';
import { fix, insertAfterEntry, replaceValue } from './edits';
import { declaredPorts, describe, selectedWorkloads, serviceSelector, type DeclaredPort } from '../../engine/k8s/selection';
import { yamlScalar } from './scalarSource';
import { at, list, num, record, str } from '../../engine/k8s/values';

function portText(p: DeclaredPort): string {
  return p.name ? `${p.name} (${p.number ?? '?'})` : String(p.number ?? '?');
}

function retargetFix(context: RuleContext, index: number, hasTargetPort: boolean, to: string | number): FindingFix[] {
  const base = ['spec', 'ports', index];
  const text = typeof to === 'number' ? String(to) : yamlScalar(to);
  const origin = context.locate([...base, hasTargetPort ? 'targetPort' : 'port']);
  const edit = hasTargetPort
    ? replaceValue(origin.doc, origin.path, text)
    : insertAfterEntry(origin.doc, origin.path, [`targetPort: ${text}`]);
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

/** Reports each port of the checked Service whose target no selected container declares. */
export function checkTargetPorts(context: RuleContext): void {
  if (context.target.type !== 'object') return;
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
        message: `Service ${service.identity.name ?? ''} targets port name ${name}, but no container of ${selected} declares a port with that name (${names.length > 0 ? `declared names: ${names.join(', ')}` : 'no named ports are declared'}): the pods get no endpoint and the Service sends them no traffic. Use a declared port name or number.`,
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
      message: `Service ${service.identity.name ?? ''} sends traffic to port ${number}/${protocol}, but the containers of ${selected} declare ${declared.map(portText).join(', ')}: unless the application also listens on ${number}, connections fail. Target a declared port or declare ${number} in the container's ports.`,
      related: relatedPorts(declared),
      fixes: numbers.length === 1 ? retargetFix(context, i, hasTargetPort, numbers[0]!) : [],
    });
  });
}
