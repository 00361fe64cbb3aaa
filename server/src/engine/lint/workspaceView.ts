/** The workspace as rules see it: look-ups that record what they read, for incremental re-checks. */
import type { ManifestDocument } from '../document/manifestDocument';
import { FILES_KEY, identityKey, kindKey, PROMETHEUS_KEY } from '../workspace/dependencyKeys';
import { labelsKey } from '../workspace/labelKeys';
import type { ObjectLookup } from '../k8s/lookup';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * The Kubernetes model's look-ups (`lookup` prefers the checked object's folder; `objectsOfKindByLabels`
 * is re-checked when labels of that kind change or a selected object changes, not on every edit of an
 * object of that kind), plus the Prometheus configurations.
 */
export interface WorkspaceView extends ObjectLookup {
  /** Prometheus configuration documents. */
  prometheusConfigs(): ManifestDocument[];
  /** URIs of every indexed file (re-checked when a file is added or removed). */
  fileUris(): string[];
}

export function recordingView(index: WorkspaceIndex, nearUri: string, keys: Set<string>): WorkspaceView {
  return {
    lookup(kind, namespace, name) {
      keys.add(identityKey({ kind, namespace, name }));
      return index.lookup(kind, namespace, name, nearUri);
    },
    objectsOfKind(kind, namespace) {
      keys.add(kindKey(kind, namespace));
      return index.objectsOfKind(kind, namespace);
    },
    objectsOfKindByLabels(kind, namespace, selector, labelsOf) {
      keys.add(labelsKey(kind, namespace));
      const found = index.objectsOfKindByLabels(kind, namespace, selector, labelsOf);
      for (const object of found) keys.add(identityKey(object.identity));
      return found;
    },
    prometheusConfigs() {
      keys.add(PROMETHEUS_KEY);
      return index.prometheusConfigs();
    },
    fileUris() {
      keys.add(FILES_KEY);
      return [...index.files()].map((f) => f.uri);
    },
  };
}
