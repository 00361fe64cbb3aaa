/**
 * A CRD's own `x-kubernetes-validations` problems, which the API server refuses the CRD for: a rule or
 * messageExpression that is not CEL, a `fieldPath` that is not a path. One finding per rule, at the rule.
 * Rules this evaluator cannot run (a Kubernetes CEL function it lacks) are not problems.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding, ValuePath } from '../types';
import { allRules, fieldPathSegments, ruleTreeOf, type CelRule } from './celRules';
import { crdOf } from './crdDefinition';

const CRD_CEL_CODE = 'schema-crd-cel-rule';

export function crdCelFindings(doc: ManifestDocument): Finding[] {
  const crd = crdOf(doc);
  if (!crd) return [];
  const out: Finding[] = [];
  for (const version of crd.versions) {
    const tree = ruleTreeOf(version.rawSchema);
    if (!tree) continue;
    const at: ValuePath = ['spec', 'versions', version.index, 'schema', 'openAPIV3Schema'];
    for (const rule of allRules(tree)) {
      const problem = problemOf(rule);
      if (!problem) continue;
      const range = doc.rangeOfPath([...at, ...rule.schemaPath, problem.field], 'value');
      const message = `${problem.text} (version ${version.name}): the API server refuses this CRD.`;
      out.push({ code: CRD_CEL_CODE, severity: 'error', message, uri: doc.uri, range, data: { ruleId: CRD_CEL_CODE } });
    }
  }
  return out;
}

function problemOf(rule: CelRule): { field: string; text: string } | undefined {
  if (rule.compiled.type === 'invalid') return { field: 'rule', text: `The rule does not compile: ${rule.compiled.problem}` };
  if (rule.messageExpression?.type === 'invalid')
    return { field: 'messageExpression', text: `The messageExpression does not compile: ${rule.messageExpression.problem}` };
  if (rule.fieldPath !== undefined && !fieldPathSegments(rule.fieldPath))
    return { field: 'fieldPath', text: `\`fieldPath\` must be a path such as \`.spec.replicas\` or \`.labels['app']\`, not \`${rule.fieldPath}\`` };
  return undefined;
}
