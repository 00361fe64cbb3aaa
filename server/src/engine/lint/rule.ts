/** The shape of a deployment rule: metadata, examples and a check over one rendered object. */
import type { ManifestDocument } from '../document/manifestDocument';
import type { RenderedObject, Origin } from '../render/render';
import type { FindingFix, RelatedLocation, Severity, ValuePath } from '../types';
import type { NodePart } from '../document/manifestDocument';
import type { WorkspaceView } from './workspaceView';

/** What a rule's `check` looks at: a rendered Kubernetes object, or a non-Kubernetes config document. */
export type RuleTarget =
  | { type: 'object'; object: RenderedObject }
  | { type: 'config'; doc: ManifestDocument; value: unknown };

/**
 * A rule example: one YAML file, or several files (names relative to one folder);
 * `kubernetesVersion` is the release it is checked against (default: the newest supported).
 */
export type RuleExample = string | { files: Record<string, string>; note?: string; kubernetesVersion?: string };

export interface RuleOption {
  description: string;
  default: unknown;
}

export interface Report {
  message: string;
  /** Where the finding goes: a path into the rendered object (default `[]`, the object's head). */
  path?: ValuePath;
  /** Or an explicit source location (e.g. in another file). Takes precedence over `path`. */
  at?: Origin;
  /** Which part of a map entry to underline (default: the key). */
  part?: NodePart;
  /** Narrower sub-range inside the located value, as offsets relative to the value's start. */
  offsetInValue?: { start: number; end: number };
  /** Overrides the rule's configured severity for this finding (e.g. a softer variant). */
  severity?: Severity;
  fixes?: FindingFix[];
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
}

export interface RuleContext {
  readonly target: RuleTarget;
  readonly workspace: WorkspaceView;
  readonly options: Readonly<Record<string, unknown>>;
  /** The Kubernetes release the workspace targets (`1.31`, see apiLifecycle.ts). */
  readonly kubernetesVersion: string;
  /** Source location of a rendered path (for fixes and related locations). */
  locate(path: ValuePath): Origin;
  report(report: Report): void;
}

export interface Rule {
  /** Kebab-case, equal to the file name. */
  readonly id: string;
  readonly defaultSeverity: Severity | 'off';
  /** Kubernetes kinds the rule checks, or `prometheus-config`. */
  readonly kinds: readonly string[];
  readonly summary: string;
  readonly rationale: string;
  /** Ends with a period. */
  readonly remediation: string;
  readonly options?: Readonly<Record<string, RuleOption>>;
  /** Each yields no finding of this rule. */
  readonly valid: readonly RuleExample[];
  /** Each yields exactly one finding of this rule. */
  readonly invalid: readonly RuleExample[];
  check(context: RuleContext): void;
}
