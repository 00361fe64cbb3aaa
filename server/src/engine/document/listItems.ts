/**
 * The items of a `kind: List` (what `kubectl get -o yaml` writes) or a typed `*List` document, as
 * chunks of their own: each item is checked, indexed and outlined as the resource it is.
 *
 * An item's chunk text is the item's lines of the List text, with whatever precedes the item on its
 * first line (`- `, `items: [`) blanked to spaces: columns and line breaks are unchanged, so a
 * range inside the item chunk is the same range in the file once moved by the item's first line.
 * Each item holds only its own text (a 10,000-item List does not copy the List 10,000 times).
 */
import { type Node } from 'yaml';
import { isMap, isSeq } from './yamlGuards';
import { ParsedChunk } from './parsedChunk';
import type { DocumentClass, ImpliedIdentity } from './classify';

export interface ListItemChunk {
  readonly chunk: ParsedChunk;
  /** Offset of the item's first line in the List chunk's text. */
  readonly offset: number;
  /** Line of the item's first line in the List chunk. */
  readonly line: number;
}

/** Item chunks per List chunk: List chunks are reused across edits, so their items are too. */
const itemsByChunk = new WeakMap<ParsedChunk, readonly ListItemChunk[]>();

const NO_ITEMS: readonly ListItemChunk[] = [];

/** True for `kind: List` and typed lists (`PodList`, `ConfigMapList`, …). */
export function isListClass(c: DocumentClass): boolean {
  return c.type === 'kubernetes' && c.kind.endsWith('List') && c.kind.length >= 4;
}

/**
 * The items of a List chunk that are Kubernetes objects themselves (`apiVersion` and `kind` set, or
 * implied by a typed List), in order. Items that are not (a scalar, a `kind: List` item without
 * `kind`) or that do not parse alone
 * stay part of the List only. Empty for every other chunk (without touching its AST).
 */
export function listItemChunks(list: ParsedChunk, fileName: string): readonly ListItemChunk[] {
  if (!isListClass(list.class) || hasParseErrors(list)) return NO_ITEMS;
  let items = itemsByChunk.get(list);
  if (!items) {
    items = computeItems(list, fileName);
    itemsByChunk.set(list, items);
  }
  return items;
}

function computeItems(list: ParsedChunk, fileName: string): readonly ListItemChunk[] {
  const contents = list.yaml.contents;
  const seq = isMap(contents) ? contents.get('items', true) : undefined;
  if (!isSeq(seq)) return NO_ITEMS;
  const out: ListItemChunk[] = [];
  const c = list.class;
  // `ConfigMapList` items are ConfigMaps of the List's group even where they leave apiVersion and kind out (as the API returns them).
  const implied = c.type === 'kubernetes' && c.kind !== 'List' ? { apiVersion: c.apiVersion, kind: c.kind.slice(0, -'List'.length) } : undefined;
  for (const item of seq.items) {
    const made = isMap(item) ? itemChunk(list, item, fileName, implied) : undefined;
    if (made) out.push(made);
  }
  return out.length > 0 ? out : NO_ITEMS;
}

function itemChunk(list: ParsedChunk, node: Node, fileName: string, implied: ImpliedIdentity | undefined): ListItemChunk | undefined {
  const range = node.range;
  if (!range) return undefined;
  const text = list.text;
  const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
  // Same length as the text it replaces: every later offset and column stays where it was.
  const lead = ' '.repeat(range[0] - lineStart);
  const chunk = new ParsedChunk(lead + text.slice(range[0], range[1]), fileName, undefined, implied);
  if (hasParseErrors(chunk) || chunk.class.type !== 'kubernetes') return undefined;
  return { chunk, offset: lineStart, line: list.lines.positionAt(lineStart).line };
}

/** Errors other than a duplicate key (reported, but the document is still read as the API server would). */
function hasParseErrors(chunk: ParsedChunk): boolean {
  return chunk.errors.some((e) => e.code !== 'DUPLICATE_KEY');
}
