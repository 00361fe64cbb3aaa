/** The workspace as rules see it: look-ups that record what they read, for incremental re-checks. */
import type { ManifestDocument } from '../document/manifestDocument';
import type { RenderedObject } from '../render/render';
import { FILES_KEY, identityKey, kindKey, PROMETHEUS_KEY } from '../workspace/dependencyKeys';
import { labelsKey } from '../workspace/labelKeys';
import type { LabelsOf, WorkspaceIndex } from '../workspace/workspaceIndex';

export interface WorkspaceView {
  /** The object `kind/namespace/name`, preferring the one in the checked object's folder. */
  lookup(kind: string, namespace: string, name: string): RenderedObject | undefined;
  /** Every object of a kind, in one namespace or all. */
  objectsOfKind(kind: string, namespace?: string): RenderedObject[];
  /**
   * The objects of a kind whose pod template labels (`labelsOf`) hold every `selector` label: the
   * result is re-checked when labels of that kind change or a selected object changes, not on every
   * edit of an object of that kind.
   */
  objectsOfKindByLabels(kind: string, namespace: string, selector: Record<string, unknown>, labelsOf: LabelsOf): RenderedObject[];
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
