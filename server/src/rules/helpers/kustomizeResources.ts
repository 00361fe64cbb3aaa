/**
 * The objects a kustomization builds from, as far as the workspace index tells: the Kubernetes
 * documents of its listed files, of the kustomizations of its listed folders (followed, bounded)
 * and its generated ConfigMaps and Secrets. Undefined when some input cannot be known here (a
 * remote resource, a folder or file outside the index, components, helm charts, plugins), so a
 * caller never judges from a partial list.
 */
import type { ManifestDocument } from '../../engine/document/manifestDocument';
import type { WorkspaceView } from '../../engine/lint/workspaceView';
import { isPlainObject } from '../../engine/render/annotated';
import { KUSTOMIZATION_NAMES, kustomizePaths, resolveKustomizePath } from '../../engine/workspace/kustomizePaths';

export interface BuiltObject {
  readonly apiVersion: string;
  readonly kind: string;
  /** Every name it may have when a patch target is matched (as written, and with prefixes/suffixes). */
  readonly names: readonly string[];
  readonly namespaces: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

const MAX_FOLDERS = 100;
const OPAQUE_FIELDS = ['components', 'helmCharts', 'helmChartInflationGenerator', 'generators', 'transformers'];

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) out[k] = String(v);
  return out;
}

/** Labels and annotations a kustomization adds: a target may select objects by them. */
function addedMetadata(value: Record<string, unknown>): { labels: Record<string, string>; annotations: Record<string, string> } {
  const labels = stringMap(value.commonLabels);
  for (const entry of Array.isArray(value.labels) ? value.labels : []) if (isPlainObject(entry)) Object.assign(labels, stringMap(entry.pairs));
  return { labels, annotations: stringMap(value.commonAnnotations) };
}

function objectOf(doc: ManifestDocument): BuiltObject | undefined {
  const c = doc.class;
  if (c.type !== 'kubernetes') return undefined;
  const metadata = isPlainObject(doc.plain().value) ? (doc.plain().value as Record<string, unknown>).metadata : undefined;
  const meta = isPlainObject(metadata) ? metadata : {};
  return {
    apiVersion: c.apiVersion,
    kind: c.kind,
    names: [c.name ?? ''],
    namespaces: [c.namespace],
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
  };
}

/** The object as the kustomization that lists it leaves it: prefixed, suffixed, moved, labelled. */
function transformed(object: BuiltObject, value: Record<string, unknown>): BuiltObject {
  const prefix = typeof value.namePrefix === 'string' ? value.namePrefix : '';
  const suffix = typeof value.nameSuffix === 'string' ? value.nameSuffix : '';
  const added = addedMetadata(value);
  return {
    ...object,
    names: [...new Set([...object.names, ...object.names.map((n) => `${prefix}${n}${suffix}`)])],
    namespaces: typeof value.namespace === 'string' ? [...new Set([...object.namespaces, value.namespace])] : object.namespaces,
    labels: { ...object.labels, ...added.labels },
    annotations: { ...object.annotations, ...added.annotations },
  };
}

function generated(value: Record<string, unknown>, namespace: string): BuiltObject[] {
  const out: BuiltObject[] = [];
  for (const [field, kind] of [
    ['configMapGenerator', 'ConfigMap'],
    ['secretGenerator', 'Secret'],
  ] as const) {
    for (const entry of Array.isArray(value[field]) ? value[field] : []) {
      if (isPlainObject(entry) && typeof entry.name === 'string') {
        out.push({
          apiVersion: 'v1',
          kind,
          names: [entry.name],
          namespaces: [typeof entry.namespace === 'string' ? entry.namespace : namespace],
          labels: {},
          annotations: {},
        });
      }
    }
  }
  return out;
}

/** The objects `value` (the kustomization in `folder`) builds from; undefined when not all are known. */
export function builtObjects(
  workspace: WorkspaceView,
  value: Record<string, unknown>,
  folder: string,
  seen = new Set<string>([folder]),
): BuiltObject[] | undefined {
  if (OPAQUE_FIELDS.some((f) => f in value)) return undefined;
  const out: BuiltObject[] = generated(value, 'default');
  for (const p of kustomizePaths(value)) {
    if (p.field !== 'resources' && p.field !== 'bases') continue;
    const uri = resolveKustomizePath(folder, p.text);
    if (!uri || seen.has(uri) || seen.size > MAX_FOLDERS) return undefined;
    const docs = workspace.documentsOf(uri);
    if (docs.length > 0) {
      for (const doc of docs) {
        const object = objectOf(doc);
        if (object) out.push(object);
      }
      continue;
    }
    const nested = KUSTOMIZATION_NAMES.map((name) => workspace.documentsOf(`${uri}/${name}`).find((d) => d.class.type === 'kustomization')).find((d) => d);
    const nestedValue = nested?.plain().value;
    if (!isPlainObject(nestedValue)) return undefined;
    seen.add(uri);
    const inner = builtObjects(workspace, nestedValue, uri, seen);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out.map((o) => transformed(o, value));
}
