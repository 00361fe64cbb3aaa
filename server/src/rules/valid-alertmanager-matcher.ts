import { monitoringRule } from '../engine/lint/rule';
import { legacyMatchBlocks, matcherLists } from '../engine/monitoring/alertmanager';
import { parseMatchers } from '../engine/monitoring/matchers';
import { isLabelName } from '../engine/monitoring/names';
import { re2Problem } from '../engine/monitoring/re2';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { isObj } from '../engine/monitoring/walk';
import { exampleAlertmanager } from './helpers/exampleMonitoring';

/** An Alertmanager config whose one child route is `route` (its first entry, then `receiver: team`). */
const withChildRoute = (route: string) => exampleAlertmanager(['routes:', `  - ${route}`, '    receiver: team']);

export const rule = monitoringRule({
  id: 'valid-alertmanager-matcher',
  defaultSeverity: 'error',
  kinds: kindsFor('alertmanager-config'),
  messages: {
    matchersOnRootRoute: 'The root route must not have matchers: it receives every alert. Move the matchers to a child route.',
    matcherNotString: 'Matcher {{matcher}}: a matcher is a string such as severity="critical".',
    invalidMatcher: 'Matcher {{matcher}}: {{problem}}.',
    invalidLabelName: '"{{name}}" in {{key}} is not a valid label name: use letters, digits and underscores.',
    invalidRegex: 'The regex of {{name}} in {{key}} is not valid RE2: {{problem}}.',
  },
  summary: 'Alertmanager matchers parse, their regexes are RE2, and the root route matches everything.',
  rationale:
    'Route `matchers` and inhibit rules\' `source_matchers`/`target_matchers` are strings like `severity=~"warn|crit"`; Alertmanager refuses the configuration when one does not parse (a missing operator, an unclosed quote) or its regex is not RE2, and when the root route has matchers ("root route must not have any matchers"). The same holds for the regexes of the older `match_re`.',
  remediation: 'Write each matcher as label, operator (`=`, `!=`, `=~`, `!~`) and a quoted value, with an RE2 regex; move matchers off the root route.',
  valid: [
    `route:
  receiver: team
  routes:
    - matchers: ['severity=~"warning|critical"', 'team="api"']
      receiver: team
    - matchers: ['{service="db", env!="dev"}']
      receiver: team
inhibit_rules:
  - source_matchers: [severity="critical"]
    target_matchers: [severity="warning"]
    equal: [alertname]
receivers:
  - name: team
`,
  ],
  invalid: [
    { example: withChildRoute(`matchers: ['severity="critical']`), messageId: 'invalidMatcher', line: 4, column: 18 },
    { example: withChildRoute(`matchers: ['team=~"(?!infra).*"']`), messageId: 'invalidMatcher', line: 4, column: 18 },
    { example: withChildRoute("match_re:\n        service: 'api|web)'"), messageId: 'invalidRegex', line: 5, column: 26 },
    {
      example: exampleAlertmanager([`matchers: ['severity="critical"']`]),
      messageId: 'matchersOnRootRoute',
      line: 3,
      column: 3,
    },
    { example: withChildRoute('matchers: [{ severity: critical }]'), messageId: 'matcherNotString', line: 4, column: 18 },
    { example: withChildRoute('match:\n        service-name: api'), messageId: 'invalidLabelName', line: 5, column: 9 },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'alertmanager-config')) {
      for (const { block, key } of matcherLists(source.value)) {
        const list = block.value[key];
        if (!Array.isArray(list)) continue;
        if (block.path.length === 1 && key === 'matchers' && list.length > 0) {
          source.report({ path: [...block.path, key], messageId: 'matchersOnRootRoute' });
          continue;
        }
        list.forEach((item: unknown, i) => {
          const path = [...block.path, key, i];
          if (typeof item !== 'string') {
            source.report({ path, part: 'value', messageId: 'matcherNotString', data: { matcher: JSON.stringify(item) } });
            return;
          }
          const parsed = parseMatchers(item);
          if ('error' in parsed)
            source.report({ path, part: 'value', messageId: 'invalidMatcher', data: { matcher: JSON.stringify(item), problem: parsed.error } });
        });
      }
      for (const { block, pairs } of legacyMatchBlocks(source.value)) {
        for (const [key] of pairs) {
          const map = block.value[key];
          if (!isObj(map)) continue;
          for (const [name, value] of Object.entries(map)) {
            const regex = key.endsWith('_re') && typeof value === 'string' ? re2Problem(value) : undefined;
            const path = [...block.path, key, name];
            if (!isLabelName(name)) source.report({ path, messageId: 'invalidLabelName', data: { name, key } });
            else if (regex) {
              const span = { start: regex.offset, end: regex.offset + regex.length };
              source.report({ path, part: 'value', span, messageId: 'invalidRegex', data: { name, key, problem: regex.message } });
            }
          }
        }
      }
    }
  },
});
