/** The project configuration file (`.biome-manifests.yaml`): its shape once validated, and its errors. */
import type { RuleLevel } from '../lint/settings';
import type { Range } from '../types';

export const CONFIG_FILE_NAME = '.biome-manifests.yaml';

/** Kubernetes minor versions a `kubernetesVersion` may name (1.MIN … 1.MAX). */
export const KUBERNETES_MINOR_MIN = 29;
export const KUBERNETES_MINOR_MAX = 36;

/** A `files` glob list with the rule levels that apply to matching paths (after the top-level `rules`). */
export interface ConfigOverride {
  files: string[];
  rules: Record<string, RuleLevel>;
}

export interface ProjectConfig {
  /** Absolute path of the file; globs below are relative to its folder. */
  file: string;
  rules: Record<string, RuleLevel>;
  ruleOptions: Record<string, Record<string, unknown>>;
  /** `1.30` style, as written (never a number: `1.30` would read as 1.3). */
  kubernetesVersion: string | undefined;
  /** CRD schema files or folders, absolute. */
  crdPaths: string[];
  /** Glob → file type (`prometheus-config`, `prometheus-rules` or `alertmanager-config`), as `biomeManifests.files.associations`. */
  fileAssociations: Record<string, string>;
  exclude: string[];
  overrides: ConfigOverride[];
}

/** A problem in the file: where (zero-based range) and what. */
export interface ConfigError {
  message: string;
  range: Range;
}

/** `file:line:column message` with one-based numbers, as the CLI prints it. */
export function formatConfigError(file: string, error: ConfigError): string {
  return `${file}:${error.range.start.line + 1}:${error.range.start.character + 1}: ${error.message}`;
}
