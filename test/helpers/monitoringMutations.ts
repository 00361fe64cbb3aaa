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

const DURATION = /^(\s*(?:scrape_interval|scrape_timeout|evaluation_interval|group_wait|group_interval|repeat_interval|resolve_timeout|for|interval|remote_timeout|refresh_interval): )(\d+)[smhd]$/m;

export function mutationsOf(format: Format, text: string): Mutation[] {
  const out: Mutation[] = [];
  out.push(...once('duration without unit', text, DURATION, (_, key, n) => `${key}${n}`));
  out.push(...once('duration with a fraction', text, DURATION, (_, key, n) => `${key}${n}.5m`));
  if (format === 'prometheus') {
    out.push(...once('field renamed', text, /^(\s*)scrape_interval:/m, (_, indent) => `${indent}scrape_intervall:`));
    out.push(...once('job renamed to a duplicate', text, /job_name: (\S+)([\s\S]*?job_name: )\S+/, (_, first, between) => `job_name: ${first}${between}${first}`));
    out.push(...once('relabel target dropped', text, /^(\s*)target_label: \S+\n/m, () => ''));
    out.push(...once('static target field renamed', text, /- targets:/, () => '- target:'));
  }
  if (format === 'rules') {
    out.push(...once('PromQL bracket dropped', text, /(expr: .*)\)/, (_, head) => head));
    out.push(...once('PromQL operand dropped', text, /(expr: .*[<>=] )\S+$/m, (_, head) => head.trimEnd()));
    out.push(...once('alert field renamed', text, /^(\s*)- alert:/m, (_, indent) => `${indent}- alrt:`));
    out.push(...once('for added to a recording rule', text, /^(\s*)- record: (.*)$/m, (line, indent) => `${line}\n${indent}  for: 5m`));
    out.push(...once('group name repeated', text, /name: (\S+)([\s\S]*?- name: )\S+/, (_, first, between) => `name: ${first}${between}${first}`));
  }
  if (format === 'alertmanager') {
    out.push(...once('receiver renamed', text, /^(\s*)- name: (.+)$/m, (_, indent, name) => `${indent}- name: ${name.replace(/'$/, '')}-renamed${name.endsWith("'") ? "'" : ''}`));
    out.push(...once('matcher quote dropped', text, /matchers: \['([^']*)"'/, (_, head) => `matchers: ['${head}'`));
    out.push(...once('route field renamed', text, /^(\s*)group_by:/m, (_, indent) => `${indent}groupby:`));
    out.push(...once('receivers key renamed', text, /^receivers:/m, () => 'receiver:'));
  }
  return out;
}
