import { objectRule } from '../engine/lint/rule';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { list, record } from '../engine/k8s/values';
import { examplePod } from './helpers/exampleObjects';

/** A Pod mail whose port smtp has `port` lines after its name. */
const mailPod = (port: string[]) => examplePod(['ports:', '  - name: smtp', ...port.map((line) => `    ${line}`)], { name: 'mail', image: 'mailserver:2.3.0' });

export const rule = objectRule({
  id: 'require-container-port',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  messages: {
    noContainerPort:
      'Port {{port}} of container {{container}} in {{kind}} {{name}} has no containerPort, which the API server requires. Set the port the application listens on, or delete the entry.',
    emptyContainerPort:
      'Port {{port}} of container {{container}} in {{kind}} {{name}} has an empty containerPort, which the API server requires. Set the port the application listens on, or delete the entry.',
  },
  summary: "Every entry of a container's `ports` has a `containerPort`.",
  rationale:
    '`containerPort` is the one required field of a port entry: the API server rejects an entry without it (or with `containerPort:` left empty, which YAML reads as null). It usually happens when a port is stubbed out with only a name, or when a templating step produced an empty value.',
  remediation: 'Set `containerPort` to the port the application listens on, or delete the entry.',
  valid: [mailPod(['containerPort: 25'])],
  invalid: [
    { example: mailPod(['containerPort:']), messageId: 'emptyContainerPort', line: 11, column: 11 },
    { example: examplePod(['ports:', '  - name: http', '    protocol: TCP']), messageId: 'noContainerPort', line: 10, column: 11 },
  ],
  check(context) {
    const object = context.target.object;
    for (const ref of containersOf(object, true)) {
      list(ref.container.ports).forEach((item, i) => {
        const port = record(item);
        if (!port || (port.containerPort !== undefined && port.containerPort !== null && port.containerPort !== '')) return;
        const present = 'containerPort' in port;
        context.report({
          path: [...ref.path, 'ports', i, ...(present ? ['containerPort'] : [])],
          messageId: present ? 'emptyContainerPort' : 'noContainerPort',
          data: { port: typeof port.name === 'string' ? port.name : i + 1, container: ref.name, kind: object.identity.kind, name: object.identity.name ?? '' },
        });
      });
    }
  },
});
