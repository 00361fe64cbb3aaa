import type { Rule, RuleContext } from '../engine/lint/rule';
import type { ValuePath } from '../engine/types';
import { containerPorts, WORKLOAD_KINDS, type ContainerPort } from '../engine/k8s/podSpec';
import { PROBE_LABEL, probeHandler, probesOf } from '../engine/k8s/probes';

export const rule: Rule = {
  id: 'probe-port-declared',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  summary: 'A probe’s port is one the container declares: a port name must exist; a number should be a containerPort.',
  rationale:
    'A named probe port (`port: http`) is looked up in the container’s `ports` when the probe runs; if no port has that name, the probe can never succeed — a liveness probe then restarts the container forever and a readiness probe keeps it out of every Service (error). A name that resolves to a UDP port only (warning): HTTP, TCP and gRPC probes connect over TCP. A number that is not among the declared `containerPort`s is reported for information only: declaring ports is optional and many applications serve health checks on a port they do not declare (ingress-nginx on 10254, CoreDNS on 8080 and 8181), so a container that declares none is not checked. Names are resolved on the rendered container, so a probe in a patch finds a port declared in the base.',
  remediation: 'Use a port name or number the container declares in `ports`, or declare the port.',
  valid: [
    {
      files: {
        'web-deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: web:1.0.0
          ports:
            - name: http
              containerPort: 8080
`,
        'web-probes.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          readinessProbe:
            httpGet: { path: /ready, port: http }
`,
      },
      note: 'The probe in the patch uses the port name declared in the base.',
    },
  ],
  invalid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: web:1.0.0
      ports:
        - name: http
          containerPort: 8080
      livenessProbe:
        httpGet:
          path: /live
          port: htpp
`,
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: web:1.0.0
      ports:
        - containerPort: 8080
      readinessProbe:
        tcpSocket:
          port: 9090
`,
  ],
  check(context) {
    if (context.target.type !== 'object') return;
    for (const ref of probesOf(context.target.object)) {
      const handler = probeHandler(ref.probe);
      if (!handler || handler.type === 'exec') continue;
      const port = handler.spec.port;
      const ports = containerPorts(ref.container);
      const path = [...ref.path, handler.type, 'port'];
      const label = `The ${PROBE_LABEL[ref.field]} of container ${ref.container.name}`;
      if (typeof port === 'string' && !/^\d+$/.test(port)) {
        const named = ports.find((p) => p.name === port);
        if (named) {
          reportUdpOnly(context, named, ports, path, label);
          continue;
        }
        const names = ports.map((p) => p.name).filter((n): n is string => !!n);
        const known = names.length > 0 ? `its ports are named ${names.join(', ')}` : 'it declares no named port';
        context.report({
          path,
          part: 'value',
          message: `${label} uses port name \`${port}\`, but ${known}: the probe can never succeed. Use a declared port name or number, or name the container port \`${port}\`.`,
        });
      } else if (typeof port === 'number' || typeof port === 'string') {
        const number = Number(port);
        // Without declared ports there is nothing to compare with: declaring them is optional.
        if (ports.length === 0 || ports.some((p) => p.containerPort === number)) continue;
        const known = `it declares ${ports.map((p) => p.containerPort).join(', ')}`;
        context.report({
          path,
          part: 'value',
          severity: 'info',
          message: `${label} checks port ${number}, but ${known}: check that the application listens on ${number}. Use a declared containerPort, or declare ${number} in \`ports\`.`,
        });
      }
    }
  },
};

/** A probe on a named port that is UDP only: the kubelet connects over TCP, nothing answers there. */
function reportUdpOnly(context: RuleContext, named: ContainerPort, ports: readonly ContainerPort[], path: ValuePath, label: string): void {
  if (named.protocol !== 'UDP' && named.protocol !== 'SCTP') return;
  // A server listening on both (DNS on 53) usually declares the TCP port too.
  if (ports.some((p) => p.containerPort === named.containerPort && p.protocol === 'TCP')) return;
  context.report({
    path,
    part: 'value',
    severity: 'warning',
    message: `${label} uses port \`${named.name ?? ''}\`, which is declared ${named.protocol} only: the probe connects over TCP, so it fails unless the application also listens on TCP ${named.containerPort ?? ''}. Probe a TCP port, or declare the TCP port.`,
  });
}
