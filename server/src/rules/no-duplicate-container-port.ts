import { objectRule } from '../engine/lint/rule';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { list, num, record, str } from '../engine/k8s/values';
import { examplePod, labelledDeployment } from './helpers/exampleObjects';

export const rule = objectRule({
  id: 'no-duplicate-container-port',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  messages: {
    duplicateName:
      'Container {{container}} in {{owner}} declares port name {{name}} twice, so the API server rejects the pod template. Rename or delete one of them.',
    duplicatePort:
      'Port {{port}} of container {{container}} in {{owner}} is already declared by container {{first}}: containers of a pod share one network, so only one of them can listen on it. Use another port or delete the duplicate.',
  },
  summary: 'Container ports are unique: no name twice in a container, no number and protocol twice in a pod.',
  rationale:
    'The API server rejects two ports with the same name in one container, and a named port must designate one port for probes and Services to resolve it. All containers of a pod share one network namespace, so two declarations of the same port number and protocol (in one container or in two) cannot both be bound: one process fails to listen, and Services targeting the port reach whichever container won.',
  remediation: 'Give each port its own name and number, or delete the duplicate declaration.',
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: dns
spec:
  containers:
    - name: dns
      image: coredns/coredns:1.11.1
      ports:
        - name: dns
          containerPort: 53
          protocol: UDP
        - name: dns-tcp
          containerPort: 53
          protocol: TCP
`,
  ],
  invalid: [
    {
      example: labelledDeployment({
        name: 'app',
        image: 'app:1.0.0',
        container: ['ports:', '  - name: app', '    containerPort: 80', '  - name: app', '    containerPort: 8080'],
      }),
      messageId: 'duplicateName',
      line: 20,
      column: 21,
    },
    {
      example: examplePod(['ports:', '  - containerPort: 8080'], {
        image: 'nginx:1.27',
        otherContainers: ['- name: sidecar', '  image: envoyproxy/envoy:v1.30.1', '  ports:', '    - containerPort: 8080'],
      }),
      messageId: 'duplicatePort',
      line: 14,
      column: 26,
    },
  ],
  check(context) {
    const object = context.target.object;
    const owner = `${object.identity.kind} ${object.identity.name ?? ''}`;
    const numbers = new Map<string, string>();
    for (const ref of containersOf(object)) {
      const names = new Set<string>();
      list(ref.container.ports).forEach((item, i) => {
        const port = record(item);
        const name = str(port?.name);
        const path = [...ref.path, 'ports', i];
        if (name !== undefined && names.has(name)) {
          context.report({
            path: [...path, 'name'],
            part: 'value',
            messageId: 'duplicateName',
            data: { container: ref.name, owner, name },
          });
          return;
        }
        if (name !== undefined) names.add(name);
        const number = num(port?.containerPort);
        if (number === undefined) return;
        const key = `${number}/${str(port?.protocol) ?? 'TCP'}`;
        const first = numbers.get(key);
        if (first !== undefined) {
          context.report({
            path: [...path, 'containerPort'],
            part: 'value',
            messageId: 'duplicatePort',
            data: { port: key, container: ref.name, owner, first },
          });
        } else numbers.set(key, ref.name);
      });
    }
  },
});
