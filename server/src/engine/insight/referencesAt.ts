/** Secret/ConfigMap references under the cursor, and the references that point at an object or key. */
import type { ManifestDocument } from '../document/manifestDocument';
import type { RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { objectRefsOfPodSpec, type ObjectRef, type RefKind } from '../k8s/podRefs';
import { podSpecPath, WORKLOAD_KINDS } from '../k8s/podSpec';
import { keyFields } from '../k8s/secretData';
import { at } from '../k8s/values';
import { startsWith } from './hpaProbesCommon';
import type { Location } from './types';

export interface RefAtCursor {
  ref: ObjectRef;
  /** Whether the cursor is on the key of the reference (else on the object's name). */
  onKey: boolean;
}

function full(specPath: ValuePath, path: ValuePath | undefined): ValuePath | undefined {
  return path ? [...specPath, ...path] : undefined;
}

function samePath(a: ValuePath | undefined, b: ValuePath): boolean {
  return a !== undefined && a.length === b.length && a.every((p, i) => p === b[i]);
}

/** The reference whose name or key the cursor path is on (or whose `secretKeyRef`-like map it is on). */
export function refAtCursor(doc: ManifestDocument, path: ValuePath): RefAtCursor | undefined {
  const kind = doc.identity?.kind;
  const specPath = kind ? podSpecPath(kind) : undefined;
  if (!specPath || !startsWith(path, specPath)) return undefined;
  const refs = objectRefsOfPodSpec(at(doc.plain().value, ...specPath));
  const onKey = refs.find((r) => samePath(full(specPath, r.keyPath), path));
  if (onKey) return { ref: onKey, onKey: true };
  const onName = refs.find((r) => samePath(full(specPath, r.namePath), path) || samePath(full(specPath, r.namePath)?.slice(0, -1), path));
  return onName ? { ref: onName, onKey: false } : undefined;
}

/** The Secret or ConfigMap a reference in `doc` names (same namespace), if in the workspace. */
export function resolveRef(index: WorkspaceIndex, doc: ManifestDocument, ref: ObjectRef): RenderedObject | undefined {
  return index.lookup(ref.kind, doc.identity?.namespace ?? 'default', ref.name, doc.uri);
}

/** Where a key is defined in a Secret or ConfigMap (`data`, `stringData` or `binaryData`), if anywhere. */
export function keyLocation(object: RenderedObject, key: string): Location | undefined {
  for (const field of keyFields(object.identity.kind)) {
    if (at(object.value, field, key) === undefined) continue;
    const origin = object.locate([field, key]);
    return { uri: origin.doc.uri, range: origin.doc.rangeOfPath(origin.path, 'key') };
  }
  return undefined;
}

/** Every reference of the namespace's workloads to `kind`/`name` (and to `key`, when given). */
export function referencesTo(index: WorkspaceIndex, kind: RefKind, namespace: string, name: string, key?: string): Location[] {
  const out: Location[] = [];
  for (const workloadKind of WORKLOAD_KINDS) {
    const specPath = podSpecPath(workloadKind)!;
    for (const workload of index.objectsOfKind(workloadKind, namespace)) {
      for (const ref of objectRefsOfPodSpec(at(workload.value, ...specPath))) {
        if (ref.kind !== kind || ref.name !== name) continue;
        if (key !== undefined && ref.key !== key) continue;
        if (key === undefined && ref.key !== undefined && ref.keyPath && ref.keyPath.includes('items')) continue;
        const path = key !== undefined ? ref.keyPath! : ref.namePath;
        const origin = workload.locate([...specPath, ...path]);
        out.push({ uri: origin.doc.uri, range: origin.doc.rangeOfPath(origin.path, 'value') });
      }
    }
  }
  return out;
}
