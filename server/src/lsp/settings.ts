/** The server's view of `biomeManifests.*` settings: typed, per resource, with defaults. */
import { isRuleLevel, type LintSettings, type RuleLevel } from '../engine/lint/settings';
import { canonicalRuleId } from '../engine/lint/ruleAliases';
import { DEFAULT_EXCLUDE } from '../engine/workspace/scan';
import { parseKubernetesVersion } from '../engine/schema/apiLifecycle';

export interface ServerSettings {
  /** Globs of paths the workspace index skips. Restart-free: the index is rebuilt. */
  exclude: string[];
  /** Rule id → level. */
  rules: Record<string, RuleLevel>;
  /** Rule id → options. */
  ruleOptions: Record<string, Record<string, unknown>>;
  /** `workspace`: publish findings for every indexed file; `open`: only for open editors. */
  diagnosticsScope: 'workspace' | 'open';
  /** Show decoded Secret values in hovers. */
  showDecodedSecrets: boolean;
  /** Files larger than this (MiB) are not parsed. */
  maxFileSizeMb: number;
  /**
   * The Kubernetes release apiVersions are checked against (`1.31`): the editor setting when set, else the
   * nearest `.biome-manifests.yaml`'s (see withProjectConfig), else (undefined) the newest supported. Live.
   */
  kubernetesVersion: string | undefined;
  /**
   * CRD files or folders: `biomeManifests.crds.paths` as written (relative to the workspace folder), plus
   * those of `.biome-manifests.yaml` made absolute (see withProjectConfig). Read when the workspace loads.
   */
  crdPaths: string[];
  /** Glob → monitoring format (`files.associations`); read when the workspace loads. */
  fileAssociations: Record<string, string>;
  /** A CLI baseline (relative to the workspace folder; '' for none) and what to do with its findings. Live. */
  baselineFile: string;
  baselineFindings: 'lower' | 'hide';
}

export const DEFAULT_SETTINGS: ServerSettings = {
  exclude: [...DEFAULT_EXCLUDE],
  rules: {},
  ruleOptions: {},
  diagnosticsScope: 'workspace',
  // Off by default: a hover shows size and kind with a Reveal link; values appear only when asked for.
  showDecodedSecrets: false,
  maxFileSizeMb: 20,
  kubernetesVersion: undefined,
  crdPaths: [],
  fileAssociations: {},
  baselineFile: '',
  baselineFindings: 'lower',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the raw `biomeManifests` section, ignoring values of the wrong type. */
export function parseSettings(raw: unknown): ServerSettings {
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, rules: {}, ruleOptions: {}, crdPaths: [], fileAssociations: {} };
  if (!isRecord(raw)) return settings;
  if (Array.isArray(raw.exclude)) settings.exclude = raw.exclude.filter((g): g is string => typeof g === 'string');
  if (isRecord(raw.rules)) {
    for (const [written, value] of Object.entries(raw.rules)) {
      const id = canonicalRuleId(written); // a renamed rule's old id still configures it
      if (isRuleLevel(value)) settings.rules[id] = value;
      else if (isRecord(value)) {
        if (isRuleLevel(value.level)) settings.rules[id] = value.level;
        if (isRecord(value.options)) settings.ruleOptions[id] = value.options;
      }
    }
  }
  const diagnostics = raw.diagnostics;
  if (isRecord(diagnostics) && (diagnostics.scope === 'open' || diagnostics.scope === 'workspace')) {
    settings.diagnosticsScope = diagnostics.scope;
  }
  const secrets = raw.secrets;
  if (isRecord(secrets) && typeof secrets.showDecoded === 'boolean') settings.showDecodedSecrets = secrets.showDecoded;
  // Empty (the default) leaves the choice to the project config file, then to the newest supported release.
  settings.kubernetesVersion = parseKubernetesVersion(raw.kubernetesVersion);
  if (typeof raw.maxFileSizeMb === 'number' && raw.maxFileSizeMb > 0) settings.maxFileSizeMb = raw.maxFileSizeMb;
  const crds = raw.crds;
  if (isRecord(crds) && Array.isArray(crds.paths)) settings.crdPaths = crds.paths.filter((p): p is string => typeof p === 'string' && p !== '');
  const files = raw.files;
  if (isRecord(files) && isRecord(files.associations)) {
    settings.fileAssociations = Object.fromEntries(Object.entries(files.associations).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  const baseline = raw.baseline;
  if (isRecord(baseline) && typeof baseline.file === 'string') settings.baselineFile = baseline.file.trim();
  if (isRecord(baseline) && (baseline.findings === 'lower' || baseline.findings === 'hide')) settings.baselineFindings = baseline.findings;
  return settings;
}

export function lintSettingsOf(settings: ServerSettings): LintSettings {
  return { rules: settings.rules, ruleOptions: settings.ruleOptions, kubernetesVersion: settings.kubernetesVersion };
}
