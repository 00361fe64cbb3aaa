/**
 * One order for every source of lint settings (README "Project configuration"): rule defaults, then
 * the file's `rules`, then each matching `overrides` entry in order, then the editor's
 * `biomeManifests.rules` (a person's local view; CI reads only the file).
 */
import * as path from 'node:path';
import type { LintSettings, RuleLevel } from '../lint/settings';
import { isExcluded } from '../workspace/glob';
import type { ProjectConfig } from './configTypes';

/** `file` relative to the config's folder with `/` separators, or undefined when it lies outside. */
export function relativeToConfig(config: ProjectConfig, file: string): string | undefined {
  const relative = path.relative(path.dirname(config.file), file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** The lint settings of `file`: the config (with its overrides for that path) under the editor's settings. */
export function lintSettingsFor(config: ProjectConfig | undefined, editor: LintSettings, file: string): LintSettings {
  if (!config) return editor;
  const rules: Record<string, RuleLevel> = { ...config.rules };
  const relative = relativeToConfig(config, file);
  if (relative !== undefined) {
    for (const override of config.overrides) if (isExcluded(relative, override.files)) Object.assign(rules, override.rules);
  }
  Object.assign(rules, editor.rules);
  const ruleOptions: Record<string, Readonly<Record<string, unknown>>> = { ...config.ruleOptions };
  for (const [id, options] of Object.entries(editor.ruleOptions)) ruleOptions[id] = { ...config.ruleOptions[id], ...options };
  // Like the rules: the editor's (or the CLI's --kubernetes-version) wins over the file's.
  return { ...editor, rules, ruleOptions, kubernetesVersion: editor.kubernetesVersion ?? config.kubernetesVersion };
}

/** True when the config's `exclude` leaves `file` out. */
export function excludedByConfig(config: ProjectConfig | undefined, file: string): boolean {
  if (!config || config.exclude.length === 0) return false;
  const relative = relativeToConfig(config, file);
  return relative !== undefined && isExcluded(relative, config.exclude);
}
