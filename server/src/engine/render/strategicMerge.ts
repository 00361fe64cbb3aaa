/**
 * Strategic merge patch (the semantics of `kubectl patch --type strategic` and kustomize patches):
 * maps merge recursively, lists with a Kubernetes patch merge key merge by it, other lists are
 * replaced, `null` deletes a key, `$patch: delete | replace` are honoured.
 */
import type { Annotated } from './annotated';

/** Patch merge keys of the Kubernetes API, by list field name (struct tags `patchMergeKey`). */
const MERGE_KEYS: Record<string, readonly string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  imagePullSecrets: ['name'],
  resourceClaims: ['name'],
  schedulingGates: ['name'],
  env: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  hostAliases: ['ip'],
  topologySpreadConstraints: ['topologyKey'],
  ownerReferences: ['uid'],
  // Container ports merge by containerPort, Service ports by port.
  ports: ['containerPort', 'port'],
};

const DIRECTIVE = '$patch';

export function mergeKeyFor(field: string, items: readonly Annotated[]): string | undefined {
  const candidates = MERGE_KEYS[field];
  if (!candidates) return undefined;
  for (const key of candidates) {
    if (items.some((item) => item.kind === 'map' && item.entries.has(key))) return key;
  }
  return candidates[0];
}

function directiveOf(node: Annotated): string | undefined {
  if (node.kind !== 'map') return undefined;
  const directive = node.entries.get(DIRECTIVE);
  return directive?.kind === 'scalar' && typeof directive.value === 'string' ? directive.value : undefined;
}

function withoutDirectives(node: Annotated): Annotated {
  if (node.kind !== 'map') return node;
  const entries = new Map<string, Annotated>();
  for (const [key, child] of node.entries) {
    if (key === DIRECTIVE || key.startsWith('$setElementOrder/') || key === '$retainKeys') continue;
    entries.set(key, withoutDirectives(child));
  }
  return { ...node, entries };
}

function scalarKey(node: Annotated, key: string): string | undefined {
  if (node.kind !== 'map') return undefined;
  const value = node.entries.get(key);
  return value?.kind === 'scalar' && value.value !== null && value.value !== undefined ? String(value.value) : undefined;
}

function mergeList(field: string, base: Annotated & { kind: 'list' }, patch: Annotated & { kind: 'list' }): Annotated {
  if (patch.items.some((item) => directiveOf(item) === 'replace')) {
    return { ...patch, items: patch.items.filter((item) => directiveOf(item) !== 'replace').map(withoutDirectives) };
  }
  const mergeKey = mergeKeyFor(field, [...base.items, ...patch.items]);
  if (!mergeKey) return withoutDirectives(patch);
  const items = [...base.items];
  for (const patchItem of patch.items) {
    const key = scalarKey(patchItem, mergeKey);
    const at = key === undefined ? -1 : items.findIndex((item) => scalarKey(item, mergeKey) === key);
    if (directiveOf(patchItem) === 'delete') {
      if (at >= 0) items.splice(at, 1);
      continue;
    }
    if (at >= 0) items[at] = mergeNode(items[at]!, patchItem, field);
    else items.push(withoutDirectives(patchItem));
  }
  return { ...base, items };
}

function mergeMap(base: Annotated & { kind: 'map' }, patch: Annotated & { kind: 'map' }): Annotated {
  const entries = new Map(base.entries);
  for (const [key, patchChild] of patch.entries) {
    if (key === DIRECTIVE || key.startsWith('$setElementOrder/') || key === '$retainKeys') continue;
    if (patchChild.kind === 'scalar' && patchChild.value === null) {
      entries.delete(key);
      continue;
    }
    if (directiveOf(patchChild) === 'delete') {
      entries.delete(key);
      continue;
    }
    const baseChild = entries.get(key);
    entries.set(key, baseChild ? mergeNode(baseChild, patchChild, key) : withoutDirectives(patchChild));
  }
  return { ...base, entries };
}

/** Merges `patch` over `base`; `field` is the name of the map key holding them (for list merge keys). */
export function mergeNode(base: Annotated, patch: Annotated, field = ''): Annotated {
  const directive = directiveOf(patch);
  if (directive === 'replace') return withoutDirectives(patch);
  if (base.kind === 'map' && patch.kind === 'map') return mergeMap(base, patch);
  if (base.kind === 'list' && patch.kind === 'list') return mergeList(field, base, patch);
  return withoutDirectives(patch);
}
