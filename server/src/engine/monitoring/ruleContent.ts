/**
 * The rule groups a document holds, wherever they are written: a rule file at its root, a `PrometheusRule` under
 * `spec`, or a rule file inside a ConfigMap key or a Secret's `stringData` key (a block scalar holding another YAML file). A `RuleContent` hides the
 * difference: it finds a node by its path in the content and turns content offsets into document offsets, so
 * navigation, lenses and "the rule at the cursor" work the same on all three.
 */
import type { Node } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import type { ValuePath } from '../types';
import { embeddedFile, nodeAtPath, plainFileFields, type EmbeddedFile } from './embedded';
import { sourceOffsets } from './scalarOffset';
import { isObj } from './walk';

export interface RuleContent {
  /** The ConfigMap key holding the rule file; undefined when the content is the document itself. */
  readonly key: string | undefined;
  /** The text node ranges are offsets into (the document's, or the ConfigMap value's). */
  readonly text: string;
  /** The node at a path of the content. */
  nodeAt(path: ValuePath): Node | undefined;
  /** Document-local offsets of content offsets (ascending). */
  toDoc(offsets: readonly number[]): number[];
}

export interface RuleEntry {
  doc: ManifestDocument;
  content: RuleContent;
  /** Path of the rule map in its content (`groups.i.rules.j`, under `spec` in a PrometheusRule). */
  path: ValuePath;
  record?: string;
  alert?: string;
  expr?: string;
  group: string;
}

function directContent(doc: ManifestDocument): RuleContent {
  return { key: undefined, text: doc.text, nodeAt: (path) => doc.nodeAt(path), toDoc: (offsets) => [...offsets] };
}

/**
 * A rule file in ConfigMap key `key`: its offsets go through the value scalar's quotes, escapes and block
 * indentation to the document. The table of every offset is built once, on the first position asked for.
 */
function embeddedContent(doc: ManifestDocument, field: 'data' | 'stringData', key: string, text: string, file: EmbeddedFile): RuleContent {
  let table: Int32Array | undefined;
  const tableOf = (): Int32Array => {
    const outer = doc.nodeAt([field, key]);
    if (!outer?.range) return new Int32Array(text.length + 1);
    const source = doc.text.slice(outer.range[0], outer.range[1]);
    const offsets = sourceOffsets(
      source,
      text,
      Array.from({ length: text.length + 1 }, (_, i) => i),
    );
    return Int32Array.from(offsets, (o) => outer.range![0] + o);
  };
  return {
    key,
    text,
    nodeAt: (path) => nodeAtPath(file.yaml, path, 'value'),
    toDoc(offsets) {
      table ??= tableOf();
      return offsets.map((o) => table![Math.min(Math.max(o, 0), text.length)]!);
    },
  };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The rules of the groups under `root`, with paths starting at `prefix`. */
function rulesIn(doc: ManifestDocument, content: RuleContent, root: unknown, prefix: ValuePath): RuleEntry[] {
  const groups = isObj(root) && Array.isArray(root.groups) ? root.groups : [];
  const out: RuleEntry[] = [];
  groups.forEach((group: unknown, g) => {
    if (!isObj(group) || !Array.isArray(group.rules)) return;
    group.rules.forEach((rule: unknown, r) => {
      if (!isObj(rule)) return;
      const entry: RuleEntry = { doc, content, path: [...prefix, 'groups', g, 'rules', r], group: text(group.name) ?? '' };
      const [record, alert, expr] = [text(rule.record), text(rule.alert), text(rule.expr)];
      if (record !== undefined) entry.record = record;
      if (alert !== undefined) entry.alert = alert;
      if (expr !== undefined) entry.expr = expr;
      out.push(entry);
    });
  });
  return out;
}

/** ConfigMap (and Secret stringData) rules, found once per document: every completion and reference look-up lists the workspace's rules. */
const configMapRules = new WeakMap<ManifestDocument, RuleEntry[]>();

function rulesOfConfigMap(doc: ManifestDocument): RuleEntry[] {
  let found = configMapRules.get(doc);
  if (found) return found;
  found = [];
  const value = doc.plain().value;
  for (const field of plainFileFields(doc.identity?.kind)) {
    const data = isObj(value) && isObj(value[field]) ? value[field] : {};
    for (const key in data) {
      const content = data[key];
      if (typeof content !== 'string') continue;
      const file = embeddedFile(key, content);
      if (file?.format !== 'prometheus-rules') continue;
      for (const rule of rulesIn(doc, embeddedContent(doc, field, key, content, file), file.value, [])) found.push(rule);
    }
  }
  configMapRules.set(doc, found);
  return found;
}

/** The rules of one document (none for a document that holds no rule groups). */
export function rulesOf(doc: ManifestDocument): RuleEntry[] {
  if (doc.class.type === 'prometheus-rules') return rulesIn(doc, directContent(doc), doc.plain().value, []);
  const kind = doc.identity?.kind;
  if (kind === 'PrometheusRule') {
    const value = doc.plain().value;
    return rulesIn(doc, directContent(doc), isObj(value) ? value.spec : undefined, ['spec']);
  }
  return kind === 'ConfigMap' || kind === 'Secret' ? rulesOfConfigMap(doc) : [];
}

/** The document offsets a node of the rule's content spans, or undefined when it has no range. */
export function nodeSpan(rule: RuleEntry, path: ValuePath): { node: Node; start: number; end: number } | undefined {
  const node = rule.content.nodeAt(path);
  if (!node?.range) return undefined;
  const [start, end] = rule.content.toDoc([node.range[0], node.range[1]]);
  return { node, start: start!, end: end! };
}

/**
 * Document offsets of offsets into the value of the rule's string field `field` (through quotes, escapes and block
 * indentation, twice for a ConfigMap key), or undefined when the field is not a string scalar.
 */
export function fieldOffsets(rule: RuleEntry, field: 'record' | 'alert' | 'expr', valueOffsets: readonly number[]): number[] | undefined {
  const value = rule[field];
  const node = rule.content.nodeAt([...rule.path, field]);
  if (value === undefined || !node?.range || !('value' in node) || typeof node.value !== 'string') return undefined;
  const start = node.range[0];
  const source = rule.content.text.slice(start, node.range[1]);
  return rule.content.toDoc(sourceOffsets(source, value, valueOffsets).map((o) => start + o));
}
