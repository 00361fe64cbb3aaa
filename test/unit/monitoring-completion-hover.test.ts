/** Completion and hover in monitoring files: the keys of the block at the cursor, the docs of the field under it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completion } from '../../server/src/lsp/completion';
import { hover } from '../../server/src/lsp/hover';
import { parse, store } from './schemaFixtures';
import { caret } from '../helpers/caret';

function labels(marked: string, uri: string): string[] {
  const { text, position } = caret(marked);
  return completion(parse(text, uri), position, store()).items.map((i) => i.label);
}

function hoverText(marked: string, uri: string): string | undefined {
  const { text, position } = caret(marked);
  const result = hover(parse(text, uri), position, store());
  return result ? (result.contents as { value: string }).value : undefined;
}

describe('monitoring completion', () => {
  it('offers the scrape config fields not yet written, inside a scrape_configs item', () => {
    const items = labels('scrape_configs:\n  - job_name: api\n    scr^\n', 'file:///w/prometheus.yml');
    assert.ok(items.includes('scrape_interval') && items.includes('kubernetes_sd_configs') && items.includes('relabel_configs'));
    assert.ok(!items.includes('job_name'), 'job_name is already there');
    assert.ok(!items.includes('apiVersion'));
  });
  it('offers rule fields in a rule file and route fields in an Alertmanager file', () => {
    assert.deepEqual(labels('groups:\n  - name: g\n    rules:\n      - alert: A\n        ^\n', 'file:///w/a.rules.yml').sort(), [
      'annotations',
      'expr',
      'for',
      'keep_firing_for',
      'labels',
      'record',
    ]);
    const route = labels('route:\n  receiver: a\n  gr^\nreceivers:\n  - name: a\n', 'file:///w/alertmanager.yml');
    assert.ok(route.includes('group_by') && route.includes('matchers') && !route.includes('receiver'));
  });
});

describe('monitoring hover', () => {
  it('describes a field with its type, a line from the docs and the link to its block', () => {
    assert.equal(
      hoverText('global:\n  scrape_time^out: 10s\nscrape_configs: []\n', 'file:///w/prometheus.yml'),
      '**scrape_timeout**: duration (e.g. 30s, 5m, 1h30m)\n\nHow long until a scrape request times out; not above scrape_interval. Default: 10s.\n\n[Documentation](https://prometheus.io/docs/prometheus/latest/configuration/configuration/#global)',
    );
    assert.match(
      hoverText('route:\n  rece^iver: a\nreceivers:\n  - name: a\n', 'file:///w/alertmanager.yml') ?? '',
      /defined under receivers[\s\S]*alerting\/latest\/configuration\/#route/,
    );
  });
  it('says nothing on an unknown field', () => {
    assert.equal(hoverText('global:\n  scrape_intervall^: 10s\nscrape_configs: []\n', 'file:///w/prometheus.yml'), undefined);
  });
});
