/** Deterministic mutations of a valid monitoring file, each one a mistake the tools refuse. */
import type { Format } from './monitoringOracle';

export interface Mutation {
  name: string;
  text: string;
}

/** Replaces the first match of `pattern` (a mutation that does not apply yields nothing). */
function once(name: string, text: string, pattern: RegExp, replace: (...groups: string[]) => string): Mutation[] {
  const match = pattern.exec(text);
  if (!match) return [];
  const mutated = text.slice(0, match.index) + replace(...match) + text.slice(match.index + match[0].length);
  return mutated === text ? [] : [{ name, text: mutated }];
}

const DURATION =
  /^(\s*(?:scrape_interval|scrape_timeout|evaluation_interval|group_wait|group_interval|repeat_interval|resolve_timeout|for|interval|remote_timeout|refresh_interval): )(\d+)[smhd]$/m;

export function mutationsOf(format: Format, text: string): Mutation[] {
  const out: Mutation[] = [];
  out.push(...once('duration without unit', text, DURATION, (_, key, n) => `${key}${n}`));
  out.push(...once('duration with a fraction', text, DURATION, (_, key, n) => `${key}${n}.5m`));
  if (format === 'prometheus') {
    out.push(...once('field renamed', text, /^(\s*)scrape_interval:/m, (_, indent) => `${indent}scrape_intervall:`));
    out.push(
      ...once('job renamed to a duplicate', text, /job_name: (\S+)([\s\S]*?job_name: )\S+/, (_, first, between) => `job_name: ${first}${between}${first}`),
    );
    out.push(...once('relabel target dropped', text, /^(\s*)target_label: \S+\n/m, () => ''));
    out.push(...once('static target field renamed', text, /- targets:/, () => '- target:'));
    out.push(...once('static target with a scheme', text, /- targets: \['/, () => "- targets: ['http://"));
    out.push(...once('SD field renamed', text, /^(\s+)refresh_interval:/m, (_, indent) => `${indent}refresh_intervall:`));
    out.push(...once('file_sd files renamed', text, /- files:/, () => '- file:'));
    out.push(...once('file_sd path without extension', text, /(files: \[')([^']*)\.json'/, (_, head, file) => `${head}${file}'`));
    out.push(...once('DNS SD names renamed', text, /- names:/, () => '- name:'));
    out.push(...once('SD filter values renamed', text, /^(\s+)values:/m, (_, indent) => `${indent}value:`));
    out.push(...once('SD role misspelt', text, /role: (instance|tasks|hcloud)$/m, (_, role) => `role: ${role}s`));
    out.push(...once('OAuth 2.0 field renamed', text, /^(\s+)token_url:/m, (_, indent) => `${indent}tokenurl:`));
    out.push(...once('TLS version misspelt', text, /min_version: TLS12/, () => 'min_version: TLS1.2'));
    out.push(...once('queue field renamed', text, /^(\s+)max_shards:/m, (_, indent) => `${indent}max_shard:`));
    out.push(...once('size without unit', text, /body_size_limit: (\d+)MB/, (_, n) => `body_size_limit: ${n}`));
    out.push(...once('storage field renamed', text, /^(\s+)out_of_order_time_window:/m, (_, indent) => `${indent}out_of_order_window:`));
  }
  if (format === 'rules') {
    out.push(...once('PromQL bracket dropped', text, /(expr: .*)\)/, (_, head) => head));
    out.push(...once('PromQL operand dropped', text, /(expr: .*[<>=] )\S+$/m, (_, head) => head.trimEnd()));
    out.push(...once('alert field renamed', text, /^(\s*)- alert:/m, (_, indent) => `${indent}- alrt:`));
    out.push(...once('for added to a recording rule', text, /^(\s*)- record: (.*)$/m, (line, indent) => `${line}\n${indent}  for: 5m`));
    out.push(...once('group name repeated', text, /name: (\S+)([\s\S]*?- name: )\S+/, (_, first, between) => `name: ${first}${between}${first}`));
  }
  if (format === 'alertmanager') {
    out.push(
      ...once(
        'receiver renamed',
        text,
        /^(\s*)- name: (.+)$/m,
        (_, indent, name) => `${indent}- name: ${name.replace(/'$/, '')}-renamed${name.endsWith("'") ? "'" : ''}`,
      ),
    );
    out.push(...once('matcher quote dropped', text, /matchers: \['([^']*)"'/, (_, head) => `matchers: ['${head}'`));
    out.push(...once('route field renamed', text, /^(\s*)group_by:/m, (_, indent) => `${indent}groupby:`));
    out.push(...once('receivers key renamed', text, /^receivers:/m, () => 'receiver:'));
    out.push(...once('integration field renamed', text, /^(\s+)send_resolved:/m, (_, indent) => `${indent}send_resolve:`));
    out.push(...once('Slack field renamed', text, /^(\s+(?:- )?)channel:/m, (_, indent) => `${indent}chanel:`));
    out.push(...once('Slack action field renamed', text, /^(\s+)style:/m, (_, indent) => `${indent}styel:`));
    out.push(...once('PagerDuty image field renamed', text, /- src:/, () => '- source:'));
    out.push(...once('responder type misspelt', text, /type: team$/m, () => 'type: squad'));
    out.push(...once('webhook URL without scheme', text, /- url: 'http:\/\/([^']+)'/, (_, rest) => `- url: '${rest}'`));
    out.push(...once('pushover retry without unit', text, /retry: (\d+)m/, (_, n) => `retry: ${n}`));
    out.push(...once('time interval field renamed', text, /^(\s+)weekdays:/m, (_, indent) => `${indent}weekday:`));
    out.push(...once('weekday abbreviated', text, /weekdays: \[(?:')?monday/, (head) => head.replace('monday', 'mon')));
    out.push(...once('start time without leading zero', text, /start_time: '0(\d:\d\d)'/, (_, time) => `start_time: '${time}'`));
    out.push(
      ...once(
        'time range reversed',
        text,
        /start_time: '([^']+)'(\s+)end_time: '([^']+)'/,
        (_, start, space, end) => `start_time: '${end}'${space}end_time: '${start}'`,
      ),
    );
    out.push(...once('month abbreviated', text, /'january'/, () => "'jan'"));
    out.push(...once('time zone misspelt', text, /location: (\S+)/, (_, zone) => `location: ${zone.toLowerCase()}`));
    out.push(...once('global smtp_smarthost dropped', text, /^\s+smtp_smarthost: .*\n/m, () => ''));
  }
  return out;
}
