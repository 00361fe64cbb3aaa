/** The workspace as rules see it: look-ups that record what they read, for incremental re-checks. */
import type { ManifestDocument } from '../document/manifestDocument';
import { FILES_KEY, folderKey, identityKey, kindKey, PROMETHEUS_KEY } from '../workspace/dependencyKeys';
import { diskPathKind } from '../workspace/kustomizePaths';
import { commandLineNameKey, commandLinesKey, manyCommandLineNamesKey, manyPodLabelsKey, namesKey, podLabelKey } from '../workspace/projectionKeys';
import { isTokenName } from '../k8s/commandLineMentions';
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
  /** Whether a path is a file or a folder, in the index or on disk (re-checked when files are added or removed). */
  pathKind(uri: string): 'file' | 'folder' | undefined;
  /** The documents of an indexed file (re-checked when its objects or its folder's kustomization change). */
  documentsOf(uri: string): readonly ManifestDocument[];
}

export function recordingView(index: WorkspaceIndex, nearUri: string, keys: { add(key: string): unknown }): WorkspaceView {
  return {
    lookup(kind, namespace, name) {
      keys.add(identityKey({ kind, namespace, name }));
      return index.lookup(kind, namespace, name, nearUri);
    },
    objectsOfKind(kind, namespace) {
      keys.add(kindKey(kind, namespace));
      return index.objectsOfKind(kind, namespace);
    },
    namesOfKind(kind, namespace) {
      keys.add(namesKey(kind, namespace));
      return index.namesOfKind(kind, namespace);
    },
    commandLinesNaming(namespace, name) {
      if (isTokenName(name)) {
        keys.add(commandLineNameKey(namespace, name));
        keys.add(manyCommandLineNamesKey(namespace));
      } else keys.add(commandLinesKey(namespace));
      return index.commandLinesNaming(namespace, name);
    },
    objectsOfKindByLabels(kind, namespace, selector, labelsOf) {
      // Which objects hold every selector label changes only when one gains or loses one of them.
      for (const [name, value] of Object.entries(selector)) keys.add(podLabelKey(namespace, name, value));
      keys.add(manyPodLabelsKey(namespace));
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
    pathKind(uri) {
      keys.add(FILES_KEY);
      if (index.getFile(uri)) return 'file';
      return index.hasPath(uri) ? 'folder' : diskPathKind(uri);
    },
    documentsOf(uri) {
      keys.add(FILES_KEY);
      const documents = index.getFile(uri)?.documents ?? [];
      for (const doc of documents) {
        const c = doc.class;
        if (c.type === 'kubernetes') keys.add(kindKey(c.kind));
        else if (c.type === 'kustomization') keys.add(folderKey(uri.slice(0, uri.lastIndexOf('/'))));
      }
      return documents;
    },
  };
}
