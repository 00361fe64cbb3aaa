/**
 * The index of every manifest in the workspace: files by URI, resources by identity and kind, and
 * rendered objects (base + patches) per folder. Unsaved editor text replaces the file on disk.
 */
import { parseManifestFile, type ManifestFile } from '../document/manifestFile';
import type { ManifestDocument } from '../document/manifestDocument';
import { groupDocuments } from '../render/group';
import { render, type RenderedObject } from '../render/render';
import { folderKey, identityKey, KeyVersions, keysOfResource, kindKey, PROMETHEUS_KEY } from './dependencyKeys';
import { kustomizationPatches } from './kustomization';

export interface FileUpdate {
  file: ManifestFile;
  /** Dependency keys whose facts changed with this update. */
  changedKeys: Set<string>;
  /** True when the text and version were already indexed (nothing to do). */
  unchanged: boolean;
}

export function folderOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash >= 0 ? uri.slice(0, slash) : '';
}

export class WorkspaceIndex {
  readonly versions = new KeyVersions();
  private readonly fileMap = new Map<string, ManifestFile>();
  private readonly byIdentity = new Map<string, Set<ManifestDocument>>();
  private readonly byKind = new Map<string, Set<ManifestDocument>>();
  /** Folder → URIs its kustomization lists as patches. */
  private readonly listedPatches = new Map<string, Set<string>>();
  private readonly renderCache = new Map<string, { snapshot: Map<string, number>; rendered: RenderedObject[] }>();

  /**
   * @param isComplete whether a document is a whole object by itself (no required field missing);
   *   decides which documents of one name are patches. Without it, the largest is the base.
   */
  constructor(private readonly isComplete?: (doc: ManifestDocument) => boolean) {}

  getFile(uri: string): ManifestFile | undefined {
    return this.fileMap.get(uri);
  }

  files(): IterableIterator<ManifestFile> {
    return this.fileMap.values();
  }

  get fileCount(): number {
    return this.fileMap.size;
  }

  /** Parses (incrementally) and indexes a file's new text. */
  setFile(uri: string, text: string, version?: number): FileUpdate {
    const previous = this.fileMap.get(uri);
    if (previous && previous.text === text && previous.version === version) return { file: previous, changedKeys: new Set(), unchanged: true };
    const file = parseManifestFile(uri, text, version, previous);
    const changedKeys = new Set<string>();
    const kept = new Set(file.documents.map((d) => d.chunk));
    for (const doc of previous?.documents ?? []) {
      this.unregister(doc);
      if (!kept.has(doc.chunk)) this.collectKeys(doc, changedKeys);
    }
    for (const doc of file.changedDocuments) this.collectKeys(doc, changedKeys);
    this.fileMap.set(uri, file);
    for (const doc of file.documents) this.register(doc);
    this.versions.bump(changedKeys);
    return { file, changedKeys, unchanged: false };
  }

  removeFile(uri: string): Set<string> {
    const previous = this.fileMap.get(uri);
    const changedKeys = new Set<string>();
    if (!previous) return changedKeys;
    for (const doc of previous.documents) {
      this.unregister(doc);
      this.collectKeys(doc, changedKeys);
    }
    this.fileMap.delete(uri);
    this.versions.bump(changedKeys);
    return changedKeys;
  }

  /** Every document of a kind (base and patches alike), optionally in one namespace. */
  documentsOfKind(kind: string, namespace?: string): ManifestDocument[] {
    return [...(this.byKind.get(kindKey(kind, namespace)) ?? [])];
  }

  /** The rendered objects of a kind: one per base (or per patch group without a base). */
  objectsOfKind(kind: string, namespace?: string): RenderedObject[] {
    const seen = new Set<string>();
    const out: RenderedObject[] = [];
    for (const doc of this.documentsOfKind(kind, namespace)) {
      const key = this.folderIdentityKey(doc);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(...this.groupsOf(doc));
    }
    return out;
  }

  /** The rendered object named `kind/namespace/name`, preferring the one in `nearUri`'s folder. */
  lookup(kind: string, namespace: string, name: string, nearUri?: string): RenderedObject | undefined {
    const docs = this.byIdentity.get(identityKey({ kind, namespace, name }));
    if (!docs || docs.size === 0) return undefined;
    const near = nearUri === undefined ? undefined : folderOf(nearUri);
    const list = [...docs];
    const chosen = list.find((d) => folderOf(d.uri) === near) ?? list[0]!;
    return this.groupsOf(chosen)[0];
  }

