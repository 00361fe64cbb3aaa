/** Rule-file rule validation as `promtool check rules` makes it (rulefmt.Rule.Validate), minus the PromQL. */
import { isLabelName, isMetricName } from './names';
import { isObj, type Obj } from './walk';

export interface DefinitionProblem {
  field?: string;
  /** A key inside `labels`/`annotations`, underlined instead of the field. */
  key?: string;
  message: string;
}

/** Unbalanced `{{ … }}` in a Go template: the common way a label or annotation template fails to parse. */
export function templateProblem(text: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === '{' && text[i + 1] === '{') {
      if (depth > 0) return 'a template action `{{` opens inside another one: close the first with `}}`';
      depth++;
      i++;
    } else if (text[i] === '}' && text[i + 1] === '}' && depth > 0) {
      depth--;
      i++;
    }
  }
  return depth > 0 ? 'a template action `{{` is never closed: add `}}`' : undefined;
}

function mapProblems(rule: Obj, field: 'labels' | 'annotations'): DefinitionProblem[] {
  const map = rule[field];
  if (!isObj(map)) return [];
  const out: DefinitionProblem[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (!isLabelName(key))
      out.push({ field, key, message: `${field} key "${key}" is not a valid label name: use letters, digits and underscores, not starting with a digit` });
    const template = typeof value === 'string' ? templateProblem(value) : undefined;
    if (template) out.push({ field, key, message: `${field}.${key}: ${template}` });
  }
  return out;
}

export function definitionProblems(rule: Obj): DefinitionProblem[] {
  const record = rule['record'];
  const alert = rule['alert'];
  const hasRecord = record !== undefined && record !== null && record !== '';
  const hasAlert = alert !== undefined && alert !== null && alert !== '';
  if (hasRecord && hasAlert)
    return [{ field: 'alert', message: 'a rule has either record or alert, not both: split it into a recording and an alerting rule' }];
  if (!hasRecord && !hasAlert) return [{ message: 'a rule needs record (a recording rule) or alert (an alerting rule): add one' }];
  const out: DefinitionProblem[] = [];
  const expr = rule['expr'];
  if (expr === undefined || expr === null || expr === '')
    out.push({ field: hasRecord ? 'record' : 'alert', message: 'the rule has no expr: add the PromQL expression it evaluates' });
  if (hasRecord) {
    if (typeof record !== 'string' || !isMetricName(record))
      out.push({
        field: 'record',
        message: `"${String(record)}" is not a valid metric name for record: use letters, digits, underscores and colons (level:metric:operations)`,
      });
    for (const field of ['for', 'keep_firing_for', 'annotations']) {
      if (rule[field] !== undefined)
        out.push({ field, message: `${field} is only allowed in alerting rules, not in recording rule ${String(record)}: remove it` });
    }
  }
  return [...out, ...mapProblems(rule, 'labels'), ...(hasAlert ? mapProblems(rule, 'annotations') : [])];
}
