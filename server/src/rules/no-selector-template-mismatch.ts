import { objectRule } from '../engine/lint/rule';
import { fix, insertAfterEntry } from './helpers/edits';
import { podLabelsPath } from '../engine/k8s/podSpec';
import { expressionMatches } from '../engine/k8s/labelSelector';
import { yamlKey, yamlScalar } from './helpers/scalarSource';
import { at, list, record, str } from '../engine/k8s/values';
import { labelledDeployment } from './helpers/exampleObjects';

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

/** The main-app Deployment selecting `matchLabels` (+ `selector` lines) whose pod template has `labels` (one entry a line). */
const withLabels = (matchLabels: string[], labels: string[], selector: string[] = []) => labelledDeployment({ matchLabels, selector, labels });

export const rule = objectRule({
  id: 'no-selector-template-mismatch',
  defaultSeverity: 'error',
  kinds: KINDS,
  messages: {
    labelMissing:
      '{{owner}} selects pods with {{key}}={{value}}, but its pod template does not have it, so the API server rejects it (selector does not match template labels). Add the label to the template or fix the selector.',
    labelDiffers:
      '{{owner}} selects pods with {{key}}={{value}}, but its pod template has {{key}}={{actual}}, so the API server rejects it (selector does not match template labels). Add the label to the template or fix the selector.',
    expressionFails:
      '{{owner}}: selector requirement {{key}} {{operator}} does not hold for its pod template labels, so the API server rejects it. Change the template labels or the requirement.',
  },
  summary: "A workload's `selector` matches its own pod template labels.",
  rationale:
    'A Deployment, StatefulSet, DaemonSet or ReplicaSet finds its pods by `spec.selector`. The API server rejects the object when the selector does not match `spec.template.metadata.labels` ("selector does not match template labels"), because the controller would create pods it can never find and create more forever. It usually happens when a label is renamed in one place only.',
  remediation:
    'Make every `matchLabels` entry (and `matchExpressions` requirement) hold for the pod template labels: add the missing label to the template, or fix the selector. Remember that the selector of an existing Deployment cannot be changed.',
  valid: [withLabels(['app: main-app'], ['app: main-app', 'tier: web'], ['matchExpressions:', '  - key: tier', '    operator: In', '    values: [web, api]'])],
  invalid: [
    {
      example: withLabels(['app: main-app', 'tier: web'], ['app: main-app']),
      messageId: 'labelMissing',
      line: 9,
      column: 7,
      output: withLabels(['app: main-app', 'tier: web'], ['app: main-app', 'tier: web']),
    },
    { example: withLabels(['app: main-app', 'tier: web'], ['app: main-app', 'tier: api']), messageId: 'labelDiffers', line: 9, column: 7 },
    {
      example: withLabels(['app: main-app'], ['app: main-app', 'tier: web'], ['matchExpressions: [{ key: tier, operator: In, values: [api, worker] }]']),
      messageId: 'expressionFails',
      line: 9,
      column: 24,
    },
  ],
  check(context) {
    const object = context.target.object;
    // Patches without their base have no complete selector or template to compare.
    if (!object.base) return;
    const selector = record(at(object.value, 'spec', 'selector'));
    const labelsPath = podLabelsPath(object.identity.kind)!;
    const labels = record(at(object.value, ...labelsPath)) ?? {};
    if (!selector) return;
    const owner = `${object.identity.kind} ${object.identity.name ?? ''}`;
    const lastLabel = Object.keys(labels).pop();
    for (const [key, value] of Object.entries(record(selector.matchLabels) ?? {})) {
      if (labels[key] !== undefined && String(labels[key]) === String(value)) continue;
      const origin = lastLabel !== undefined && labels[key] === undefined ? context.locate([...labelsPath, lastLabel]) : undefined;
      context.report({
        path: ['spec', 'selector', 'matchLabels', key],
        messageId: labels[key] === undefined ? 'labelMissing' : 'labelDiffers',
        data: { owner, key, value: String(value), actual: String(labels[key]) },
        fixes: origin
          ? fix(`Add ${key}: ${String(value)} to the template labels`, 'safe', origin.doc, [
              insertAfterEntry(origin.doc, origin.path, [`${yamlKey(key)}: ${yamlScalar(String(value))}`]),
            ])
          : [],
      });
    }
    list(selector.matchExpressions).forEach((expression, i) => {
      if (expressionMatches(expression, labels)) return;
      context.report({
        path: ['spec', 'selector', 'matchExpressions', i],
        messageId: 'expressionFails',
        data: { owner, key: str(at(expression, 'key')) ?? '', operator: str(at(expression, 'operator')) ?? '' },
      });
    });
  },
});
