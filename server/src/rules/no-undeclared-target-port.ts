import { objectRule } from '../engine/lint/rule';
import { checkTargetPorts, TARGET_PORT_MESSAGES } from './helpers/targetPortCheck';
import { exampleServedPod, exampleService, labelledDeployment } from './helpers/exampleObjects';

/** The invalid example: main-app listens on 3000, its Service targets 8080. */
const INVALID_EXAMPLE = `${labelledDeployment({ container: ['ports:', '  - containerPort: 3000'] })}---
${exampleService(['selector:', '  app: main-app', 'ports:', '  - port: 80', '    targetPort: 8080'], 'main-app')}`;

/** The ai-personalization Deployment, listening on port http (3010), and its Service with `ports` lines. */
const aiPersonalization = (ports: string[]) => `${labelledDeployment({
  name: 'ai-personalization',
  image: 'azora/ai-personalization:1.4.2',
  container: ['ports:', '  - name: http', '    containerPort: 3010'],
})}---
${exampleService(['selector:', '  app: ai-personalization', 'ports:', ...ports], 'ai-personalization')}`;

export const rule = objectRule({
  id: 'no-undeclared-target-port',
  defaultSeverity: 'warning',
  kinds: ['Service'],
  messages: TARGET_PORT_MESSAGES,
  summary: "A Service's targetPort is a port the selected containers declare.",
  rationale:
    "A named targetPort is looked up in the `ports` of each selected pod's containers: when no container declares that name, the pod gets no endpoint and the Service sends no traffic (reported as an error). A numeric targetPort is used as is — declared ports are informational — but when the selected containers declare ports and none of them is the target, traffic most likely goes to a port nothing listens on (a warning). Numeric targets of containers that declare no ports at all are not reported.",
  remediation:
    "Point targetPort at a port the container declares (by name or number), or declare the port the application listens on in the container's `ports`.",
  valid: [aiPersonalization(['  - name: web', '    port: 3010', '    targetPort: http', '  - name: direct', '    port: 80', '    targetPort: 3010'])],
  invalid: [
    {
      example: INVALID_EXAMPLE,
      messageId: 'undeclaredPort',
      line: 29,
      column: 19,
      // The fix changes one line of the example.
      output: INVALID_EXAMPLE.replace('      targetPort: 8080\n', '      targetPort: 3000\n'),
    },
    {
      example: aiPersonalization(['  - port: 3010', '    targetPort: htpp']),
      messageId: 'unknownPortName',
      line: 30,
      column: 19,
      output: aiPersonalization(['  - port: 3010', '    targetPort: http']),
    },
    {
      example: exampleServedPod('[{ name: web, image: web:1.0.0, ports: [{ containerPort: 8080 }] }]', '[{ port: 80, targetPort: http }]'),
      messageId: 'noNamedPorts',
      line: 15,
      column: 35,
    },
  ],
  check(context) {
    checkTargetPorts(context);
  },
});
