/**
 * Secrets and ConfigMaps that exist although no manifest defines them: made by the cluster, by a
 * controller from another resource in the workspace, or by a workload that is told their name.
 */
import type { RenderedObject } from '../render/render';
import { at, str } from './values';
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

/**
 * True when a workload other than `self` passes `name` on its command line (a cert generator Job).
 * Reads only command lines: an edit elsewhere in a workload does not re-check every missing reference.
 */
function namedOnCommandLine(workspace: Pick<ObjectLookup, 'commandLinesNaming'>, self: RenderedObject, namespace: string, name: string): boolean {
  return workspace.commandLinesNaming(namespace, name).some((line) => line.kind !== self.identity.kind || line.name !== self.identity.name);
}

/** Whether the `kind` named `name` in `namespace` is created by something other than a manifest of it. */
export function createdElsewhere(
  workspace: Pick<ObjectLookup, 'objectsOfKind' | 'commandLinesNaming'>,
  self: RenderedObject,
  kind: RefKind,
  namespace: string,
  name: string,
): boolean {
  if (kind === 'ConfigMap' && CLUSTER_CONFIGMAPS.has(name)) return true;
  if (kind === 'Secret') {
    for (const producer of SECRET_PRODUCERS) {
      if (workspace.objectsOfKind(producer.kind, namespace).some((o) => producer.names(o).includes(name))) return true;
    }
  }
  return namedOnCommandLine(workspace, self, namespace, name);
}
