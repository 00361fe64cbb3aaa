/**
 * `biomeManifests/render`: what would be applied for a file, a folder or a service — every patch
 * merged over its base, in a stable order (the order `kustomize build` uses), each object headed by
 * a comment naming its source files. Secret `data` stays base64 unless the caller asks to reveal it.
 */
import { stringify } from 'yaml';
import type { ManifestDocument } from '../engine/document/manifestDocument';
import { withItems } from '../engine/document/manifestFile';
import type { RenderedObject } from '../engine/render/render';
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import { resourceId } from '../engine/graph/resourceGraph';
import { objectRefsOf } from '../engine/k8s/podRefs';
import { workloadsSelectedBy } from '../engine/k8s/selection';
import { record } from '../engine/k8s/values';
import { decodeBase64, looksBinary, utf8Text } from '../engine/secrets/base64';
import type { RenderedObjectInfo, RenderParams, RenderResult, RenderTarget } from '../protocol';

/** kustomize's legacy resource order: what must exist first comes first. */
const KIND_ORDER = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
  'DaemonSet',
  'Job',
  'HorizontalPodAutoscaler',
];

function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

export function compareObjects(a: RenderedObject, b: RenderedObject): number {
  const ka = [kindRank(a.identity.kind), a.identity.kind, a.identity.namespace, a.identity.name ?? '', a.sources[0]!.uri];
  const kb = [kindRank(b.identity.kind), b.identity.kind, b.identity.namespace, b.identity.name ?? '', b.sources[0]!.uri];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}

function kubernetesDocs(index: WorkspaceIndex, accept: (doc: ManifestDocument) => boolean): RenderedObject[] {
  const byId = new Map<string, RenderedObject>();
  for (const file of index.files()) {
    for (const doc of withItems(file.documents)) {
      // A List is shown as its items.
      if (!doc.identity || doc.items.length > 0 || !accept(doc)) continue;
      const object = index.renderedOf(doc);
      byId.set(resourceId(object), object);
    }
  }
  return [...byId.values()];
}

/** A service: everything named like it, the workloads it selects, and their Secrets/ConfigMaps. */
function serviceObjects(index: WorkspaceIndex, name: string, namespace: string | undefined): RenderedObject[] {
  const inScope = (o: RenderedObject): boolean => namespace === undefined || o.identity.namespace === namespace;
  const all = kubernetesDocs(index, () => true).filter(inScope);
  const chosen = new Map(all.filter((o) => o.identity.name === name).map((o) => [resourceId(o), o]));
  const service = [...chosen.values()].find((o) => o.identity.kind === 'Service');
  for (const o of service ? workloadsSelectedBy(index, service) : []) chosen.set(resourceId(o), o);
  for (const workload of [...chosen.values()]) {
    for (const ref of objectRefsOf(workload)) {
      const found = index.lookup(ref.kind, workload.identity.namespace, ref.name, workload.sources[0]!.uri);
      if (found) chosen.set(resourceId(found), found);
    }
  }
  return [...chosen.values()];
}

export function objectsFor(index: WorkspaceIndex, target: RenderTarget): RenderedObject[] {
  switch (target.kind) {
    case 'file':
      return kubernetesDocs(index, (doc) => doc.uri === target.uri);
    case 'folder': {
      const prefix = target.uri.endsWith('/') ? target.uri : `${target.uri}/`;
      return kubernetesDocs(index, (doc) => doc.uri.startsWith(prefix));
    }
    case 'service':
      return serviceObjects(index, target.name, target.namespace);
  }
}

function relative(uri: string, root: string | undefined): string {
  const prefix = root === undefined ? undefined : root.endsWith('/') ? root : `${root}/`;
  const rel = prefix && uri.startsWith(prefix) ? uri.slice(prefix.length) : uri;
  return decodeURIComponent(rel);
}

/** Secret `data` decoded into `stringData` (binary values stay in `data`). */
function revealed(value: Record<string, unknown>): Record<string, unknown> {
  const data = record(value.data);
  if (value.kind !== 'Secret' || !data) return value;
  const keep: Record<string, unknown> = {};
  const decoded: Record<string, unknown> = { ...record(value.stringData) };
  for (const [key, encoded] of Object.entries(data)) {
    const bytes = typeof encoded === 'string' ? decodeBase64(encoded) : undefined;
    const text = bytes && !looksBinary(bytes) ? utf8Text(bytes) : undefined;
    if (text === undefined) keep[key] = encoded;
    else decoded[key] = text;
  }
  const out: Record<string, unknown> = { ...value, stringData: decoded };
  if (Object.keys(keep).length > 0) out.data = keep;
  else delete out.data;
  return out;
}

function renderOne(object: RenderedObject, params: RenderParams): { text: string; info: RenderedObjectInfo } | undefined {
  const { kind, namespace, name } = object.identity;
  const full = params.mode === 'full';
  if (!full && !object.base) return undefined;
  const sources = full ? object.sources : [object.base!];
  const files = sources.map((doc, i) => `${relative(doc.uri, params.root)}${sources.length > 1 ? (i === 0 && object.base ? ' (base)' : ' (patch)') : ''}`);
  const raw = full ? object.value : (object.base!.plain().value as Record<string, unknown>);
  const value = params.revealSecrets ? revealed(raw) : raw;
  const header = [`# ${kind} ${name ?? '(unnamed)'} (namespace ${namespace})`, `# from: ${files.join(', ')}`];
  if (params.revealSecrets && kind === 'Secret') header.push('# data decoded for display only (stringData); the source keeps base64');
  const body = stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
  return { text: `${header.join('\n')}\n${body}`, info: { kind, namespace, name: name ?? '', sources: sources.map((d) => relative(d.uri, params.root)) } };
}

export function renderManifests(index: WorkspaceIndex, params: RenderParams): RenderResult {
  const objects = objectsFor(index, params.target).sort(compareObjects);
  const parts: string[] = [];
  const infos: RenderedObjectInfo[] = [];
  let patchCount = 0;
  for (const object of objects) {
    const one = renderOne(object, params);
    if (!one) continue;
    parts.push(one.text);
    infos.push(one.info);
    if (params.mode === 'full') patchCount += object.patches.filter((p) => p !== object.base).length;
  }
  return { text: parts.join('---\n'), objects: infos, patchCount };
}
