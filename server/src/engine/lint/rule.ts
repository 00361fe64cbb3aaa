/**
 * The shape of a rule: metadata, declared messages, examples that pin the result, and a check over
 * one target. A rule says what it runs on (`objectRule`, `configRule`, `monitoringRule`); the runner
 * (runRules.ts) gives each rule only targets of that type, so `check` never tests the target's type.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { RenderedObject, Origin } from '../render/render';
import type { FindingFix, RelatedLocation, Severity, ValuePath } from '../types';
import type { NodePart } from '../document/manifestDocument';
import type { WorkspaceView } from './workspaceView';

/** A rendered Kubernetes object (the base with its patches). */
export interface ObjectTarget {
  readonly type: 'object';
  readonly object: RenderedObject;
}

/** A document that is not a Kubernetes object: a kustomization, a Prometheus or Alertmanager file. */
export interface ConfigTarget {
  readonly type: 'config';
  readonly doc: ManifestDocument;
  readonly value: unknown;
}

export type RuleTarget = ObjectTarget | ConfigTarget;

/** What a rule runs on: objects of its kinds, config documents of its kinds, or monitoring content in either. */
export type TargetType = 'object' | 'config' | 'monitoring';

/**
 * A rule example: one YAML file, or several files (names relative to one folder);
 * `kubernetesVersion` is the release it is checked against (default: the newest supported);
 * `options` the rule's options it is checked with (default: the defaults), for messages only an option enables.
 */
export type RuleExample = string | { files: Record<string, string>; note?: string; kubernetesVersion?: string; options?: Readonly<Record<string, unknown>> };

/** An example the rule reports, with the one finding it must yield. */
export interface InvalidExample<MessageId extends string = string> {
  readonly example: RuleExample;
  readonly messageId: MessageId;
  /** Where the finding starts, 1-based as the CLI prints it (line:column). */
  readonly line: number;
  readonly column: number;
  /** The file the finding is in, for an example of several files (default: `example.yaml` or the only file). */
  readonly file?: string;
  /**
   * For a finding with fixes: the text of `file` after its first fix is applied; for a fix that also changes
   * other files, the text after it of each file it changes, by name.
   */
  readonly output?: string | Readonly<Record<string, string>>;
}

export interface RuleOption {
  description: string;
  default: unknown;
}

/** Values substituted for `{{name}}` in a message. */
export type MessageData = Readonly<Record<string, string | number>>;

export interface Report<MessageId extends string = string> {
  /** Which of the rule's `messages`; its `{{placeholders}}` are filled from `data`. */
  messageId: MessageId;
  data?: MessageData;
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
  /** Extra payload on the finding's data (read back by code actions or tests), next to `ruleId` and `fixes`. */
  payload?: Record<string, unknown>;
}

export interface RuleContext<MessageId extends string = string, Target extends RuleTarget = RuleTarget> {
  readonly target: Target;
  readonly workspace: WorkspaceView;
  readonly options: Readonly<Record<string, unknown>>;
  /** The Kubernetes release the workspace targets (`1.31`, see apiLifecycle.ts). */
  readonly kubernetesVersion: string;
  /** Source location of a rendered path (for fixes and related locations). */
  locate(path: ValuePath): Origin;
  report(report: Report<MessageId>): void;
}

export type ObjectRuleContext<MessageId extends string = string> = RuleContext<MessageId, ObjectTarget>;
export type ConfigRuleContext<MessageId extends string = string> = RuleContext<MessageId, ConfigTarget>;

interface RuleMetadata<MessageId extends string> {
  /** Kebab-case, equal to the file name. */
  readonly id: string;
  readonly defaultSeverity: Severity | 'off';
  /** Kubernetes kinds (object rules), config document types (`kustomization`, `prometheus-config`), or both (monitoring rules). */
  readonly kinds: readonly string[];
  readonly summary: string;
  readonly rationale: string;
  /** Ends with a period. */
  readonly remediation: string;
  /** Every message the rule reports, by id: text with `{{placeholders}}` filled from the report's `data`. */
  readonly messages: Readonly<Record<MessageId, string>>;
  readonly options?: Readonly<Record<string, RuleOption>>;
  /** Each yields no finding of this rule. */
  readonly valid: readonly RuleExample[];
  /** Each yields exactly the one finding it describes. */
  readonly invalid: readonly InvalidExample<NoInfer<MessageId>>[];
}

export interface ObjectRule<MessageId extends string = string> extends RuleMetadata<MessageId> {
  readonly target: 'object';
  check(context: ObjectRuleContext<MessageId>): void;
}

export interface ConfigRule<MessageId extends string = string> extends RuleMetadata<MessageId> {
  readonly target: 'config';
  check(context: ConfigRuleContext<MessageId>): void;
}

/** Runs on monitoring files and on the objects that embed them (ConfigMaps, PrometheusRules); see monitoring/sources.ts. */
export interface MonitoringRule<MessageId extends string = string> extends RuleMetadata<MessageId> {
  readonly target: 'monitoring';
  check(context: RuleContext<MessageId>): void;
}

export type Rule = ObjectRule | ConfigRule | MonitoringRule;

/** A rule that checks rendered Kubernetes objects of `kinds` (`'*'`: every kind). */
export function objectRule<MessageId extends string>(rule: Omit<ObjectRule<MessageId>, 'target'>): ObjectRule<MessageId> {
  return { ...rule, target: 'object' };
}

/** A rule that checks non-Kubernetes documents of `kinds` (their `class.type`). */
export function configRule<MessageId extends string>(rule: Omit<ConfigRule<MessageId>, 'target'>): ConfigRule<MessageId> {
  return { ...rule, target: 'config' };
}

/** A rule that checks monitoring content: `kinds` from `kindsFor(...)` (the files and the objects embedding them). */
export function monitoringRule<MessageId extends string>(rule: Omit<MonitoringRule<MessageId>, 'target'>): MonitoringRule<MessageId> {
  return { ...rule, target: 'monitoring' };
}

/** `template` with each `{{name}}` replaced by `data.name` (left as is when `data` has no such value). */
export function formatMessage(template: string, data: MessageData | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = data?.[name];
    return value === undefined ? whole : String(value);
  });
}
