import { objectRule } from '../engine/lint/rule';
import { deleteEntry, fix } from './helpers/edits';
import { entriesOf } from '../engine/k8s/secretData';
import { exampleSecret } from './helpers/exampleReferences';

export const rule = objectRule({
  id: 'no-duplicate-secret-key',
  defaultSeverity: 'warning',
  kinds: ['Secret'],
  messages: {
    inDataAndStringData:
      'Secret {{secret}}: key {{key}} is in both data and stringData; the API server keeps the stringData value and silently drops this one. Delete one of the two entries.',
  },
  summary: 'A Secret key is set in `data` or in `stringData`, not in both.',
  rationale:
    'When a key is in both maps, the API server silently replaces the `data` value with the `stringData` one. Whoever edits the `data` value later sees no effect, and a reviewer cannot tell from the manifest which value the pods get.',
  remediation:
    'Keep the key in one map only: delete the `data` entry (the `stringData` value is the one in effect), or delete the `stringData` entry if the `data` value is the one you meant.',
  valid: [exampleSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQ=', 'stringData:', '  DATABASE_URL: postgres://user:pass@host/db'])],
  invalid: [
    {
      example: exampleSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQ=', 'stringData:', '  JWT_SECRET: supersecret2']),
      messageId: 'inDataAndStringData',
      line: 6,
      column: 3,
      output: exampleSecret(['data: {}', 'stringData:', '  JWT_SECRET: supersecret2']),
    },
  ],
  check(context) {
    const object = context.target.object;
    const stringKeys = new Set(entriesOf(object, 'stringData').map((e) => e.key));
    for (const entry of entriesOf(object, 'data')) {
      if (!stringKeys.has(entry.key)) continue;
      const origin = context.locate(entry.path);
      const other = context.locate(['stringData', entry.key]);
      context.report({
        path: entry.path,
        messageId: 'inDataAndStringData',
        data: { secret: object.identity.name ?? '', key: entry.key },
        related: [{ uri: other.doc.uri, range: other.doc.rangeOfPath(other.path), message: `stringData.${entry.key}, the value in effect` }],
        fixes: fix(`Delete data.${entry.key} (stringData wins)`, 'safe', origin.doc, [deleteEntry(origin.doc, origin.path)]),
      });
    }
  },
});
