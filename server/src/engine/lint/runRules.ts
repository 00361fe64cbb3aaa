/** Runs the rules that apply to one target and turns their reports into located findings. */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { formatMessage, type Report, type Rule, type RuleContext, type RuleTarget } from './rule';
import type { SchemaChecker } from '../schema/schemaChecker';
import { recordingView } from './workspaceView';
import { effectiveOptions } from '../config/ruleOptions';
import type { Origin } from '../render/render';
import type { MissingField } from '../schema/schemaChecker';
import { NEWEST_KUBERNETES_VERSION } from '../schema/apiLifecycle';
import type { LintSettings } from './settings';

/** A finding before settings are applied. */
export interface RawFinding extends Finding {
  /** The rule is off unless a setting turns it on. */
  defaultOff?: boolean;
  /** The rule chose this severity itself; a configured level does not replace it. */
  explicitSeverity?: boolean;
}

export interface LocatedFinding {
  doc: ManifestDocument;
  finding: RawFinding;
}

function kindOf(target: RuleTarget): string {
  return target.type === 'object' ? target.object.identity.kind : target.doc.class.type;
}

function locateFor(target: RuleTarget): (path: readonly (string | number)[]) => Origin {
  if (target.type === 'object') return (path) => target.object.locate(path);
  return (path) => ({ doc: target.doc, path });
}

function findingOf(rule: Rule, report: Report, origin: Origin): RawFinding {
  const doc = origin.doc;
  let range = doc.rangeOfPath(origin.path, report.part ?? 'key');
  if (report.offsetInValue) {
    const node = doc.nodeAt(origin.path);
    if (node?.range) range = doc.range(node.range[0] + report.offsetInValue.start, node.range[0] + report.offsetInValue.end);
  }
  const finding: RawFinding = {
    code: rule.id,
    severity: report.severity ?? (rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity),
    message: messageOf(rule, report),
    uri: doc.uri,
    range,
    data: { ruleId: rule.id, ...(report.payload ?? {}), ...(report.fixes ? { fixes: report.fixes } : {}) },
  };
  finding.messageId = report.messageId;
  if (report.related) finding.related = report.related;
  if (rule.defaultSeverity === 'off') finding.defaultOff = true;
  if (report.severity) finding.explicitSeverity = true;
  return finding;
}

/** Which rules to run (all by default), and where to note what each read. */
export interface RuleRun {
  /** Only these rule ids (the others' results are kept by the caller); no rendered-object schema check. */
  only?: ReadonlySet<string>;
  /** Filled with the keys each rule read, for the rules that read any. */
  keysByRule?: Map<string, Set<string>>;
}

