import { configRule } from '../engine/lint/rule';
import { monitoringSources } from '../engine/monitoring/sources';
import { isObj } from '../engine/monitoring/walk';
import { relativeGlobMatchesNothing } from './helpers/relativeGlob';

const CONFIG = (glob: string): string => `route:
  receiver: team
receivers:
  - name: team
templates:
  - ${glob}
`;

const TEMPLATE = '{{ define "team.title" }}[{{ .Status }}] {{ .CommonLabels.alertname }}{{ end }}\n';

export const rule = configRule({
  id: 'no-missing-alertmanager-templates',
  defaultSeverity: 'warning',
  kinds: ['alertmanager-config'],
  messages: {
    noMatchingFile:
      'templates glob {{glob}} matches no file next to this configuration: Alertmanager loads no templates from it, and a receiver that uses one of its templates sends an empty or default text. Fix the folder or the extension, or add the template files.',
  },
  summary: 'Each relative `templates` glob of an Alertmanager configuration matches a file of the workspace.',
  rationale:
    'Alertmanager reads `templates` globs relative to the configuration file, and a glob that matches nothing is not an error: the notification templates it was meant to load are simply missing, and messages go out with default or empty titles. A renamed folder or a `.tpl`/`.tmpl` mix-up is enough. Absolute paths (where a container mounts the templates) cannot be checked in the workspace and are left alone.',
  remediation: 'Fix the glob so that it matches the template files next to the configuration, or add them.',
  valid: [{ files: { 'alertmanager.yml': CONFIG('templates/*.tmpl'), 'templates/team.tmpl': TEMPLATE } }, CONFIG('/etc/alertmanager/templates/*.tmpl')],
  invalid: [
    {
      example: { files: { 'alertmanager.yml': CONFIG('templates/*.tpl'), 'templates/team.tmpl': TEMPLATE } },
      messageId: 'noMatchingFile',
      line: 6,
      column: 5,
    },
  ],
  check(context) {
    const uri = context.target.doc.uri;
    let uris: string[] | undefined;
    const workspaceUris = (): string[] => (uris ??= context.workspace.fileUris());
    for (const source of monitoringSources(context, 'alertmanager-config')) {
      const root = source.value;
      const globs = isObj(root) && Array.isArray(root['templates']) ? root['templates'] : [];
      globs.forEach((glob: unknown, i) => {
        if (!relativeGlobMatchesNothing(uri, glob, workspaceUris)) return;
        source.report({ path: ['templates', i], part: 'value', messageId: 'noMatchingFile', data: { glob: String(glob) } });
      });
    }
  },
});
