/** Monitoring files and the workspace: files.associations, and rule_files globs resolved against the indexed files. */
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, TEST_FOLDER } from '../helpers/engineHarness';
import { setFormatAssociations } from '../../server/src/engine/monitoring/associations';
import { parseSettings } from '../../server/src/lsp/settings';

const RECEIVERS = 'receivers:\n  - name: team\n  - name: team\n';

function codes(files: Record<string, string>): string[] {
  return lintAll(engineWith(files)).map((f) => `${f.uri.slice(TEST_FOLDER.length + 1)}:${f.range.start.line + 1} ${f.code}`);
}

describe('files.associations', () => {
  afterEach(() => setFormatAssociations(TEST_FOLDER, {}));

  it('without an association, a receivers-only file is plain YAML', () => {
    assert.deepEqual(codes({ 'monitoring/team.yaml': RECEIVERS }), []);
  });

  it('a folder glob makes it an Alertmanager configuration; other folders and other formats stay as they were', () => {
    setFormatAssociations(TEST_FOLDER, { 'monitoring/*.yaml': 'alertmanager-config', 'bogus/*.yaml': 'not-a-format' });
    assert.deepEqual(codes({ 'monitoring/team.yaml': RECEIVERS, 'other/team.yaml': RECEIVERS, 'bogus/team.yaml': RECEIVERS }), [
      'monitoring/team.yaml:3 no-duplicate-receiver',
    ]);
  });

  it('a bare name matches at any depth, and never turns a Kubernetes object into a monitoring file', () => {
    setFormatAssociations(TEST_FOLDER, { 'team.yaml': 'alertmanager-config', 'svc.yaml': 'prometheus-config' });
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n    - port: 80\n';
    assert.deepEqual(codes({ 'a/b/team.yaml': RECEIVERS, 'svc.yaml': service }), ['a/b/team.yaml:3 no-duplicate-receiver']);
  });

  it('applies live: the same engine re-checks the file after the setting changes', () => {
    const engine = engineWith({ 'monitoring/team.yaml': RECEIVERS });
    const uri = `${TEST_FOLDER}/monitoring/team.yaml`;
    assert.deepEqual(
      engine.linter.lintFile(uri).map((f) => f.code),
      [],
    );
    setFormatAssociations(TEST_FOLDER, { 'monitoring/**': 'alertmanager-config' });
    assert.deepEqual(
      engine.linter.lintFile(uri).map((f) => f.code),
      ['no-duplicate-receiver'],
    );
    setFormatAssociations(TEST_FOLDER, {});
    assert.deepEqual(
      engine.linter.lintFile(uri).map((f) => f.code),
      [],
    );
  });

  it('is read from the settings, keeping only string values', () => {
    const settings = parseSettings({ files: { associations: { 'rules/*.yaml': 'prometheus-rules', x: 3 } } });
    assert.deepEqual(settings.fileAssociations, { 'rules/*.yaml': 'prometheus-rules' });
  });
});

describe('rule_files cross-link', () => {
  it('an unmatched glob is reported until a matching rule file is added, without re-checking by hand', () => {
    const config = 'global:\n  evaluation_interval: 30s\nrule_files:\n  - rules/*.yml\nscrape_configs: []\n';
    const engine = engineWith({ 'prometheus.yml': config });
    const uri = `${TEST_FOLDER}/prometheus.yml`;
    assert.deepEqual(
      engine.linter.lintFile(uri).map((f) => `${f.range.start.line + 1} ${f.code}`),
      ['4 no-missing-rule-files'],
    );
    engine.index.setFile(`${TEST_FOLDER}/rules/api.yml`, 'groups:\n  - name: api\n    rules: []\n');
    assert.deepEqual(
      engine.linter.lintFile(uri).map((f) => f.code),
      [],
    );
    engine.index.removeFile(`${TEST_FOLDER}/rules/api.yml`);
    assert.deepEqual(
      engine.linter.lintFile(uri).map((f) => f.code),
      ['no-missing-rule-files'],
    );
  });
});

describe('Go templates in monitoring files are not Helm charts', () => {
  it('an Alertmanager config with `{{ template "slack.title" . }}` is checked (it was taken for a Helm template)', () => {
    const config = [
      'route:',
      '  receiver: team',
      '  group_wait: 30x',
      'receivers:',
      '  - name: team',
      '    slack_configs:',
      '      - api_url: https://hooks.slack.com/services/x',
      '        title: \'{{ template "slack.title" . }}\'',
      "        text: '{{ range .Alerts }}{{ .Annotations.summary }}{{ end }}'",
      '',
    ].join('\n');
    assert.deepEqual(codes({ 'alertmanager.yml': config }), ['alertmanager.yml:3 valid-monitoring-duration']);
  });

  it('a chart using `template` still is one: unquoted, it does not parse as YAML', () => {
    const chart = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ template "app.fullname" . }}\nspec:\n  ports:\n    - port: 80x\n';
    assert.deepEqual(codes({ 'templates/service.yaml': chart }), []);
  });
});
