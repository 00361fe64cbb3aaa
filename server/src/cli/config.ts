/** The CLI's side of the project config: the config of each checked file, or the errors that stop the run. */
import { ConfigResolver } from '../projectConfig';
import { excludedByConfig, lintSettingsFor } from '../engine/config/combine';
import { formatConfigError, type ProjectConfig } from '../engine/config/configTypes';
import type { LintSettings } from '../engine/lint/settings';
import type { CheckArgs } from './args';
import * as path from 'node:path';
import { resolveCrdPaths } from '../engine/crd/crdPaths';

export interface CliConfigs {
  /** The file's settings: its config (with overrides) under the `--rule` levels. */
  settingsFor(file: string): LintSettings;
  excluded(file: string): boolean;
  /** The `crds.paths` of every config in effect, absolute: CRD files read for their schemas. */
  crdPaths: string[];
}

/** Reads the config of every file; `file:line:column message` lines when any config is invalid (exit 2). */
export async function resolveConfigs(files: Iterable<string>, args: CheckArgs): Promise<CliConfigs | string[]> {
  const resolver = new ConfigResolver(undefined, args.config);
  const configOf = new Map<string, ProjectConfig | undefined>();
  const errors: string[] = [];
  const reported = new Set<string>();
  const crdPaths: string[] = [];
  for (const file of files) {
    const parsed = await resolver.configFor(file);
    configOf.set(file, parsed?.config);
    if (!parsed || reported.has(parsed.config.file)) continue;
    reported.add(parsed.config.file);
    crdPaths.push(...resolveCrdPaths(parsed.config.crdPaths, path.dirname(parsed.config.file)));
    for (const error of parsed.errors) errors.push(formatConfigError(parsed.config.file, error));
  }
  if (errors.length > 0) return errors;
  const cliSettings: LintSettings = {
    rules: args.rules,
    ruleOptions: {},
    kubernetesVersion: args.kubernetesVersion,
    reportUnusedSuppressions: args.reportUnusedSuppressions,
  };
  return {
    settingsFor: (file) => lintSettingsFor(configOf.get(file), cliSettings, file),
    excluded: (file) => excludedByConfig(configOf.get(file), file),
    crdPaths,
  };
}
