import type { Rule } from '../engine/lint/rule';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { list, record } from '../engine/k8s/values';

export const rule: Rule = {
  id: 'require-container-port',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  summary: "Every entry of a container's `ports` has a `containerPort`.",
  rationale:
    '`containerPort` is the one required field of a port entry: the API server rejects an entry without it (or with `containerPort:` left empty, which YAML reads as null). It usually happens when a port is stubbed out with only a name, or when a templating step produced an empty value.',
  remediation: 'Set `containerPort` to the port the application listens on, or delete the entry.',
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: mail
spec:
  containers:
    - name: mail
      image: mailserver:2.3.0
      ports:
        - name: smtp
          containerPort: 25
`,
  ],
  invalid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: mail
spec:
  containers:
    - name: mail
      image: mailserver:2.3.0
      ports:
        - name: smtp
          containerPort:
`,
  ],
  check(context) {
    if (context.target.type !== 'object') return;
    const object = context.target.object;
    for (const ref of containersOf(object, true)) {
      list(ref.container.ports).forEach((item, i) => {
        const port = record(item);
        if (!port || (port.containerPort !== undefined && port.containerPort !== null && port.containerPort !== '')) return;
        const label = typeof port.name === 'string' ? `Port ${port.name}` : `Port ${i + 1}`;
        const present = 'containerPort' in port;
        context.report({
          path: [...ref.path, 'ports', i, ...(present ? ['containerPort'] : [])],
          message: `${label} of container ${ref.name} in ${object.identity.kind} ${object.identity.name ?? ''} has ${present ? 'an empty' : 'no'} containerPort, which the API server requires. Set the port the application listens on, or delete the entry.`,
        });
      });
    }
  },
};
