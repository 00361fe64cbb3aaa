import { objectRule, type ObjectRuleContext } from '../engine/lint/rule';
import type { ValuePath } from '../engine/types';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { at, list, num } from '../engine/k8s/values';
import { examplePod } from './helpers/exampleObjects';

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

/** A Service web with `spec` (its lines). */
const serviceWith = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;

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
    { example: examplePod(['ports:', '  - containerPort: 80800']), messageId: 'containerPort', line: 10, column: 26 },
    { example: serviceWith('  selector:\n    app: web\n  ports:\n    - port: 70000\n'), messageId: 'servicePort', line: 9, column: 13 },
    {
      example: serviceWith('  type: NodePort\n  selector: { app: web }\n  ports:\n    - port: 80\n      nodePort: 99999\n'),
      messageId: 'nodePort',
      line: 10,
      column: 17,
    },
    { example: examplePod(['ports:', '  - containerPort: 8080', '    hostPort: 70000']), messageId: 'hostPort', line: 11, column: 21 },
    { example: serviceWith('  selector: { app: web }\n  ports: [{ port: 80, targetPort: 80800 }]\n'), messageId: 'targetPort', line: 7, column: 35 },
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
