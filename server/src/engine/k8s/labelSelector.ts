/**
 * Kubernetes label selectors (metav1.LabelSelector: `matchLabels` and `matchExpressions`), the one definition of
 * how they match, and the objects of the workspace they select.
 */
import type { LabelsOf, ObjectLookup } from './lookup';
import type { RenderedObject } from '../render/render';
import { at, list, record, str } from './values';

/** Whether one `matchExpressions` entry holds for `labels` (an unknown operator or no key: it holds). */
export function expressionMatches(expression: unknown, labels: Record<string, unknown>): boolean {
  const key = str(at(expression, 'key'));
  const operator = str(at(expression, 'operator'));
  const values = list(at(expression, 'values')).map(String);
  if (key === undefined) return true;
  const has = labels[key] !== undefined;
  const value = has ? String(labels[key]) : undefined;
  if (operator === 'In') return value !== undefined && values.includes(value);
  if (operator === 'NotIn') return value === undefined || !values.includes(value);
  if (operator === 'Exists') return has;
  if (operator === 'DoesNotExist') return !has;
  return true;
}

/**
 * Whether a LabelSelector selects `labels`: every `matchLabels` entry equal (as strings) and every requirement
 * holds. An empty selector (`{}`) selects everything, as the API defines it for LabelSelector.
 */
function labelSelectorMatches(selector: unknown, labels: Record<string, unknown> | undefined): boolean {
  const own = labels ?? {};
  const matchLabels = record(at(selector, 'matchLabels')) ?? {};
  if (!Object.entries(matchLabels).every(([key, value]) => own[key] !== undefined && String(own[key]) === String(value))) return false;
  return list(at(selector, 'matchExpressions')).every((expression) => expressionMatches(expression, own));
}

/**
 * The objects of `kind` whose `labelsOf` labels a LabelSelector selects, in `namespace` (undefined: all). With
 * `matchLabels` in one namespace the index's label postings answer (for pod template labels, see
 * `objectsOfKindByLabels`); otherwise every object of the kind is read.
 */
export function objectsSelectedBy(
  view: Pick<ObjectLookup, 'objectsOfKind' | 'objectsOfKindByLabels'>,
  kind: string,
  namespace: string | undefined,
  selector: unknown,
  labelsOf: LabelsOf,
  usePostings: boolean,
): RenderedObject[] {
  const matchLabels = record(at(selector, 'matchLabels'));
  const candidates =
    usePostings && namespace !== undefined && matchLabels && Object.keys(matchLabels).length > 0
      ? view.objectsOfKindByLabels(kind, namespace, matchLabels, labelsOf)
      : view.objectsOfKind(kind, namespace);
  return candidates.filter((object) => labelSelectorMatches(selector, labelsOf(object)));
}
