/**
 * Secrets and ConfigMaps that exist although no manifest defines them: made by the cluster, by a
 * controller from another resource in the workspace, or by a workload that is told their name.
 */
import type { RenderedObject } from '../render/render';
import { containersOf, WORKLOAD_KINDS } from './podSpec';
import { at, list, str } from './values';
import type { RefKind } from './podRefs';
import type { ObjectLookup } from './lookup';

/** Published into every namespace by the kube-controller-manager (root CA publisher, 1.20+). */
const CLUSTER_CONFIGMAPS = new Set(['kube-root-ca.crt']);

/** Resources whose controller writes a Secret, and where they name it. */
const SECRET_PRODUCERS: readonly { kind: string; names: (object: RenderedObject) => (string | undefined)[] }[] = [
  { kind: 'Certificate', names: (o) => [str(at(o.value, 'spec', 'secretName'))] },
  { kind: 'SealedSecret', names: (o) => [str(at(o.value, 'spec', 'template', 'metadata', 'name')) ?? o.identity.name] },
  { kind: 'ExternalSecret', names: (o) => [str(at(o.value, 'spec', 'target', 'name')) ?? o.identity.name] },
];

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[=\\s,:/"'])${escaped}($|[\\s,"'])`).test(text);
}

/** True when a workload other than `self` passes `name` on its command line (a cert generator Job). */
function namedOnCommandLine(workspace: Pick<ObjectLookup, 'objectsOfKind'>, self: RenderedObject, namespace: string, name: string): boolean {
  for (const kind of WORKLOAD_KINDS) {
    for (const object of workspace.objectsOfKind(kind, namespace)) {
      if (object.identity.kind === self.identity.kind && object.identity.name === self.identity.name) continue;
      for (const { container } of containersOf(object, true)) {
        const words = [...list(container.command), ...list(container.args)].filter((w): w is string => typeof w === 'string');
        if (words.some((word) => mentions(word, name))) return true;
      }
    }
  }
  return false;
}

/** Whether the `kind` named `name` in `namespace` is created by something other than a manifest of it. */
export function createdElsewhere(workspace: Pick<ObjectLookup, 'objectsOfKind'>, self: RenderedObject, kind: RefKind, namespace: string, name: string): boolean {
  if (kind === 'ConfigMap' && CLUSTER_CONFIGMAPS.has(name)) return true;
  if (kind === 'Secret') {
    for (const producer of SECRET_PRODUCERS) {
      if (workspace.objectsOfKind(producer.kind, namespace).some((o) => producer.names(o).includes(name))) return true;
    }
  }
  return namedOnCommandLine(workspace, self, namespace, name);
}
