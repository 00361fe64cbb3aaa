/** Lint settings: per-rule severity overrides and options. */
import type { Severity } from '../types';

export type RuleLevel = Severity | 'off';

export interface LintSettings {
  /** Rule id → level; ids not listed keep their default. */
  rules: Readonly<Record<string, RuleLevel>>;
  /** Rule id → option values. */
  ruleOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The Kubernetes release the manifests are deployed to (`1.31`); default the newest supported. */
  kubernetesVersion?: string;
  /** Report suppression comments that suppress nothing (`unused-suppression`; the CLI's --report-unused-suppressions). */
  reportUnusedSuppressions?: boolean;
}

export const DEFAULT_LINT_SETTINGS: LintSettings = { rules: {}, ruleOptions: {} };

const LEVELS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

export function isRuleLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && LEVELS.includes(value);
}
