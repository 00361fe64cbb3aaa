/** References from a pod template to Secrets and ConfigMaps: env, envFrom, volumes, projected volumes. */
import type { RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import { podSpecPath } from './podSpec';
import { at, list, record, str } from './values';

export type RefKind = 'Secret' | 'ConfigMap';

export interface ObjectRef {
  kind: RefKind;
  name: string;
  /** Path (relative to the pod spec) of the field holding the name. */
  namePath: ValuePath;
  /** The key, for references to one key (`secretKeyRef`, volume `items`). */
  key?: string;
  keyPath?: ValuePath;
  optional: boolean;
  /** How it is referenced, for messages: `env JWT_SECRET of container main-app`. */
  via: string;
}

type Push = (ref: ObjectRef) => void;

function optionalOf(value: Record<string, unknown>): boolean {
  return value.optional === true;
}

function envRefs(container: Record<string, unknown>, base: ValuePath, cname: string, push: Push): void {
  list(container.env).forEach((item, i) => {
    const env = record(item);
    const from = record(at(env, 'valueFrom'));
    if (!env || !from) return;
    for (const [field, kind] of [
      ['secretKeyRef', 'Secret'],
      ['configMapKeyRef', 'ConfigMap'],
    ] as const) {
      const ref = record(from[field]);
      const name = str(ref?.name);
      if (!ref || name === undefined) continue;
      const path = [...base, 'env', i, 'valueFrom', field];
      const key = str(ref.key);
      push({
        kind,
        name,
        namePath: [...path, 'name'],
        optional: optionalOf(ref),
        via: `env ${str(env.name) ?? `#${i + 1}`} of container ${cname}`,
        ...(key !== undefined ? { key, keyPath: [...path, 'key'] } : {}),
      });
    }
  });
  list(container.envFrom).forEach((item, i) => {
    for (const [field, kind] of [
      ['secretRef', 'Secret'],
      ['configMapRef', 'ConfigMap'],
    ] as const) {
      const ref = record(at(item, field));
      const name = str(ref?.name);
      if (!ref || name === undefined) continue;
      push({
        kind,
        name,
        namePath: [...base, 'envFrom', i, field, 'name'],
        optional: optionalOf(ref),
        via: `envFrom of container ${cname}`,
      });
    }
  });
}

/** One volume source (`secret`, `configMap`, or a projected source) and its `items` keys. */
function sourceRefs(source: Record<string, unknown>, kind: RefKind, nameField: string, path: ValuePath, via: string, push: Push): void {
  const name = str(source[nameField]);
  if (name === undefined) return;
  const optional = optionalOf(source);
  push({ kind, name, namePath: [...path, nameField], optional, via });
  list(source.items).forEach((item, i) => {
    const key = str(at(item, 'key'));
    if (key !== undefined) push({ kind, name, namePath: [...path, nameField], key, keyPath: [...path, 'items', i, 'key'], optional, via });
  });
}

function volumeRefs(spec: unknown, push: Push): void {
  list(at(spec, 'volumes')).forEach((item, v) => {
    const volume = record(item);
    if (!volume) return;
    const via = `volume ${str(volume.name) ?? `#${v + 1}`}`;
    const secret = record(volume.secret);
    if (secret) sourceRefs(secret, 'Secret', 'secretName', ['volumes', v, 'secret'], via, push);
    const configMap = record(volume.configMap);
    if (configMap) sourceRefs(configMap, 'ConfigMap', 'name', ['volumes', v, 'configMap'], via, push);
    list(at(volume, 'projected', 'sources')).forEach((src, s) => {
      const base = ['volumes', v, 'projected', 'sources', s];
      const ps = record(at(src, 'secret'));
      if (ps) sourceRefs(ps, 'Secret', 'name', [...base, 'secret'], via, push);
      const pc = record(at(src, 'configMap'));
      if (pc) sourceRefs(pc, 'ConfigMap', 'name', [...base, 'configMap'], via, push);
    });
  });
}

/** Every Secret/ConfigMap reference of a pod spec, with paths relative to the spec. */
const refsOfSpec = new WeakMap<object, readonly ObjectRef[]>();

/** The references of a pod spec, found once per spec value (four rules read them). */
export function objectRefsOfPodSpec(spec: unknown): readonly ObjectRef[] {
  if (spec === null || typeof spec !== 'object') return findObjectRefs(spec);
  let refs = refsOfSpec.get(spec);
  if (!refs) {
    refs = findObjectRefs(spec);
    refsOfSpec.set(spec, refs);
  }
  return refs;
}

function findObjectRefs(spec: unknown): ObjectRef[] {
  const out: ObjectRef[] = [];
  const push: Push = (ref) => out.push(ref);
  for (const field of ['initContainers', 'containers']) {
    list(at(spec, field)).forEach((item, i) => {
      const container = record(item);
      if (container) envRefs(container, [field, i], str(container.name) ?? `#${i + 1}`, push);
    });
  }
  volumeRefs(spec, push);
  return out;
}

/** The Secret/ConfigMap references of a workload's pod template (none for kinds without one). */
export function objectRefsOf(object: RenderedObject): readonly ObjectRef[] {
  const specPath = podSpecPath(object.identity.kind);
  return specPath ? objectRefsOfPodSpec(at(object.value, ...specPath)) : [];
}
