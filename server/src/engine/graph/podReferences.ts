/** The Secrets and ConfigMaps a workload's pod template refers to: env, envFrom and volumes. */
import type { RenderedObject } from '../render/render';
import { at, list, record, str } from '../../rules/helpers/values';
import { containersOf, podSpecPath } from '../../rules/helpers/podSpec';

export interface PodReference {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  /** The key read, for single-key references (`secretKeyRef`); undefined for the whole object. */
  key: string | undefined;
  optional: boolean;
}

function keyRef(kind: PodReference['kind'], ref: unknown): PodReference | undefined {
  const r = record(ref);
  const name = str(r?.name);
  if (!r || !name) return undefined;
  return { kind, name, key: str(r.key), optional: r.optional === true };
}

function objectRef(kind: PodReference['kind'], ref: unknown, nameField = 'name'): PodReference | undefined {
  const r = record(ref);
  const name = str(r?.[nameField]);
  if (!r || !name) return undefined;
  return { kind, name, key: undefined, optional: r.optional === true };
}

export function podReferences(object: RenderedObject): PodReference[] {
  const out: (PodReference | undefined)[] = [];
  for (const { container } of containersOf(object, true)) {
    for (const env of list(container.env)) {
      const from = record(record(env)?.valueFrom);
      out.push(keyRef('Secret', from?.secretKeyRef), keyRef('ConfigMap', from?.configMapKeyRef));
    }
    for (const source of list(container.envFrom)) {
      const s = record(source);
      out.push(objectRef('Secret', s?.secretRef), objectRef('ConfigMap', s?.configMapRef));
    }
  }
  const specPath = podSpecPath(object.identity.kind);
  for (const volume of specPath ? list(at(object.value, ...specPath, 'volumes')) : []) {
    const v = record(volume);
    out.push(objectRef('Secret', v?.secret, 'secretName'), objectRef('ConfigMap', v?.configMap));
  }
  return out.filter((r): r is PodReference => r !== undefined);
}

/** True when the Secret/ConfigMap defines `key` in `data`, `stringData` or `binaryData`. */
export function definesKey(object: RenderedObject, key: string): boolean {
  return ['data', 'stringData', 'binaryData'].some((field) => record(object.value[field])?.[key] !== undefined);
}
