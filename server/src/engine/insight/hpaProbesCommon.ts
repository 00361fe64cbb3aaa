/** Small pieces the HPA and probe insight providers share: text cursor paths, locations, rendered containers. */
import { cursorContext, type CursorContext as TextCursor } from '../document/cursorPath';
import type { ManifestDocument } from '../document/manifestDocument';
import type { NodePart } from '../document/manifestDocument';
import type { Origin, RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { containersOf, podSpecPath, type ContainerRef } from '../k8s/podSpec';
import { at, record, str } from '../k8s/values';
import type { CursorContext, Location } from './types';

/** The cursor's structural context read from indentation (robust on the half-typed line). */
export function textCursor(ctx: CursorContext): TextCursor {
  const position = ctx.doc.chunk.lines.positionAt(ctx.offset);
  return cursorContext(ctx.doc.text.split(/\r?\n/), position.line, position.character);
}

export function locationOf(origin: Origin, part: NodePart = 'value'): Location {
  return { uri: origin.doc.uri, range: origin.doc.rangeOfPath(origin.path, part) };
}

/** An object's name in the document that defines it (the base, not a patch repeating the name). */
export function definitionOf(object: RenderedObject): Location {
  const doc = object.base ?? object.sources[0]!;
  return { uri: doc.uri, range: doc.rangeOfPath(['metadata', 'name'], 'value') };
}

/** True when `path` starts with `prefix`. */
export function startsWith(path: ValuePath, prefix: ValuePath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

export interface ContainerAtCursor {
  rendered: RenderedObject;
  ref: ContainerRef;
  /** The path of the container in the cursor's document (`…containers[i]`). */
  docPath: ValuePath;
  /** The rest of the cursor path inside the container. */
  inner: ValuePath;
}

/**
 * The rendered container the cursor path is in. The document may be a patch: its container `i` is
 * matched to the rendered one by name.
 */
export function containerAt(index: WorkspaceIndex, doc: ManifestDocument, path: ValuePath): ContainerAtCursor | undefined {
  const identity = doc.identity;
  const specPath = identity ? podSpecPath(identity.kind) : undefined;
  if (!specPath || !startsWith(path, specPath)) return undefined;
  const field = path[specPath.length];
  const item = path[specPath.length + 1];
  if ((field !== 'containers' && field !== 'initContainers') || typeof item !== 'number') return undefined;
  const docPath = path.slice(0, specPath.length + 2);
  const name = str(record(at(doc.plain().value, ...docPath))?.name);
  if (name === undefined) return undefined;
  const rendered = index.renderedOf(doc);
  const ref = containersOf(rendered, true).find((c) => c.name === name && c.init === (field === 'initContainers'));
  return ref ? { rendered, ref, docPath, inner: path.slice(docPath.length) } : undefined;
}
