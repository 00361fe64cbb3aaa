/**
 * The monitoring schemas inside every block: service discovery, HTTP client, remote write, storage, receiver
 * integrations and time intervals. Fields newer than Debian's promtool/amtool (so not in the differential test)
 * are checked here, with the tools' own error cases; every field has a description for hover and completion.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { FIXTURES_DIR } from '../helpers/paths';
import { caret } from '../helpers/caret';
import { completion } from '../../server/src/lsp/completion';
import { hover } from '../../server/src/lsp/hover';
import { SCHEMAS } from '../../server/src/engine/monitoring/schemaWalk';
import { fieldDescription } from '../../server/src/engine/monitoring/fieldDocs';
import { MONITORING_FORMATS } from '../../server/src/engine/monitoring/formats';
import { parse, store } from './schemaFixtures';

const NAME = { prometheus: 'prometheus.yml', alertmanager: 'alertmanager.yml' } as const;

/** Errors as `line code: message`. */
function errors(kind: keyof typeof NAME, text: string): string[] {
  return lintAll(engineWith({ [NAME[kind]]: text }))
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.range.start.line + 1} ${f.code}: ${f.message}`);
}

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, 'monitoring', name), 'utf8');
}

const POD_SD = 'scrape_configs:\n  - job_name: pods\n    kubernetes_sd_configs:\n';

describe('monitoring schema: Prometheus 3 and Alertmanager 0.28 files', () => {
  it('accepts the fixtures newer than the Debian tools', () => {
    assert.deepEqual(errors('prometheus', fixture('valid-prometheus3.prometheus.yml')), []);
    assert.deepEqual(errors('alertmanager', fixture('valid-alertmanager028.alertmanager.yml')), []);
  });

  it('checks the SDs the Debian promtool lacks (linode, nomad, kuma, stackit) field by field', () => {
    const job = (block: string): string => `scrape_configs:\n  - job_name: x\n${block}`;
    const linode = '    linode_sd_configs:\n      - region: eu-west\n        tag_separator: ";"\n        authorization: { credentials_file: /t }\n';
    const nomad =
      '    nomad_sd_configs:\n      - server: http://nomad:4646\n        namespace: apps\n        allow_stale: false\n        refresh_interval: 1m\n';
    assert.deepEqual(errors('prometheus', job(linode + nomad)), []);
    assert.match(errors('prometheus', job('    nomad_sd_configs:\n      - namespace: apps\n')).join('\n'), /^4 .*Nomad SD config needs server/);
    assert.match(
      errors('prometheus', job('    linode_sd_configs:\n      - regoin: eu\n')).join('\n'),
      /^4 .*Unknown field regoin in [Ll]inode SD config.*Did you mean region\?/,
    );
    assert.match(errors('prometheus', job('    nomad_sd_configs:\n      - server: n\n        refresh_interval: 60\n')).join('\n'), /^5 .*refresh_interval/);
    // discovery/xds (SDConfig in xds.go; kuma.go needs a server with a scheme and a host).
    const kuma =
      '    kuma_sd_configs:\n      - server: http://kuma-control-plane.kuma-system.svc:5676\n        fetch_timeout: 2m\n        client_id: prom\n        refresh_interval: 15s\n';
    assert.deepEqual(errors('prometheus', job(kuma)), []);
    assert.match(
      errors('prometheus', job(kuma.replace('client_id', 'clientid'))).join('\n'),
      /^6 .*Unknown field clientid in kuma SD config.*Did you mean client_id\?/,
    );
    assert.match(errors('prometheus', job('    kuma_sd_configs:\n      - fetch_timeout: 1m\n')).join('\n'), /^4 .*kuma SD config needs server/i);
    assert.match(errors('prometheus', job(kuma.replace('fetch_timeout: 2m', 'fetch_timeout: 120'))).join('\n'), /^5 .*fetch_timeout: 120 has no unit/);
    // discovery/stackit/stackit.go: the HTTP client inline, the service account by key or path, role in newer releases.
    const stackit =
      '    stackit_sd_configs:\n      - project: 00000000-0000-0000-0000-000000000000\n        region: eu01\n        port: 9100\n        role: postgres_flex\n        service_account_key_path: /etc/sa.json\n        authorization: { credentials_file: /t }\n';
    assert.deepEqual(errors('prometheus', job(stackit)), []);
    assert.match(
      errors('prometheus', job(stackit.replace('role: postgres_flex', 'role: database'))).join('\n'),
      /^7 .*role must be one of server, postgres_flex/,
    );
    assert.match(
      errors('prometheus', job(stackit.replace('region: eu01', 'regoin: eu01'))).join('\n'),
      /^5 .*Unknown field regoin in stackit SD config.*Did you mean region\?/,
    );
  });

  it('checks kubernetes_sd_configs field by field: role, namespaces, selectors, attach_metadata', () => {
    assert.match(
      errors('prometheus', `${POD_SD}      - role: pods\n`).join('\n'),
      /^4 valid-monitoring-schema: Kubernetes SD config: role must be one of endpoints, endpointslice, ingress, node, pod, service, not "pods"/,
    );
    assert.match(errors('prometheus', `${POD_SD}      - namespaces:\n          names: [a]\n`).join('\n'), /^4 .*Kubernetes SD config needs role/);
    assert.match(
      errors('prometheus', `${POD_SD}      - role: pod\n        namespace:\n          names: [a]\n`).join('\n'),
      /^5 .*Unknown field namespace in kubernetes SD config.*Did you mean namespaces\?/,
    );
    assert.match(
      errors('prometheus', `${POD_SD}      - role: pod\n        selectors:\n          - role: pod\n            lable: app=a\n`).join('\n'),
      /^7 .*Unknown field lable in kubernetes selector.*Did you mean label\?/,
    );
    assert.match(
      errors('prometheus', `${POD_SD}      - role: pod\n        attach_metadata:\n          nodes: true\n`).join('\n'),
      /^6 .*Unknown field nodes in kubernetes attach metadata/,
    );
  });

  it('reads flow maps and CRLF line ends the same way', () => {
    const flow = 'scrape_configs:\n  - {job_name: pods, kubernetes_sd_configs: [{role: pod, namespace: {names: [a]}}]}\n';
    assert.match(errors('prometheus', flow).join('\n'), /^2 .*Unknown field namespace in kubernetes SD config/);
    assert.deepEqual(errors('prometheus', flow.replace(/\n/g, '\r\n')), errors('prometheus', flow));
  });

  it('checks HTTP headers as a map of blocks, and durations inside service discovery', () => {
    const headers = 'scrape_configs:\n  - job_name: a\n    http_headers:\n      X-Org:\n        value: [a]\n';
    assert.match(errors('prometheus', headers).join('\n'), /^5 .*Unknown field value in http header.*Did you mean values\?/);
    const refresh = 'scrape_configs:\n  - job_name: a\n    consul_sd_configs:\n      - server: consul:8500\n        refresh_interval: 30\n';
    assert.match(errors('prometheus', refresh).join('\n'), /^5 valid-monitoring-duration: refresh_interval: 30 has no unit/);
  });

  it('checks the Alertmanager 0.26-0.28 integrations and what they need', () => {
    const teams = 'route:\n  receiver: t\nreceivers:\n  - name: t\n    msteamsv2_configs:\n      - webhook_url: https://x.example.org/w\n        summary: s\n';
    assert.match(errors('alertmanager', teams).join('\n'), /^7 .*Unknown field summary in msteamsv2 config/);
    const jira =
      'global:\n  jira_api_url: https://x.atlassian.net\nroute:\n  receiver: j\nreceivers:\n  - name: j\n    jira_configs:\n      - issue_type: Bug\n';
    assert.match(errors('alertmanager', jira).join('\n'), /^8 .*Jira config needs project/);
    const noUrl = jira.replace(/global:\n.*\n/, '').replace('issue_type: Bug', 'issue_type: Bug\n        project: OPS');
    assert.match(errors('alertmanager', noUrl).join('\n'), /Jira integration needs api_url.*Add api_url here, or jira_api_url under global\./);
    const webhook = 'route:\n  receiver: w\nreceivers:\n  - name: w\n    webhook_configs:\n      - url: https://x.example.org/h\n        timeout: 10\n';
    assert.match(errors('alertmanager', webhook).join('\n'), /^7 .*timeout must be a Go duration/);
  });

  it('checks Mattermost (Alertmanager 0.29+) field by field, after notify/mattermost/config.go', () => {
    const mattermost = [
      'route:\n  receiver: m\nreceivers:\n  - name: m\n    mattermost_configs:',
      '      - webhook_url: https://chat.example.org/hooks/abc',
      '        channel: alerts',
      '        username: alertmanager',
      '        icon_emoji: ":fire:"',
      '        text: Alerts firing',
      '        fields: [{ title: Severity, value: critical, short: true }]',
      '        attachments:',
      '          - color: danger',
      '            author_name: am',
      '            footer_icon: https://x.example.org/i.png',
      '            fields: [{ title: Job, value: api }]',
      '        props: { card: "**details**" }',
      '        priority: { priority: urgent, requested_ack: true, persistent_notifications: false }',
      '',
    ].join('\n');
    assert.deepEqual(errors('alertmanager', mattermost), []);
    assert.match(
      errors('alertmanager', mattermost.replace('icon_emoji', 'icon_emoij')).join('\n'),
      /^9 .*Unknown field icon_emoij in mattermost config.*Did you mean icon_emoji\?/,
    );
    assert.match(errors('alertmanager', mattermost.replace('{ title: Job, value: api }', '{ title: Job }')).join('\n'), /^16 .*field config needs value/);
    assert.match(
      errors('alertmanager', mattermost.replace('requested_ack: true', 'requested_ack: maybe')).join('\n'),
      /^18 .*requested_ack must be true or false/,
    );
    assert.match(
      errors('alertmanager', mattermost.replace('card:', 'crad:')).join('\n'),
      /^17 .*Unknown field crad in mattermost props config.*Did you mean card\?/,
    );
  });

  it('leaves templated words alone and secrets given as <secret>', () => {
    const text =
      "route:\n  receiver: o\nreceivers:\n  - name: o\n    opsgenie_configs:\n      - api_key: k\n        responders:\n          - name: '{{ .CommonLabels.team }}'\n            type: '{{ .CommonLabels.kind }}'\n    slack_configs:\n      - api_url: <secret>\n";
    assert.deepEqual(errors('alertmanager', text), []);
  });
});

describe('monitoring schema: documentation', () => {
  it('has a one-line description for every field of every block', () => {
    const missing: string[] = [];
    for (const format of MONITORING_FORMATS) {
      for (const [block, fields] of Object.entries(SCHEMAS[format])) {
        for (const field of Object.keys(fields)) if (!fieldDescription(format, block, field)) missing.push(`${format} ${block}.${field}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('hovers on a field inside service discovery with its type, its line and the anchor of its block', () => {
    const { text, position } = caret(`${POD_SD}      - ro^le: pod\n`);
    const result = hover(parse(text, 'file:///w/prometheus.yml'), position, store());
    assert.equal(
      (result?.contents as { value: string } | undefined)?.value,
      '**role**: one of endpoints, endpointslice, ingress, node, pod, service, required\n\nThe kind of object to discover: endpoints, endpointslice, service, pod, node or ingress.\n\n[Documentation](https://prometheus.io/docs/prometheus/latest/configuration/configuration/#kubernetes_sd_config)',
    );
  });

  it('completes the fields of a receiver integration, a time interval and a header block', () => {
    const labels = (marked: string, uri: string): string[] => {
      const { text, position } = caret(marked);
      return completion(parse(text, uri), position, store()).items.map((i) => i.label);
    };
    const slack = labels('receivers:\n  - name: a\n    slack_configs:\n      - channel: x\n        ^\n', 'file:///w/alertmanager.yml');
    assert.ok(slack.includes('api_url') && slack.includes('actions') && slack.includes('send_resolved') && !slack.includes('channel'));
    const interval = labels('time_intervals:\n  - name: a\n    time_intervals:\n      - ^\n', 'file:///w/alertmanager.yml');
    assert.deepEqual(interval.sort(), ['days_of_month', 'location', 'months', 'times', 'weekdays', 'years']);
    const header = labels('scrape_configs:\n  - job_name: a\n    http_headers:\n      X-Org:\n        ^\n', 'file:///w/prometheus.yml');
    assert.deepEqual(header.sort(), ['files', 'secrets', 'values']);
  });
});
