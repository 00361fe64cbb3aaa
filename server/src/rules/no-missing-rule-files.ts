import { configRule } from '../engine/lint/rule';
import { relativeGlobMatchesNothing } from './helpers/relativeGlob';
import { monitoringSources } from '../engine/monitoring/sources';
import { isObj } from '../engine/monitoring/walk';
import { exampleRuleGroups } from './helpers/exampleMonitoring';

/** The rule file the examples' rule_files find (or miss). */
const API_RULES = exampleRuleGroups(['- alert: Down', '  expr: up == 0']);

export const rule = configRule({
  id: 'no-missing-rule-files',
  defaultSeverity: 'warning',
  kinds: ['prometheus-config'],
  messages: {
    noMatchingFile:
      'rule_files glob {{glob}} matches no file next to this configuration: Prometheus silently loads no rules from it. Fix the folder or the extension (.yml / .yaml), or add the rule files.',
  },
  summary: 'Each relative `rule_files` glob of a Prometheus configuration matches a file of the workspace.',
  rationale:
    'Prometheus resolves `rule_files` relative to the configuration file and silently loads nothing for a glob that matches no file: a renamed folder or a typo in the extension (`*.yaml` for `.yml` files) turns every alert of those files off without an error. Absolute paths (where a container mounts the rules) cannot be checked in the workspace and are left alone.',
  remediation: 'Fix the glob (folder, extension) so that it matches the rule files next to the configuration, or add the files.',
  valid: [
    {
      files: {
        'prometheus.yml': `global:
  evaluation_interval: 30s
rule_files:
  - rules/*.yml
  - /etc/prometheus/rules/*.yml
scrape_configs: []
`,
        'rules/api.yml': API_RULES,
      },
    },
  ],
  invalid: [
    {
      example: {
        files: {
          'prometheus.yml': `global:
  evaluation_interval: 30s
rule_files:
  - rules/*.yaml
scrape_configs: []
`,
          'rules/api.yml': API_RULES,
        },
      },
      messageId: 'noMatchingFile',
      line: 4,
      column: 5,
    },
  ],
  check(context) {
    const uri = context.target.doc.uri;
    let uris: string[] | undefined;
    const workspaceUris = (): string[] => (uris ??= context.workspace.fileUris());
    for (const source of monitoringSources(context, 'prometheus-config')) {
      const root = source.value;
      const globs = isObj(root) && Array.isArray(root['rule_files']) ? root['rule_files'] : [];
      globs.forEach((glob: unknown, i) => {
        if (!relativeGlobMatchesNothing(uri, glob, workspaceUris)) return;
        source.report({ path: ['rule_files', i], part: 'value', messageId: 'noMatchingFile', data: { glob: String(glob) } });
      });
    }
  },
});
