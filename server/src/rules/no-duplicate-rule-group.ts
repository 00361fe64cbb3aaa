import { monitoringRule } from '../engine/lint/rule';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { ruleGroups } from '../engine/monitoring/walk';

export const rule = monitoringRule({
  id: 'no-duplicate-rule-group',
  defaultSeverity: 'error',
  kinds: kindsFor('prometheus-rules'),
  messages: {
    unnamedGroup: 'Rule group #{{index}} has no name: Prometheus refuses groups without one. Add name.',
    duplicateGroup: 'Rule group name {{name}} is already used by group #{{first}} of this file: Prometheus refuses the file. Rename one group or merge them.',
  },
  summary: 'Rule groups of a file have distinct, non-empty names.',
  rationale:
    'Prometheus identifies a rule group by its file and name: `promtool check rules` refuses a file where a group name is repeated ("groupname is repeated in the same file") or empty, and the server does not load it.',
  remediation: 'Give each group its own name, or merge the rules of the two groups into one.',
  valid: [
    `groups:
  - name: api
    rules: []
  - name: web
    rules: []
`,
  ],
  invalid: [
    {
      example: `groups:
  - name: api
    rules:
      - alert: Down
        expr: up == 0
  - name: api
    rules:
      - alert: Slow
        expr: latency_seconds > 1
`,
      messageId: 'duplicateGroup',
      line: 6,
      column: 11,
    },
    {
      example: `groups:
  - name: ''
    rules: []
`,
      messageId: 'unnamedGroup',
      line: 2,
      column: 5,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'prometheus-rules')) {
      const seen = new Map<string, number>();
      for (const group of ruleGroups(source.value)) {
        const name = group.value['name'];
        const index = Number(group.path[group.path.length - 1]);
        if (name === undefined || name === null || name === '') {
          source.report({ path: 'name' in group.value ? [...group.path, 'name'] : group.path, messageId: 'unnamedGroup', data: { index: index + 1 } });
          continue;
        }
        const first = seen.get(String(name));
        if (first === undefined) seen.set(String(name), index);
        else source.report({ path: [...group.path, 'name'], part: 'value', messageId: 'duplicateGroup', data: { name: String(name), first: first + 1 } });
      }
    }
  },
});
