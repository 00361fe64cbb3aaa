/** Prometheus relabel configuration validation (relabel.Config.Validate, model/relabel/relabel.go). */
import { isLabelName } from './names';
import { re2Problem } from './re2';
import type { Obj } from './walk';

export interface RelabelProblem {
  /** The field the problem is about (its key is underlined), or undefined for the item itself. */
  field?: string;
  /** Offset in the field's value (a regex error). */
  span?: { start: number; end: number };
  message: string;
}

const ACTIONS = ['replace', 'keep', 'drop', 'keepequal', 'dropequal', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase'];
const NEEDS_TARGET = ['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'];
/** A target label may use `$1` / `${name}` references with these actions. */
const RELABEL_TARGET = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;
const LABEL_ONLY_FIELDS = ['source_labels', 'target_label', 'modulus', 'separator', 'replacement'];

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function relabelProblems(item: Obj): RelabelProblem[] {
  const out: RelabelProblem[] = [];
  const rawAction = text(item['action']) ?? 'replace';
  const action = rawAction.toLowerCase();
  if (!ACTIONS.includes(action)) {
    return [{ field: 'action', message: `unknown relabel action "${rawAction}": use one of ${ACTIONS.join(', ')}` }];
  }
  const regex = item['regex'];
  if (typeof regex === 'string') {
    const problem = re2Problem(regex);
    if (problem)
      out.push({
        field: 'regex',
        span: { start: problem.offset, end: problem.offset + problem.length },
        message: `regex is not valid RE2 (Prometheus anchors it as ^(?:…)$): ${problem.message}`,
      });
  }
  const sources = item['source_labels'];
  if (Array.isArray(sources)) {
    const bad = sources.find((s) => typeof s !== 'string' || !isLabelName(s));
    if (bad !== undefined)
      out.push({
        field: 'source_labels',
        message: `"${String(bad)}" is not a valid label name: use letters, digits and underscores, not starting with a digit`,
      });
  }
  const target = text(item['target_label']);
  if (NEEDS_TARGET.includes(action) && !target) {
    out.push({ field: 'action', message: `the ${action} action needs target_label: add the label to write${action === 'hashmod' ? ' (and modulus)' : ''}` });
  } else if (target && ['replace', 'lowercase', 'uppercase'].includes(action) && !RELABEL_TARGET.test(target)) {
    out.push({ field: 'target_label', message: `"${target}" is not a valid target label: use a label name, optionally with $1 or \${name} references` });
  } else if (target && ['hashmod', 'keepequal', 'dropequal'].includes(action) && !isLabelName(target)) {
    out.push({ field: 'target_label', message: `"${target}" is not a valid label name for the ${action} action (no $ references here)` });
  }
  if (action === 'hashmod' && !(typeof item['modulus'] === 'number' && item['modulus'] > 0)) {
    out.push({ field: 'action', message: 'the hashmod action needs a non-zero modulus: add modulus (the number of shards)' });
  }
  const replacement = text(item['replacement']);
  if (action === 'labelmap' && replacement !== undefined && !RELABEL_TARGET.test(replacement)) {
    out.push({ field: 'replacement', message: `"${replacement}" is not a valid replacement for labelmap: it must form a label name, e.g. $1` });
  }
  if (action === 'labeldrop' || action === 'labelkeep') {
    const extra = LABEL_ONLY_FIELDS.find((f) => item[f] !== undefined && !(f === 'separator' && item[f] === ';') && !(f === 'replacement' && item[f] === '$1'));
    if (extra) out.push({ field: extra, message: `the ${action} action only takes regex, not ${extra}: remove ${extra}` });
  }
  return out;
}
