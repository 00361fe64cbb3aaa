/** Codes the engine reports itself (parser and schema), documented beside the rules. */
import type { Severity } from '../engine/types';

export interface BuiltinCode {
  id: string;
  severity: Severity;
  summary: string;
  rationale: string;
  remediation: string;
}

export const BUILTIN_CODES: readonly BuiltinCode[] = [
  {
    id: 'yaml-syntax',
    severity: 'error',
    summary: 'The document is not valid YAML.',
    rationale:
      'kubectl and the API server cannot read the file at all. Other checks are skipped for a document the parser cannot read, so one mistake is not buried under follow-on errors.',
    remediation: 'Fix the YAML at the marked position (indentation, an unclosed bracket or quote, a tab used for indentation).',
  },
  {
    id: 'yaml-duplicate-key',
    severity: 'error',
    summary: 'A map has the same key twice.',
    rationale: 'Most YAML readers, including the one kubectl uses, keep only one of the values without a word; which one wins differs between tools.',
    remediation: 'Remove one of the keys or merge their values.',
  },
  {
    id: 'yaml-alias-limit',
    severity: 'error',
    summary: 'The document expands too many YAML aliases (an alias bomb).',
    rationale: 'Aliases that reference other aliases grow exponentially ("billion laughs"); the document is refused rather than expanded.',
    remediation: 'Replace the aliases with plain values.',
  },
  {
    id: 'schema-unknown-field',
    severity: 'error',
    summary: 'A field that the Kubernetes API does not have for this kind (often a typo).',
    rationale: 'With strict field validation the API server rejects the object; without it, the field is silently dropped and the setting never takes effect.',
    remediation: 'Correct the field name (the message suggests the closest one) or remove the field.',
  },
  {
    id: 'schema-type',
    severity: 'error',
    summary: 'A value of the wrong type (a string where an integer is expected, …).',
    rationale:
      "The API server refuses the whole object. int-or-string fields (targetPort, probe port, maxSurge) and quantities (500m, 1Gi, 0.5) accept exactly what the API accepts. For a custom resource it also reports what the CRD states beyond the type, as the API server checks it: a `format`, bounds (`minimum`, `maxLength`, `maxItems`, …), a `pattern` (RE2, run in linear time) and `anyOf`/`oneOf`/`allOf`/`not` (Istio's either-or fields).",
    remediation:
      'Write the value in the expected type (quote numbers that must be strings), or as the CRD constrains it (the message names the pattern, bound or alternatives).',
  },
  {
    id: 'schema-required',
    severity: 'error',
    summary: 'A required field is missing (for patches: after merging the patch over its base).',
    rationale: 'The API server rejects objects without their required fields. Patch files are checked as partials and the rendered object is checked whole.',
    remediation: 'Add the field in the base manifest or in a patch.',
  },
  {
    id: 'schema-enum',
    severity: 'error',
    summary: 'A value outside the set the API accepts (for example a Service `type` or a `restartPolicy`).',
    rationale: 'The API server rejects the object; the message lists the accepted values.',
    remediation: 'Use one of the listed values.',
  },
  {
    id: 'schema-api-version',
    severity: 'error',
    summary: 'The apiVersion does not serve this kind, or a field exists only in another apiVersion.',
    rationale: 'For example `metrics` exists only in autoscaling/v2 HorizontalPodAutoscalers; under autoscaling/v1 it is rejected or dropped.',
    remediation: 'Use an apiVersion that serves the kind and its fields (the message names them).',
  },
  {
    id: 'schema-crd-structure',
    severity: 'error',
    summary: 'A CustomResourceDefinition breaks a rule the API server enforces beyond its schema, or its schema cannot be used.',
    rationale:
      'The API server refuses a CRD whose name is not `<plural>.<group>`, that has a version without a schema, not exactly one storage version, or a schema that is not structural (a level without `type`, an array without `items`). A schema that is cyclic, nested more than 100 levels or of more than 100,000 nodes is not used, and its custom resources are not checked.',
    remediation: 'Fix the CRD as the message says; regenerate it with controller-gen if it is generated.',
  },
  {
    id: 'schema-cel-rule',
    severity: 'error',
    summary: 'A custom resource fails a CEL rule (`x-kubernetes-validations`) of its CRD.',
    rationale:
      "The API server evaluates these rules after defaulting and refuses the object when one gives false, with the rule's `message` (or `messageExpression`). The finding is at the field whose schema carries the rule, or at the rule's `fieldPath`. Transition rules (`oldSelf`) need the stored object and are skipped, and so are rules that call a Kubernetes CEL function the checker lacks (`authorizer`, `jsonpatch.escapeKey`, …; quantity, IP/CIDR, URL, semver, format and regex `find` are there) or use the optional syntax (`self.?x`).",
    remediation: 'Change the object as the message says.',
  },
  {
    id: 'cel-rule-not-evaluated',
    severity: 'info',
    summary: "A CEL rule of a workspace CRD could not be evaluated on the object, or was stopped at the checker's cost bound.",
    rationale:
      'A rule that reads a field the object lacks (and the schema gives no default for) fails with `no such key` on the API server too, unless something sets the field first; a rule that would take more than 100,000 steps on this object (nested `all` over long lists) is stopped so that the editor stays responsive, and is not checked.',
    remediation: 'Set the field the message names, or guard the rule with `has(self.field)`; or set this code to `off`.',
  },
  {
    id: 'schema-crd-cel-rule',
    severity: 'error',
    summary: "A CRD's `x-kubernetes-validations` rule, `messageExpression` or `fieldPath` does not compile.",
    rationale: 'The API server refuses a CRD whose CEL rule is not valid CEL; the rule is not used to check its custom resources.',
    remediation: 'Fix the expression at the reported position (see the CEL language definition and the Kubernetes CEL libraries).',
  },
  {
    id: 'no-crd-schema',
    severity: 'info',
    summary: 'A custom resource whose kind no CRD in the workspace (or in `crds.paths`) defines: only its `metadata` is checked.',
    rationale:
      'Without a schema, a typo such as `intervall:` in a ServiceMonitor is silent (only `metadata`, the same ObjectMeta for every kind, is checked); the note says so once per kind and file instead of leaving it unsaid.',
    remediation:
      'Add the CRD to the workspace, or its file or folder to `biomeManifests.crds.paths` / `crds.paths` in `.biome-manifests.yaml`; or set this code to `off`.',
  },
  {
    id: 'suppression-missing-reason',
    severity: 'warning',
    summary: 'A `# biome-manifests-ignore` comment gives no reason after `--`.',
    rationale:
      'A suppression accepts a finding for good; without a reason a reviewer cannot tell an informed exception from a way to silence the check, and nobody knows when it may be removed.',
    remediation: 'Add the reason after `--`: `# biome-manifests-ignore no-latest-tag -- the dev image is rebuilt on every push`.',
  },
  {
    id: 'unused-suppression',
    severity: 'warning',
    summary: 'A `# biome-manifests-ignore` comment or a suppression annotation suppresses nothing (reported with `--report-unused-suppressions`).',
    rationale: 'Once the finding it was written for is fixed, a left-over suppression would silently hide the next finding of that rule on that line.',
    remediation: 'Remove the comment, or the rule id that no longer applies.',
  },
];
