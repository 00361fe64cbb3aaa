import { objectRule } from '../engine/lint/rule';
import { fix } from './helpers/edits';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { deleteItem } from './helpers/scalarSource';
import { list, record, str } from '../engine/k8s/values';
import { examplePod } from './helpers/exampleObjects';

/** A Pod app whose container has `env` lines (under its `env:`). */
const appPod = (env: string[]) => examplePod(['env:', ...env], { name: 'app', image: 'app:1.0.0' });

export const rule = objectRule({
  id: 'no-duplicate-env',
  defaultSeverity: 'warning',
  kinds: WORKLOAD_KINDS,
  messages: {
    duplicateEnv:
      'Env {{env}} of container {{container}} in {{kind}} {{name}} is defined twice; this later definition silently replaces the earlier one. Keep one of them.',
  },
  summary: 'A container defines each environment variable once.',
  rationale:
    'When `env` lists a name twice, the later entry silently wins. Whoever edits the earlier one sees no effect, and merges of patches or overlays that add a variable again make it unclear which value the container gets.',
  remediation: 'Keep one entry per name: delete the earlier definition (the later one is in effect) or merge them.',
  valid: [appPod(['  - name: NODE_ENV', '    value: production', '  - name: PORT', '    value: "3000"'])],
  invalid: [
    {
      example: appPod(['  - name: LOG_LEVEL', '    value: info', '  - name: PORT', '    value: "3000"', '  - name: LOG_LEVEL', '    value: debug']),
      messageId: 'duplicateEnv',
      line: 14,
      column: 17,
      output: appPod(['  - name: PORT', '    value: "3000"', '  - name: LOG_LEVEL', '    value: debug']),
    },
  ],
  check(context) {
    const object = context.target.object;
    for (const ref of containersOf(object, true)) {
      const first = new Map<string, number>();
      list(ref.container.env).forEach((item, i) => {
        const name = str(record(item)?.name);
        if (name === undefined) return;
        const earlier = first.get(name);
        if (earlier === undefined) {
          first.set(name, i);
          return;
        }
        const earlierPath = [...ref.path, 'env', earlier];
        const origin = context.locate(earlierPath);
        context.report({
          path: [...ref.path, 'env', i, 'name'],
          part: 'value',
          messageId: 'duplicateEnv',
          data: { env: name, container: ref.name, kind: object.identity.kind, name: object.identity.name ?? '' },
          related: [{ uri: origin.doc.uri, range: origin.doc.rangeOfPath(origin.path), message: `earlier definition of ${name}` }],
          fixes: fix(`Delete the earlier definition of ${name}`, 'safe', origin.doc, [deleteItem(origin.doc, origin.path)]),
        });
        first.set(name, i);
      });
    }
  },
});