/** The report's text: its message filled with its data (an unknown id is a bug in the rule: it throws, and is logged). */
function messageOf(rule: Rule, report: Report): string {
  const template = rule.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} has no message ${report.messageId}`);
  return formatMessage(template, report.data);
}

export function runRulesOn(
  target: RuleTarget,
  index: WorkspaceIndex,
  rules: readonly Rule[],
  keys: Set<string>,
  schema: SchemaChecker | undefined,
  onRuleError: (ruleId: string, error: unknown) => void,
  kubernetesVersion: string = NEWEST_KUBERNETES_VERSION,
  configured: LintSettings['ruleOptions'] = {},
  run: RuleRun = {},
): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  const kind = kindOf(target);
  const runs = target.type === 'object' ? runsOnObjects : runsOnConfigs;
  const locate = locateFor(target);
  const nearUri = target.type === 'object' ? (target.object.sources[0]?.uri ?? '') : target.doc.uri;
  let ruleKeys = new Set<string>();
  const workspace = recordingView(index, nearUri, {
    add: (key: string) => {
      keys.add(key);
      ruleKeys.add(key);
    },
  });
  // One context for all the rules of the target (thousands of targets × 37 rules otherwise).
  let current: Rule = rules[0]!;
  const context: RuleContext & { options: Readonly<Record<string, unknown>> } = {
    target,
    workspace,
    options: {},
    kubernetesVersion,
    locate,
    report(report) {
      const origin = report.at ?? locate(report.path ?? []);
      out.push({ doc: origin.doc, finding: findingOf(current, report, origin) });
    },
  };
  for (const rule of rulesForKind(rules, kind)) {
    if (!runs(rule) || (run.only && !run.only.has(rule.id))) continue;
    current = rule;
    context.options = optionsFor(rule, configured);
    try {
      // The rule's declared target type matches this target (checked just above).
      (rule.check as (context: RuleContext) => void)(context);
    } catch (error) {
      onRuleError(rule.id, error);
    }
    if (ruleKeys.size > 0) {
      run.keysByRule?.set(rule.id, ruleKeys);
      ruleKeys = new Set();
    }
  }
  if (target.type === 'object' && schema && target.object.sources.length > 1 && !run.only) {
    out.push(...renderedMissingRequired(target, schema));
  }
  return out;
}

/** Rules that run on rendered objects: object rules, and monitoring rules (for the objects that embed monitoring files). */
function runsOnObjects(rule: Rule): boolean {
  return rule.target !== 'config';
}

/** Rules that run on config documents: config rules, and monitoring rules (for the files themselves). */
function runsOnConfigs(rule: Rule): boolean {
  return rule.target !== 'object';
}

const rulesByKind = new WeakMap<readonly Rule[], Map<string, readonly Rule[]>>();

/** The rules of `rules` that check `kind` (or every kind), in order; worked out once per kind. */
function rulesForKind(rules: readonly Rule[], kind: string): readonly Rule[] {
  let byKind = rulesByKind.get(rules);
  if (!byKind) {
    byKind = new Map();
    rulesByKind.set(rules, byKind);
  }
  let found = byKind.get(kind);
  if (!found) {
    found = rules.filter((rule) => rule.kinds.includes(kind) || rule.kinds.includes('*'));
    byKind.set(kind, found);
  }
  return found;
}

const defaultsOfRule = new WeakMap<Rule, Readonly<Record<string, unknown>>>();
const configuredOfRule = new WeakMap<Readonly<Record<string, unknown>>, WeakMap<Rule, Readonly<Record<string, unknown>>>>();

/**
 * The options `rule` runs with: its defaults, replaced by the configured values (settings or the
 * project file, validated there). Built once per rule and configuration (frozen: every target shares them).
 */
function optionsFor(rule: Rule, configured: LintSettings['ruleOptions']): Readonly<Record<string, unknown>> {
  const given = rule.options ? configured[rule.id] : undefined;
  if (!given) {
    let defaults = defaultsOfRule.get(rule);
    if (!defaults) defaultsOfRule.set(rule, (defaults = Object.freeze(effectiveOptions(rule, undefined))));
    return defaults;
  }
  let byRule = configuredOfRule.get(given);
  if (!byRule) configuredOfRule.set(given, (byRule = new WeakMap()));
  let out = byRule.get(rule);
  if (!out) byRule.set(rule, (out = Object.freeze(effectiveOptions(rule, given))));
  return out;
}

/** Required fields missing after the patches are merged, reported where the parent is defined. */
function renderedMissingRequired(target: RuleTarget & { type: 'object' }, schema: SchemaChecker): LocatedFinding[] {
  const { object } = target;
  const out: LocatedFinding[] = [];
  const { apiVersion, kind } = object.identity;
  // The base is validated as a whole document: what it lacks itself is reported there already.
  const inBase = new Set(object.base ? schema.missingRequired(object.base.plain().value, apiVersion, kind).map(missingKey) : []);
  for (const missing of schema.missingRequired(object.value, apiVersion, kind)) {
    if (inBase.has(missingKey(missing))) continue;
    const origin = object.locate(missing.path);
    const where = object.patches.length > 0 && !object.base ? ' (no base document for these patches was found in this folder)' : '';
    const finding: RawFinding = {
      code: 'schema-required',
      severity: 'error',
      message: `${missing.typeName} is missing required field \`${missing.field}\` in the rendered ${object.identity.kind} ${object.identity.name ?? ''}${where}. Add it to the base or a patch.`,
      uri: origin.doc.uri,
      range: origin.doc.rangeOfPath(origin.path, 'key'),
    };
    out.push({ doc: origin.doc, finding });
  }
  return out;
}

function missingKey(missing: MissingField): string {
  return `${JSON.stringify(missing.path)}|${missing.field}`;
}
