/** Shared check of require-readiness-probe and require-liveness-probe: pods behind a Service without a probe of a kind. */
import type { ObjectRuleContext } from '../../engine/lint/rule';
import type { FindingFix } from '../../engine/types';
import { entryAnchor } from '../../engine/render/anchor';
import { fix, insertAfterEntry } from './edits';
import { PROBE_LABEL, servingContainers, type ProbeField } from '../../engine/k8s/probes';
import { containerPorts } from '../../engine/k8s/podSpec';
import { servicesSelecting } from '../../engine/k8s/selection';
import { record } from '../../engine/k8s/values';

/** The messages of a probe requirement rule: one container without the probe, or several and none has it. */
export type ProbeRequirementMessage = 'containerWithout' | 'noContainerWith';

/**
 * Reports once per pod template when a Service selects it and none of its regular containers has a
 * probe of this kind. One probed container is enough: the pod is ready only when every container is,
 * and a container without a readiness probe counts as ready once it runs (sidecars need none).
 */
export function checkProbeRequirement(context: ObjectRuleContext<ProbeRequirementMessage>, field: ProbeField): void {
  const object = context.target.object;
  const containers = servingContainers(object);
  if (containers.length === 0 || containers.some((c) => record(c.container[field]))) return;
  const services = servicesSelecting(context.workspace, object);
  if (services.length === 0) return;
  const first = containers[0]!;
  const service = services[0]!;
  const names = containers.map((c) => c.name).join(', ');
  const owner = `${object.identity.kind} ${object.identity.name ?? ''}`;
  const serviceOrigin = service.locate(['spec', 'selector']);
  // On the container's definition (the base), not on a patch that merely repeats its name.
  const at = entryAnchor(object, first.path, 'name');
  context.report({
    ...(at ? { at } : { path: [...first.path, 'name'] }),
    messageId: containers.length === 1 ? 'containerWithout' : 'noContainerWith',
    data: { containers: names, owner, service: service.identity.name ?? '' },
    related: [
      {
        uri: serviceOrigin.doc.uri,
        range: serviceOrigin.doc.rangeOfPath(serviceOrigin.path),
        message: `Service ${service.identity.name ?? ''} selects these pods`,
      },
    ],
    fixes: tcpProbeFix(context, first, field),
  });
}

/** A TCP probe on the first declared port: a starting point the user should turn into a real check. */
function tcpProbeFix(context: ObjectRuleContext, container: ReturnType<typeof servingContainers>[number], field: ProbeField): FindingFix[] {
  const port = containerPorts(container).find((p) => p.containerPort !== undefined);
  if (!port) return [];
  const anchor = context.locate([...container.path, 'ports']);
  const lines = [`${field}:`, '  tcpSocket:', `    port: ${port.name ?? port.containerPort}`, '  periodSeconds: 10'];
  return fix(`Add a TCP ${PROBE_LABEL[field]} on port ${port.name ?? port.containerPort} (replace with a real health check)`, 'unsafe', anchor.doc, [
    insertAfterEntry(anchor.doc, anchor.path, lines),
  ]);
}
