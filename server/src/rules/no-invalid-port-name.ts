import { objectRule } from '../engine/lint/rule';
import { portNameProblem } from '../engine/k8s/names';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { at, list, record, str } from '../engine/k8s/values';
import { examplePod, exampleService } from './helpers/exampleObjects';

export const rule = objectRule({
  id: 'no-invalid-port-name',
  defaultSeverity: 'error',
  kinds: [...WORKLOAD_KINDS, 'Service'],
  messages: {
    invalidTargetPortName:
      '{{owner}} targets port name {{name}}, which {{problem}}: no container can declare such a port, so the API server rejects it. Use a valid port name or a number.',
    invalidPortName:
      'Port name {{name}} of container {{container}} in {{owner}} {{problem}}, so the API server rejects the pod template. Use a short name such as `http` or `metrics`.',
  },
  summary: 'Container port names (and the names Services target) are valid IANA service names.',
  rationale:
    'Port names are IANA service names: at most 15 characters, lowercase letters, digits and `-`, at least one letter, no `--`, no `-` at either end. The API server rejects a pod template with any other container port name, and a Service `targetPort` by name can only refer to such a name. A long, descriptive name (`metrics-endpoint-http`) is the usual cause.',
  remediation: 'Shorten or rename the port (for example `http`, `metrics`, `grpc-api`) and update the probes and Services that refer to it by name.',
  valid: [examplePod(['ports:', '  - name: http', '    containerPort: 80', '  - name: metrics-9113', '    containerPort: 9113'], { image: 'nginx:1.27' })],
  invalid: [
    {
      example: examplePod(['ports:', '  - name: my-very-long-port-name', '    containerPort: 80'], { image: 'nginx:1.27' }),
      messageId: 'invalidPortName',
      line: 10,
      column: 17,
    },
    {
      example: exampleService(['selector:', '  app: web', 'ports:', '  - port: 80', '    targetPort: HTTP_PORT']),
      messageId: 'invalidTargetPortName',
      line: 10,
      column: 19,
    },
  ],
  check(context) {
    const object = context.target.object;
    const owner = `${object.identity.kind} ${object.identity.name ?? ''}`;
    if (object.identity.kind === 'Service') {
      list(at(object.value, 'spec', 'ports')).forEach((item, i) => {
        const target = str(at(item, 'targetPort'));
        const problem = target === undefined || /^\d+$/.test(target) ? undefined : portNameProblem(target);
        if (problem) {
          context.report({
            path: ['spec', 'ports', i, 'targetPort'],
            part: 'value',
            messageId: 'invalidTargetPortName',
            data: { owner, name: target!, problem },
          });
        }
      });
      return;
    }
    for (const ref of containersOf(object, true)) {
      list(ref.container.ports).forEach((item, i) => {
        const name = str(record(item)?.name);
        const problem = name === undefined ? undefined : portNameProblem(name);
        if (problem) {
          context.report({
            path: [...ref.path, 'ports', i, 'name'],
            part: 'value',
            messageId: 'invalidPortName',
            data: { name: name!, container: ref.name, owner, problem },
          });
        }
      });
    }
  },
});
