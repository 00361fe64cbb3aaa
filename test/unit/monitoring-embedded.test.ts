/** Which ConfigMap files are parsed as monitoring files: the key pre-check never hides one, and spares the rest. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { embeddedFile } from '../../server/src/engine/monitoring/embedded';
import { mayHoldMonitoringKeys } from '../../server/src/engine/monitoring/formats';

const format = (key: string, text: string): string | undefined => embeddedFile(key, text)?.format;

describe('monitoring files inside ConfigMap keys', () => {
  it('recognises every format in block style, indented, quoted and flow style', () => {
    assert.equal(format('prometheus.yml', 'global:\n  scrape_interval: 15s\nscrape_configs: []\n'), 'prometheus-config');
    assert.equal(format('x.yaml', '  scrape_configs:\n    - job_name: a\n'), 'prometheus-config');
    assert.equal(format('x.yaml', '"scrape_configs": []\n'), 'prometheus-config');
    assert.equal(format('x.yaml', '{scrape_configs: [], global: {}}\n'), 'prometheus-config');
    assert.equal(format('x.yaml', '{\n  "route": {receiver: a},\n  receivers: [{name: a}]\n}\n'), 'alertmanager-config');
    assert.equal(format('alerts.yaml', '# rules\ngroups:\n  - name: g\n    rules: []\n'), 'prometheus-rules');
  });

  it('skips other YAML without parsing it: no top-level key of any format', () => {
    const application = 'server:\n  port: 8080\nspring:\n  datasource:\n    url: jdbc:${DB_URL}\n';
    assert.equal(mayHoldMonitoringKeys(application), false);
    assert.equal(format('application.yaml', application), undefined);
    // A nested `groups:` is a candidate (parsed), but not a rule file.
    assert.equal(mayHoldMonitoringKeys('team:\n  groups:\n    - a\n'), true);
    assert.equal(format('team.yaml', 'team:\n  groups:\n    - a\n'), undefined);
  });
});
