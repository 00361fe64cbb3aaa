/**
 * Secret and ConfigMap reference insight: hover a `secretKeyRef`/`configMapKeyRef`/`envFrom`/volume
 * reference to see what it points at, go to the Secret (or the key's line), find the references to
 * a Secret or a key, and complete Secret/ConfigMap names and keys.
 */
import type { RefKind } from '../k8s/podRefs';
import { keyFields, keysOf } from '../k8s/secretData';
import { at, record, str } from '../k8s/values';
import { definitionOf, textCursor } from './hpaProbesCommon';
import { keyLocation, refAtCursor, referencesTo, resolveRef } from './referencesAt';
import { escapeMarkdown, inlineCode, type CursorContext, type InsightCompletion, type InsightHover, type InsightProvider, type Location } from './types';

function fileName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

function hover(ctx: CursorContext): InsightHover | undefined {
  const found = refAtCursor(ctx.doc, ctx.at.path);
  if (!found) return undefined;
  const { ref, onKey } = found;
  const namespace = ctx.doc.identity?.namespace ?? 'default';
  const target = resolveRef(ctx.index, ctx.doc, ref);
  const what = `${ref.kind} ${inlineCode(ref.name)}`;
  if (!target) {
    const optional = ref.optional ? ' The reference is optional: the pod starts without it.' : '';
    return { markdown: `${what} is not defined in namespace ${inlineCode(namespace)} in this workspace.${optional}` };
  }
  const where = target.sources.map((s) => escapeMarkdown(fileName(s.uri))).join(' + ');
  const keys = [...keysOf(target)].sort();
  if (onKey && ref.key !== undefined) {
    const field = keyFields(ref.kind).find((f) => at(target.value, f, ref.key!) !== undefined);
    const line = field
      ? `Key ${inlineCode(ref.key)} of ${what}, set in \`${field}\` (${where}).`
      : `${what} has **no key** ${inlineCode(ref.key)}: the pod fails with CreateContainerConfigError.`;
    return { markdown: line };
  }
  const keyList = keys.length > 0 ? keys.map((k) => inlineCode(k)).join(', ') : 'none';
  return { markdown: `${what} in namespace ${inlineCode(namespace)}, defined in ${where}.\n\nKeys: ${keyList}` };
}

function definition(ctx: CursorContext): Location[] {
  const found = refAtCursor(ctx.doc, ctx.at.path);
  const target = found ? resolveRef(ctx.index, ctx.doc, found.ref) : undefined;
  if (!found || !target) return [];
  if (found.onKey && found.ref.key !== undefined) {
    const location = keyLocation(target, found.ref.key);
    return location ? [location] : [];
  }
  return [definitionOf(target)];
}

/** From a Secret/ConfigMap (its kind or name) or one of its keys, the workload references to it. */
function references(ctx: CursorContext): Location[] {
  const identity = ctx.doc.identity;
  if (!identity || (identity.kind !== 'Secret' && identity.kind !== 'ConfigMap') || identity.name === undefined) return [];
  const kind = identity.kind;
  const path = ctx.at.path;
  if (path.length === 2 && typeof path[1] === 'string' && keyFields(kind).includes(String(path[0]))) {
    return referencesTo(ctx.index, kind, identity.namespace, identity.name, path[1]);
  }
  const onObject = path.length === 0 || path[0] === 'kind' || (path[0] === 'metadata' && path[1] === 'name');
  return onObject ? referencesTo(ctx.index, kind, identity.namespace, identity.name) : [];
}

/** What a value position asks for: `name` of a kind, or `key` of the object named next to it. */
function completionSlot(path: readonly (string | number)[]): { kind: RefKind; want: 'name' | 'key'; namePath: (string | number)[] } | undefined {
  const n = path.length;
  const last = path[n - 1];
  const parent = path[n - 2];
  if (last === 'name' && (parent === 'secretKeyRef' || parent === 'secretRef')) return { kind: 'Secret', want: 'name', namePath: [] };
  if (last === 'name' && (parent === 'configMapKeyRef' || parent === 'configMapRef' || parent === 'configMap'))
    return { kind: 'ConfigMap', want: 'name', namePath: [] };
  if ((last === 'secretName' && parent === 'secret') || (last === 'name' && parent === 'secret')) return { kind: 'Secret', want: 'name', namePath: [] };
  if (last === 'key' && parent === 'secretKeyRef') return { kind: 'Secret', want: 'key', namePath: [...path.slice(0, -1), 'name'] };
  if (last === 'key' && parent === 'configMapKeyRef') return { kind: 'ConfigMap', want: 'key', namePath: [...path.slice(0, -1), 'name'] };
  if (last === 'key' && path[n - 3] === 'items') {
    const source = path[n - 4];
    const base = path.slice(0, -3);
    // A volume's `secret` names it with `secretName`, a projected source's with `name`.
    if (source === 'secret') return { kind: 'Secret', want: 'key', namePath: [...base, path[n - 6] === 'volumes' ? 'secretName' : 'name'] };
    if (source === 'configMap') return { kind: 'ConfigMap', want: 'key', namePath: [...base, 'name'] };
  }
  return undefined;
}

function completion(ctx: CursorContext): InsightCompletion[] {
  if (!ctx.doc.identity) return [];
  const cursor = textCursor(ctx);
  if (cursor.position !== 'value') return [];
  const slot = completionSlot(cursor.path);
  if (!slot) return [];
  const namespace = ctx.doc.identity.namespace;
  if (slot.want === 'name') {
    const names = new Set(
      ctx.index
        .objectsOfKind(slot.kind, namespace)
        .map((o) => o.identity.name)
        .filter((n): n is string => !!n),
    );
    return [...names].sort().map((name) => ({ label: name, detail: `${slot.kind} in ${namespace}` }));
  }
  const name = str(at(ctx.doc.plain().value, ...slot.namePath));
  const target = name === undefined ? undefined : ctx.index.lookup(slot.kind, namespace, name, ctx.doc.uri);
  if (!target) return [];
  return keyFields(slot.kind).flatMap((field) =>
    Object.keys(record(at(target.value, field)) ?? {}).map((key) => ({ label: key, detail: `${field} of ${slot.kind} ${name}` })),
  );
}

export const referencesInsight: InsightProvider = { id: 'references', hover, definition, references, completion };