  /** The rendered object a Kubernetes document belongs to (itself, or its base with all patches). */
  renderedOf(doc: ManifestDocument): RenderedObject {
    const groups = this.groupsOf(doc);
    return groups.find((g) => g.sources.includes(doc)) ?? groups[0]!;
  }

  /** A key for the rendered object a document belongs to, stable while the group does not change. */
  groupKeyOf(doc: ManifestDocument): string {
    const rendered = this.renderedOf(doc);
    const primary = this.groupsOf(doc)[0];
    const base = rendered.sources[0]!;
    return rendered === primary ? this.folderIdentityKey(doc) : `${this.folderIdentityKey(doc)}|${base.uri}#${base.index}`;
  }

  /** Every rendered object with the document's identity in its folder (usually one). */
  private groupsOf(doc: ManifestDocument): RenderedObject[] {
    const id = doc.identity;
    if (!id) throw new Error(`renderedOf: ${doc.uri}#${doc.index} is not a Kubernetes document`);
    const folder = folderOf(doc.uri);
    const key = this.folderIdentityKey(doc);
    const cached = this.renderCache.get(key);
    if (cached && this.versions.isCurrent(cached.snapshot) && cached.rendered.every((r) => r.sources.every((s) => this.isLive(s)))) {
      return cached.rendered;
    }
    const members = [...(this.byIdentity.get(identityKey(id)) ?? [doc])].filter((d) => folderOf(d.uri) === folder);
    const groups = groupDocuments(members, this.listedPatches.get(folder) ?? new Set(), this.isComplete);
    const rendered = groups.map((g) => render(g.base, g.patches));
    this.renderCache.set(key, { snapshot: this.versions.snapshot([identityKey(id), folderKey(folder)]), rendered });
    return rendered;
  }

  /** True when the document is a patch over a base (or listed as a patch by a kustomization). */
  isPatch(doc: ManifestDocument): boolean {
    if (!doc.identity) return false;
    if (this.listedPatches.get(folderOf(doc.uri))?.has(doc.uri)) return true;
    return this.renderedOf(doc).base !== doc;
  }

  /** Prometheus configuration documents anywhere in the workspace. */
  prometheusConfigs(): ManifestDocument[] {
    const out: ManifestDocument[] = [];
    for (const file of this.fileMap.values()) {
      for (const doc of file.documents) if (doc.class.type === 'prometheus-config') out.push(doc);
    }
    return out;
  }

  private isLive(doc: ManifestDocument): boolean {
    return this.fileMap.get(doc.uri)?.documents[doc.index] === doc;
  }

  private folderIdentityKey(doc: ManifestDocument): string {
    return `${folderOf(doc.uri)}|${identityKey(doc.identity!)}`;
  }

  private collectKeys(doc: ManifestDocument, into: Set<string>): void {
    const c = doc.class;
    if (c.type === 'kubernetes') for (const key of keysOfResource(c, folderOf(doc.uri))) into.add(key);
    else if (c.type === 'prometheus-config') into.add(PROMETHEUS_KEY);
    else if (c.type === 'kustomization') into.add(folderKey(folderOf(doc.uri)));
  }

  private register(doc: ManifestDocument): void {
    const c = doc.class;
    if (c.type === 'kustomization') this.registerKustomization(doc);
    if (c.type !== 'kubernetes') return;
    addTo(this.byIdentity, identityKey(c), doc);
    addTo(this.byKind, kindKey(c.kind, c.namespace), doc);
    addTo(this.byKind, kindKey(c.kind), doc);
  }

  private unregister(doc: ManifestDocument): void {
    const c = doc.class;
    if (c.type === 'kustomization') this.listedPatches.delete(folderOf(doc.uri));
    if (c.type !== 'kubernetes') return;
    this.byIdentity.get(identityKey(c))?.delete(doc);
    this.byKind.get(kindKey(c.kind, c.namespace))?.delete(doc);
    this.byKind.get(kindKey(c.kind))?.delete(doc);
  }

  private registerKustomization(doc: ManifestDocument): void {
    const folder = folderOf(doc.uri);
    const patches = kustomizationPatches(doc.plain().value, folder);
    if (patches.size > 0) this.listedPatches.set(folder, patches);
  }
}

function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
