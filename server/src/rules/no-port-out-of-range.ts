import { objectRule, type ObjectRuleContext } from '../engine/lint/rule';
import type { ValuePath } from '../engine/types';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { at, list, num } from '../engine/k8s/values';

/** Reports `value` when it is a number outside 1..65535 (0 allowed where it means "unset"). */
const AFTER = 'is {{port}}, outside the valid port range 1–65535, so the API server rejects it. Use the port the application actually listens on.';

const messages = {
  servicePort: `Port {{index}} of {{owner}} ${AFTER}`,
  targetPort: `The targetPort of port {{index}} of {{owner}} ${AFTER}`,
  nodePort: `The nodePort of port {{index}} of {{owner}} ${AFTER}`,
  containerPort: `containerPort of container {{container}} in {{owner}} ${AFTER}`,
  hostPort: `hostPort of container {{container}} in {{owner}} ${AFTER}`,
};

type Where = { messageId: keyof typeof messages; data: Record<string, string | number> };

function checkPort(context: ObjectRuleContext<keyof typeof messages>, path: ValuePath, value: unknown, where: Where, zeroMeansUnset: boolean): void {
  const port = num(value);
  if (port === undefined || (zeroMeansUnset && port === 0)) return;
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return;
  context.report({
    path,
    part: 'value',
    messageId: where.messageId,
    data: { ...where.data, port },
  });
}

export const rule = objectRule({
  id: 'no-port-out-of-range',
  defaultSeverity: 'error',
  kinds: [...WORKLOAD_KINDS, 'Service'],
  messages,
  summary: 'Port numbers are between 1 and 65535.',
  rationale:
    'TCP and UDP ports are 16-bit numbers from 1 to 65535. The API server rejects a containerPort, hostPort, Service port, targetPort or nodePort outside that range — typically a typo (`80800`) or a value meant for another field.',
  remediation: 'Use a port between 1 and 65535.',
  valid: [
    `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 443
      targetPort: 8443
`,
  ],
  invalid: [
    {
      example: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80800
`,
      messageId: 'containerPort',
      line: 10,
      column: 26,
    },
    {
      example: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 70000
`,
      messageId: 'servicePort',
      line: 9,
      column: 13,
    },
    {
      example: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      nodePort: 99999
`,
      messageId: 'nodePort',
      line: 11,
      column: 17,
    },
    {
      example: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: web:1.0.0
      ports:
        - containerPort: 8080
          hostPort: 70000
`,
      messageId: 'hostPort',
      line: 11,
      column: 21,
    },
  ],
  check(context) {
    const object = context.target.object;
    const owner = `${object.identity.kind} ${object.identity.name ?? ''}`;
    if (object.identity.kind === 'Service') {
      list(at(object.value, 'spec', 'ports')).forEach((port, i) => {
        const base = ['spec', 'ports', i];
        const data = { index: i + 1, owner };
        checkPort(context, [...base, 'port'], at(port, 'port'), { messageId: 'servicePort', data }, false);
        checkPort(context, [...base, 'targetPort'], at(port, 'targetPort'), { messageId: 'targetPort', data }, true);
        checkPort(context, [...base, 'nodePort'], at(port, 'nodePort'), { messageId: 'nodePort', data }, true);
      });
      return;
    }
    for (const ref of containersOf(object, true)) {
      list(ref.container.ports).forEach((port, i) => {
        const base = [...ref.path, 'ports', i];
        const data = { container: ref.name, owner };
        checkPort(context, [...base, 'containerPort'], at(port, 'containerPort'), { messageId: 'containerPort', data }, true);
        checkPort(context, [...base, 'hostPort'], at(port, 'hostPort'), { messageId: 'hostPort', data }, true);
      });
    }
  },
});
