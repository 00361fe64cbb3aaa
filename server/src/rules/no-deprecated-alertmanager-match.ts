import { monitoringRule, type RuleContext } from '../engine/lint/rule';
import { legacyMatchBlocks } from '../engine/monitoring/alertmanager';
import { formatMatcher } from '../engine/monitoring/matchers';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { isObj, type At } from '../engine/monitoring/walk';
import type { FindingFix, ValuePath } from '../engine/types';
import { deleteEntry, fix, replaceEntry } from './helpers/edits';
import { childRoute, exampleAlertmanager } from './helpers/exampleMonitoring';

/** `matchers: [...]` replacing the `match`/`match_re` entries of a block (only when it has no `matchers` yet). */
function toMatchersFix(context: RuleContext<string>, block: At, keys: string[], target: string): FindingFix[] {
  const matchers: string[] = [];
  for (const key of keys) {
    const map = block.value[key];
    if (!isObj(map)) return [];
    for (const [name, value] of Object.entries(map)) matchers.push(formatMatcher(name, key.endsWith('_re') ? '=~' : '=', String(value)));
  }
  const first = context.locate([...block.path, keys[0]!] as ValuePath);
  const quoted = matchers.map((m) => `'${m.replace(/'/g, "''")}'`);
  // The first key becomes the matchers entry (verified like every edit: a list item's first key keeps its place),
  // the others go.
  const edits = [
    replaceEntry(first.doc, first.path, [`${target}: [${quoted.join(', ')}]`]),
    ...keys.slice(1).map((key) => deleteEntry(first.doc, [...first.path.slice(0, -1), key])),
  ];
  return fix(`Convert ${keys.join(' and ')} to ${target}`, 'safe', first.doc, edits);
}

export const rule = monitoringRule({
  id: 'no-deprecated-alertmanager-match',
  defaultSeverity: 'warning',
  kinds: kindsFor('alertmanager-config'),
  messages: {
    deprecatedField: `{{fields}} is deprecated since Alertmanager 0.22: use {{target}} (e.g. {{target}}: ['severity="critical"']), which also allows != and !~.`,
    deprecatedFields: `{{fields}} are deprecated since Alertmanager 0.22: use {{target}} (e.g. {{target}}: ['severity="critical"']), which also allows != and !~.`,
  },
  summary: 'Routes and inhibit rules use `matchers` instead of the deprecated `match`/`match_re`.',
  rationale:
    'Alertmanager deprecated `match` and `match_re` (and `source_match…`/`target_match…` in inhibit rules) in 0.22 for the `matchers` syntax, which also expresses negative matches (`!=`, `!~`). The old fields still work but are slated for removal, and mixing both in one configuration makes routing harder to read.',
  remediation: 'Replace `match: {label: value}` with `matchers: [\'label="value"\']` and `match_re` with `=~` matchers (the quick fix does it).',
  valid: [exampleAlertmanager(childRoute('severity="critical"', ['receiver: team']))],
  invalid: [
    {
      example: exampleAlertmanager(['routes:', '  - match:', '      severity: critical', '    receiver: team']),
      messageId: 'deprecatedField',
      line: 4,
      column: 7,
      output: `route:
  receiver: team
  routes:
    - matchers: ['severity="critical"']
      receiver: team
receivers:
  - name: team
`,
    },
    {
      example: exampleAlertmanager(['routes:', '  - match:', '      severity: critical', '    match_re:', '      service: api|web', '    receiver: team']),
      messageId: 'deprecatedFields',
      line: 4,
      column: 7,
      output: `route:
  receiver: team
  routes:
    - matchers: ['severity="critical"', 'service=~"api|web"']
      receiver: team
receivers:
  - name: team
`,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'alertmanager-config')) {
      for (const { block, pairs } of legacyMatchBlocks(source.value)) {
        for (const target of new Set(pairs.map(([, t]) => t))) {
          const keys = pairs.filter(([key, t]) => t === target && block.value[key] !== undefined).map(([key]) => key);
          if (keys.length === 0) continue;
          const canFix = source.direct && block.value[target] === undefined;
          source.report({
            path: [...block.path, keys[0]!],
            messageId: keys.length > 1 ? 'deprecatedFields' : 'deprecatedField',
            data: { fields: keys.join(' and '), target },
            fixes: canFix ? () => toMatchersFix(context, block, keys, target) : undefined,
          });
        }
      }
    }
  },
});
