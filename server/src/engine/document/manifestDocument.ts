/**
 * A YAML document at its place in a file: a parsed chunk plus where the chunk starts. All offset →
 * range conversion of the product happens in `range()` here.
 */
import { type Node, type Pair } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from './yamlGuards';
import type { Range, ValuePath } from '../types';
import type { ParsedChunk, PlainValue } from './parsedChunk';
import type { DocumentClass } from './classify';
import { isListClass, listItemChunks } from './listItems';
import { fileNameOf } from './fileName';
import { associatedFormat } from '../monitoring/associations';
import { isMonitoringFormat } from '../monitoring/formats';

export type NodePart = 'key' | 'value' | 'pair';

export interface ResourceIdentity {
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string;
}

export class ManifestDocument {
  constructor(
    readonly uri: string,
    /** Zero-based position of this document in its file. */
    readonly index: number,
    /** Offset of the chunk in the file. */
    readonly start: number,
    /** Line of the chunk's first character in the file. */
    readonly startLine: number,
    readonly chunk: ParsedChunk,
    /** The List document this one is an item of (see listItems.ts); its `index` is the List's. */
    readonly parent?: ManifestDocument,
  ) {}

  private itemDocuments: readonly ManifestDocument[] | undefined;

  /** A List's items as documents of their own (at their place in the file); empty for other documents. */
  get items(): readonly ManifestDocument[] {
    if (!this.itemDocuments) {
      // Not a List (nearly every document): no items, and no file name decoded to find that out.
      const chunks = this.parent || !isListClass(this.chunk.class) ? [] : listItemChunks(this.chunk, fileNameOf(this.uri));
      this.itemDocuments = chunks.map(
        (item) => new ManifestDocument(this.uri, this.index, this.start + item.offset, this.startLine + item.line, item.chunk, this),
      );
    }
    return this.itemDocuments;
  }

  /** `uri#index` (`uri#index.item` for a List item): names the document among the workspace's. */
  get ref(): string {
    const own = `${this.uri}#${this.index}`;
    return this.parent ? `${own}.${this.parent.items.indexOf(this)}` : own;
  }

  get text(): string {
    return this.chunk.text;
  }

  get yaml(): ParsedChunk['yaml'] {
    return this.chunk.yaml;
  }

  get class(): DocumentClass {
    const c = this.chunk.class;
    // biomeManifests.files.associations decides for YAML that is not Kubernetes, Helm or Kustomize (the chunk,
    // shared by files with equal text and classified on the parse thread, cannot know the file's settings).
    if (c.type === 'other' || isMonitoringFormat(c.type)) {
      const format = associatedFormat(this.uri);
      if (format && format !== c.type) return { type: format };
    }
    return c;
  }

  get identity(): ResourceIdentity | undefined {
    const c = this.chunk.class;
    return c.type === 'kubernetes' ? c : undefined;
  }

  /** The document as plain values (computed once per chunk, alias-bounded). */
  plain(): PlainValue {
    return this.chunk.value();
  }

  /** Converts document-local offsets into a file range. The one offset → range conversion. */
  range(localStart: number, localEnd: number = localStart): Range {
    const start = this.chunk.lines.positionAt(localStart);
    const end = this.chunk.lines.positionAt(Math.max(localStart, localEnd));
    return {
      start: { line: start.line + this.startLine, character: start.character },
      end: { line: end.line + this.startLine, character: end.character },
    };
  }

  /** File position → document-local offset, or undefined when the position is outside this document. */
  localOffset(line: number, character: number): number | undefined {
    const localLine = line - this.startLine;
    if (localLine < 0 || localLine >= this.chunk.lines.lineCount) return undefined;
    return this.chunk.lines.offsetAt({ line: localLine, character });
  }

  /** Range of the first line's marker or content: where document-wide findings go. */
  headRange(): Range {
    const contents = this.yaml.contents as Node | null;
    const kindPair = this.findPair(['kind']);
    if (kindPair) return this.rangeOfPair(kindPair, 'pair');
    if (contents?.range) return this.range(contents.range[0], contents.range[0]);
    return this.range(0, this.chunk.lines.lineEnd(0));
  }

  rangeOfNode(node: Node): Range {
    const r = node.range ?? [0, 0, 0];
    return this.range(r[0], r[1]);
  }

  rangeOfPair(pair: Pair, part: NodePart): Range {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (part === 'key' && key?.range) return this.rangeOfNode(key);
    if (part === 'value' && value?.range) return this.rangeOfNode(value);
    const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
    const end = value?.range?.[1] ?? key?.range?.[1] ?? start;
    return this.range(start, end);
  }

  /** The AST node at a path, or undefined. */
  nodeAt(path: ValuePath): Node | undefined {
    let node: unknown = this.yaml.contents;
    for (const part of path) {
      if (isMap(node)) node = node.get(String(part), true) ?? node.items.find((p) => keyMatches(p, part))?.value;
      else if (isSeq(node) && typeof part === 'number') node = node.items[part];
      else return undefined;
      if (node === undefined || node === null) return undefined;
    }
    return node as Node;
  }

  /** The map entry whose key is the last element of `path`. */
  findPair(path: ValuePath): Pair | undefined {
    if (path.length === 0) return undefined;
    const parent = this.nodeAt(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    const last = path[path.length - 1]!;
    return parent.items.find((p) => keyMatches(p, last));
  }

  /**
   * Range for a path: the key (or value) when the path ends at a map entry, the item for sequence
   * indexes; falls back to the deepest existing ancestor so a finding about a missing field lands
   * on its parent.
   */
  rangeOfPath(path: ValuePath, part: NodePart = 'key'): Range {
    for (let depth = path.length; depth > 0; depth--) {
      const prefix = path.slice(0, depth);
      const last = prefix[prefix.length - 1];
      if (typeof last === 'string') {
        const pair = this.findPair(prefix);
        if (pair) return this.rangeOfPair(pair, depth === path.length ? part : 'key');
      } else {
        const node = this.nodeAt(prefix);
        if (node?.range) return this.rangeOfNode(node);
      }
    }
    return this.headRange();
  }
}

function keyMatches(pair: unknown, part: string | number): boolean {
  if (!isPair(pair)) return false;
  const key = pair.key;
  if (isScalar(key)) return String(key.value) === String(part);
  return key === part;
}
