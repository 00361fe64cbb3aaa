/** Decides what a YAML document is: a Kubernetes object, a Helm template, a Prometheus config, … */
import { type Document } from 'yaml';
import { isMap, isScalar } from './yamlGuards';

export type DocumentClass =
  | { type: 'empty' }
  | { type: 'helm-template' }
  | { type: 'kubernetes'; apiVersion: string; kind: string; name: string | undefined; namespace: string }
  | { type: 'kustomization' }
  | { type: 'prometheus-config' }
  | { type: 'alertmanager-config' }
  | { type: 'other' };

interface ChunkLike {
  readonly text: string;
  readonly yaml: Document.Parsed;
}

const HELM_MARKER = /\{\{-?\s*[^}]*\}\}|\{\{-?\s*$/m;
const KUSTOMIZATION_FILE = /(^|[\\/])[Kk]ustomization\.ya?ml$/;

function stringAt(map: unknown, key: string): string | undefined {
  if (!isMap(map)) return undefined;
  const node = map.get(key, true);
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** Line by line without splitting the whole text: a document's first line usually decides. */
function hasOnlyComments(text: string): boolean {
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (!(line === '' || line.startsWith('#') || line === '---' || line.startsWith('--- #') || line === '...')) return false;
    start = end + 1;
  }
  return true;
}

export function classify(chunk: ChunkLike, fileName: string): DocumentClass {
  if (HELM_MARKER.test(chunk.text)) return { type: 'helm-template' };
  const contents = chunk.yaml.contents;
  if (contents === null || hasOnlyComments(chunk.text)) return { type: 'empty' };
  if (KUSTOMIZATION_FILE.test(fileName)) return { type: 'kustomization' };
  if (!isMap(contents)) return { type: 'other' };
  const apiVersion = stringAt(contents, 'apiVersion');
  const kind = stringAt(contents, 'kind');
  // Not Flux's `kustomize.toolkit.fluxcd.io` Kustomization, a custom resource with other fields.
  if ((kind === 'Kustomization' || kind === 'Component') && (apiVersion === undefined || apiVersion.startsWith('kustomize.config.k8s.io/'))) {
    return { type: 'kustomization' };
  }
  if (apiVersion !== undefined && kind !== undefined) {
    const metadata = contents.get('metadata', true);
    return {
      type: 'kubernetes',
      apiVersion,
      kind,
      name: stringAt(metadata, 'name'),
      namespace: stringAt(metadata, 'namespace') ?? 'default',
    };
  }
  if (contents.has('scrape_configs') || (contents.has('global') && contents.has('rule_files'))) {
    return { type: 'prometheus-config' };
  }
  if (contents.has('route') && contents.has('receivers')) return { type: 'alertmanager-config' };
  return { type: 'other' };
}
