import { objectRule, type ObjectRuleContext } from '../engine/lint/rule';
import type { ValuePath } from '../engine/types';
import { containerPorts, WORKLOAD_KINDS, type ContainerPort } from '../engine/k8s/podSpec';
import { PROBE_LABEL, probeHandler, probesOf } from '../engine/k8s/probes';
import { exampleDeployment, exampleDeploymentPatch, examplePod } from './helpers/exampleObjects';

export const rule = objectRule({
  id: 'no-undeclared-probe-port',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  messages: {
    unknownPortName:
      'The {{probe}} of container {{container}} uses port name `{{port}}`, but its ports are named {{names}}: the probe can never succeed. Use a declared port name or number, or name the container port `{{port}}`.',
    noNamedPorts:
      'The {{probe}} of container {{container}} uses port name `{{port}}`, but it declares no named port: the probe can never succeed. Use a declared port name or number, or name the container port `{{port}}`.',
    undeclaredPort:
      'The {{probe}} of container {{container}} checks port {{port}}, but it declares {{declared}}: check that the application listens on {{port}}. Use a declared containerPort, or declare {{port}} in `ports`.',
    udpOnlyPort:
      'The {{probe}} of container {{container}} uses port `{{port}}`, which is declared {{protocol}} only: the probe connects over TCP, so it fails unless the application also listens on TCP {{number}}. Probe a TCP port, or declare the TCP port.',
  },
  summary: 'A probe’s port is one the container declares: a port name must exist; a number should be a containerPort.',
  rationale:
    'A named probe port (`port: http`) is looked up in the container’s `ports` when the probe runs; if no port has that name, the probe can never succeed — a liveness probe then restarts the container forever and a readiness probe keeps it out of every Service (error). A name that resolves to a UDP port only (warning): HTTP, TCP and gRPC probes connect over TCP. A number that is not among the declared `containerPort`s is reported for information only: declaring ports is optional and many applications serve health checks on a port they do not declare (ingress-nginx on 10254, CoreDNS on 8080 and 8181), so a container that declares none is not checked. Names are resolved on the rendered container, so a probe in a patch finds a port declared in the base.',
  remediation: 'Use a port name or number the container declares in `ports`, or declare the port.',
  valid: [
    {
      files: {
        'web-deployment.yaml': exampleDeployment({ container: ['ports:', '  - name: http', '    containerPort: 8080'] }),
        'web-probes.yaml': exampleDeploymentPatch(['readinessProbe:', '  httpGet: { path: /ready, port: http }']),
      },
      note: 'The probe in the patch uses the port name declared in the base.',
    },
  ],
  invalid: [
    {
      example: examplePod(['ports:', '  - name: http', '    containerPort: 8080', 'livenessProbe:', '  httpGet:', '    path: /live', '    port: htpp']),
      messageId: 'unknownPortName',
      line: 15,
      column: 17,
    },
    {
      example: examplePod(['ports:', '  - containerPort: 8080', 'readinessProbe:', '  tcpSocket:', '    port: 9090']),
      messageId: 'undeclaredPort',
      line: 13,
      column: 17,
    },
    {
      example: examplePod(['ports: [{ containerPort: 8080 }]', 'readinessProbe: { httpGet: { path: /ready, port: http } }']),
      messageId: 'noNamedPorts',
      line: 10,
      column: 56,
    },
    {
      example: examplePod(['ports: [{ name: dns, containerPort: 53, protocol: UDP }]', 'livenessProbe: { tcpSocket: { port: dns } }']),
      messageId: 'udpOnlyPort',
      line: 10,
      column: 43,
    },
  ],
  check(context) {
    for (const ref of probesOf(context.target.object)) {
      const handler = probeHandler(ref.probe);
      if (!handler || handler.type === 'exec') continue;
      const port = handler.spec.port;
      const ports = containerPorts(ref.container);
      const path = [...ref.path, handler.type, 'port'];
      const label = { probe: PROBE_LABEL[ref.field], container: ref.container.name };
      if (typeof port === 'string' && !/^\d+$/.test(port)) {
        const named = ports.find((p) => p.name === port);
        if (named) {
          reportUdpOnly(context, named, ports, path, label);
          continue;
        }
        const names = ports.map((p) => p.name).filter((n): n is string => !!n);
        context.report({
          path,
          part: 'value',
          ...(names.length > 0
            ? { messageId: 'unknownPortName', data: { ...label, port, names: names.join(', ') } }
            : { messageId: 'noNamedPorts', data: { ...label, port } }),
        });
      } else if (typeof port === 'number' || typeof port === 'string') {
        const number = Number(port);
        // Without declared ports there is nothing to compare with: declaring them is optional.
        if (ports.length === 0 || ports.some((p) => p.containerPort === number)) continue;
        context.report({
          path,
          part: 'value',
          severity: 'info',
          messageId: 'undeclaredPort',
          data: { ...label, port: number, declared: ports.map((p) => p.containerPort).join(', ') },
        });
      }
    }
  },
});

/** A probe on a named port that is UDP only: the kubelet connects over TCP, nothing answers there. */
function reportUdpOnly(
  context: ObjectRuleContext<'udpOnlyPort'>,
  named: ContainerPort,
  ports: readonly ContainerPort[],
  path: ValuePath,
  label: { probe: string; container: string },
): void {
  if (named.protocol !== 'UDP' && named.protocol !== 'SCTP') return;
  // A server listening on both (DNS on 53) usually declares the TCP port too.
  if (ports.some((p) => p.containerPort === named.containerPort && p.protocol === 'TCP')) return;
  context.report({
    path,
    part: 'value',
    severity: 'warning',
    messageId: 'udpOnlyPort',
    data: { ...label, port: named.name ?? '', protocol: named.protocol, number: named.containerPort ?? '' },
  });
}
