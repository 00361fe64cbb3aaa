/** Runs a rule's examples through the whole engine: what the rule meta-test checks, and how pins are read. */
import type { Rule, RuleExample } from '../../server/src/engine/lint/rule';
import type { Finding, FindingFix } from '../../server/src/engine/types';
import { engineWith, lintAll, TEST_FOLDER } from './engineHarness';
import { applyEdits } from './applyEdits';

export function filesOf(example: RuleExample): Record<string, string> {
  return typeof example === 'string' ? { 'example.yaml': example } : example.files;
}

/** The findings of `rule` on the example's files, with every rule on (so off-by-default rules run too). */
export function findingsOf(rule: Rule, example: RuleExample): Finding[] {
  const engine = engineWith(filesOf(example));
  const severity = rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity;
  // An example may name the release it is checked against (rules about Kubernetes versions).
  const kubernetesVersion = typeof example === 'string' ? undefined : example.kubernetesVersion;
  // And the options it sets (a message only an option turns on is pinned that way).
  const options = typeof example === 'string' ? undefined : example.options;
  const ruleOptions = options ? { [rule.id]: options } : {};
  return lintAll(engine, { rules: { [rule.id]: severity }, ruleOptions, kubernetesVersion }).filter((f) => f.code === rule.id);
}

/** The file a finding is in, as the example names it (relative to the examples' folder: `base/kustomization.yaml`). */
export function fileOf(finding: Finding): string {
  return finding.uri.startsWith(`${TEST_FOLDER}/`) ? finding.uri.slice(TEST_FOLDER.length + 1) : finding.uri;
}

/** The example's files after `fix` (edits to files the example does not have are left out). */
export function applyFix(example: RuleExample, fix: FindingFix): Record<string, string> {
  const fixed: Record<string, string> = {};
  for (const [name, text] of Object.entries(filesOf(example))) {
    const edits = fix.edits.filter((e) => e.uri.endsWith(`/${name}`)).flatMap((e) => e.edits);
    fixed[name] = applyEdits(text, edits);
  }
  return fixed;
}
