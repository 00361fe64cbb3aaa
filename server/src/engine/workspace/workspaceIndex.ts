/**
 * The index of every manifest in the workspace: files by URI, resources by identity and kind, and
 * rendered objects (base + patches) per folder. Unsaved editor text replaces the file on disk.
 */
import { parseManifestFile, withItems, type ManifestFile } from '../document/manifestFile';
import type { ManifestDocument } from '../document/manifestDocument';
import { groupDocuments } from '../render/group';
import { render, type RenderedObject } from '../render/render';
import { FILES_KEY, folderKey, identityKey, KeyVersions, keysOfResource, kindKey, LAYOUT_KEY, PROMETHEUS_KEY, type VersionSnapshot } from './dependencyKeys';
import { collectProjectionKeys, collectProjectionKeySteps, commandLinesKey, labelsKey } from './projectionKeys';
import { buildCommandLineIndex, linesNaming, type CommandLineIndex } from './commandLineIndex';
import type { LabelsOf, WorkloadCommandLine } from '../k8s/lookup';
import { WORKLOAD_KINDS } from '../k8s/podSpec';
import { kustomizationPatches } from './kustomization';
import { DerivedCache, namesOf, type KindList } from './kindList';
import { DocumentRegistry } from './documentRegistry';
import { buildLabelPostings, selectByLabels, type LabelPostings } from './labelPostings';

/** Documents worked through between two yields of `setParsedSteps` (a few milliseconds). */
const INDEX_STEP_DOCUMENTS = 256;

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
  private readonly documents = new DocumentRegistry();
  /** Folder → URIs its kustomization lists as patches. */
  private readonly listedPatches = new Map<string, Set<string>>();
  /**
   * Folder|identity → its rendered objects, current while the identity and folder keys are unchanged
   * and their documents are the indexed ones; `checkedAt`: the `fileGeneration` it was last found current.
   */
  private readonly renderCache = new Map<string, { snapshot: VersionSnapshot; rendered: RenderedObject[]; checkedAt: number }>();
  private readonly kindLists = new Map<string, KindList>();
  private readonly commandLineIndexes = new DerivedCache<CommandLineIndex>(this.versions);
  private readonly names = new DerivedCache<readonly string[]>(this.versions);
  /** Labels key → label postings per label projection (see objectsOfKindByLabels). */
  private readonly labelPostings = new Map<string, Map<LabelsOf, LabelPostings>>();
  /** Folder URI → number of indexed files below it (hasPath answers without a scan). */
  private readonly folderFiles = new Map<string, number>();
  /** Bumped whenever a file is set or removed: cached kind lists and renderings re-check their files only after that. */
  private fileGeneration = 0;

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
    return this.setParsed(parseManifestFile(uri, text, version, previous));
  }

  /**
   * Indexes a file parsed elsewhere (in slices, by `parseManifestFileSteps`). Keys are bumped for
   * the documents whose chunks differ from the indexed version's, whichever version it was parsed against.
   */
  setParsed(file: ManifestFile): FileUpdate {
    const steps = this.setParsedSteps(file);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `setParsed` in steps, for the server to run in slices. Working out what changed is the costly
   * part for a cold 5,000-document file (the keys and label signatures of every document): it yields
   * every INDEX_STEP_DOCUMENTS documents. The index itself changes in the last step, at once, so a
   * request answered between two steps sees the previous version of the file, never half of each.
   */
  *setParsedSteps(file: ManifestFile): Generator<void, FileUpdate, void> {
    const uri = file.uri;
    const previous = this.fileMap.get(uri);
    const changedKeys = new Set<string>();
    // List items are resources of the file like its documents (a List's items follow its chunk).
    const nowDocs = [...withItems(file.documents)];
    const thenDocs = previous ? [...withItems(previous.documents)] : [];
    const kept = new Set(nowDocs.map((d) => d.chunk));
    const before = new Set(thenDocs.map((d) => d.chunk));
    const removed = thenDocs.filter((d) => !kept.has(d.chunk));
    const added = nowDocs.filter((d) => !before.has(d.chunk));
    yield;
    let done = 0;
    for (const doc of [...removed, ...added]) {
      this.collectKeys(doc, changedKeys);
      if (++done % INDEX_STEP_DOCUMENTS === 0) yield;
    }
    yield* collectProjectionKeySteps(removed, added, changedKeys, INDEX_STEP_DOCUMENTS, this.siblingsOf);
    // Changed meanwhile (removed, or set by a caller that does not step): the keys above compare with
    // a version that is gone; compare with the current one, at once.
    if (this.fileMap.get(uri) !== previous) return this.setParsed(file);
    if (!previous) {
      changedKeys.add(FILES_KEY);
      this.countFolders(uri, 1);
    }
    // Documents kept as they were, or only moved, keep their places (DocumentRegistry.replaceFile).
    this.replaceKustomizations(thenDocs, nowDocs);
    this.fileMap.set(uri, file);
    this.fileGeneration++;
    this.documents.replaceFile(uri, nowDocs);
    this.versions.bump(changedKeys);
    return { file, changedKeys, unchanged: false };
  }

  removeFile(uri: string): Set<string> {
    const previous = this.fileMap.get(uri);
    const changedKeys = new Set<string>();
    if (!previous) return changedKeys;
    const docs = [...withItems(previous.documents)];
    this.replaceKustomizations(docs, []);
    this.documents.removeFile(uri);
    for (const doc of docs) this.collectKeys(doc, changedKeys);
    collectProjectionKeys(docs, [], changedKeys, this.siblingsOf);
    changedKeys.add(FILES_KEY);
    this.countFolders(uri, -1);
    this.fileMap.delete(uri);
    this.fileGeneration++;
    this.versions.bump(changedKeys);
    return changedKeys;
  }

  /** Every document of a kind (base and patches alike), optionally in one namespace. */
  documentsOfKind(kind: string, namespace?: string): ManifestDocument[] {
    return this.documents.ofKind(kindKey(kind, namespace));
  }

  /**
   * The rendered objects of a kind: one per base (or per patch group without a base). Cached until
   * a document of the kind, the folder layout or one of the files involved changes: a Service
   * check that scans every Deployment does not re-render them each time.
   */
  objectsOfKind(kind: string, namespace?: string): RenderedObject[] {
    return [...this.kindList(kind, namespace).objects];
  }

  /** The same array while the kind's names are (callers may memoize on it, see refCheck's suggestions). */
  namesOfKind(kind: string, namespace: string): readonly string[] {
    const key = kindKey(kind, namespace);
    return this.names.get(key, [key, LAYOUT_KEY], (previous) => namesOf(this.contentList(kind, namespace), previous));
  }

  /**
   * The command lines of the namespace's workloads that mention `name` (see createdElsewhere), from
   * an index rebuilt when a workload's command line changes (its projection key) or the layout does,
   * not on every edit of a workload.
   */
  commandLinesNaming(namespace: string, name: string): readonly WorkloadCommandLine[] {
    const build = (): CommandLineIndex => buildCommandLineIndex(WORKLOAD_KINDS.map((kind) => this.contentList(kind, namespace)));
    return linesNaming(this.commandLineIndexes.get(namespace, [commandLinesKey(namespace), LAYOUT_KEY], build), name);
  }

  /**
   * The kind's list while no document of the kind and not the layout changed, even if an edit moved
   * its documents within their files: for what does not depend on positions (names, command lines),
   * so an edit elsewhere in a 5,000-document file does not render every object of the kind again.
   * A list whose files were replaced is read once and dropped: its objects hold the old file versions.
   */
  private contentList(kind: string, namespace: string): KindList {
    const key = kindKey(kind, namespace);
    const cached = this.kindLists.get(key);
    if (!cached || cached.kindVersion !== this.versions.get(key) || cached.layout !== this.versions.get(LAYOUT_KEY)) return this.kindList(kind, namespace);
    if (cached.checkedAt !== this.fileGeneration && [...cached.files].some(([uri, file]) => this.fileMap.get(uri) !== file)) this.kindLists.delete(key);
    return cached;
  }

  /**
   * The cached list behind objectsOfKind. A Service check asks for every workload kind, and there
   * is one Service per file in large workspaces: checking that the list's files are still the
   * indexed ones once per index change (not once per call) keeps that linear, not quadratic.
   */
  private kindList(kind: string, namespace?: string): KindList {
    const key = kindKey(kind, namespace);
    const cached = this.kindLists.get(key);
    if (cached && cached.kindVersion === this.versions.get(key) && cached.layout === this.versions.get(LAYOUT_KEY)) {
      if (cached.checkedAt === this.fileGeneration) return cached;
      if ([...cached.files].every(([uri, file]) => this.fileMap.get(uri) === file)) {
        cached.checkedAt = this.fileGeneration;
        return cached;
      }
    }
    const objects = this.renderKind(kind, namespace);
    const files = new Map<string, ManifestFile | undefined>();
    for (const object of objects) for (const doc of object.sources) files.set(doc.uri, this.fileMap.get(doc.uri));
    const list: KindList = {
      kindVersion: this.versions.get(key),
      layout: this.versions.get(LAYOUT_KEY),
      files,
      objects,
      checkedAt: this.fileGeneration,
    };
    this.kindLists.set(key, list);
    return list;
  }

  /**
   * The objects of a kind whose `labelsOf` labels hold every `selector` label (values compared as
   * strings; an empty selector selects nothing). `labelsOf` must read only pod template labels
   * (`metadata.labels` for a Pod). Answered from label postings rebuilt only when the kind's labels
   * key changes (labelPostings.ts), so an edit of an object's other fields costs no rebuild.
   */
  objectsOfKindByLabels(kind: string, namespace: string | undefined, selector: Record<string, unknown>, labelsOf: LabelsOf): RenderedObject[] {
    if (Object.keys(selector).length === 0) return [];
    const key = labelsKey(kind, namespace);
    let byLabelsOf = this.labelPostings.get(key);
    if (!byLabelsOf) this.labelPostings.set(key, (byLabelsOf = new Map()));
    let postings = byLabelsOf.get(labelsOf);
    if (!postings || !this.versions.isCurrent(postings.snapshot)) {
      const snapshot = this.versions.snapshot([key]);
      postings = buildLabelPostings(this.documents.ofKind(kindKey(kind, namespace)), (doc) => this.folderIdentityKey(doc), labelsOf, snapshot);
      byLabelsOf.set(labelsOf, postings);
    }
    return selectByLabels(postings, selector, labelsOf, (doc) => this.groupsOf(doc));
  }

  private renderKind(kind: string, namespace?: string): RenderedObject[] {
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
    const docs = this.documents.ofIdentity(identityKey({ kind, namespace, name }));
    if (docs.length === 0) return undefined;
    // Same-named objects standing alone in one folder (examples, test cases): the one in the same file.
    for (const d of docs) if (d.uri === nearUri) return this.renderedOf(d);
    const near = nearUri === undefined ? undefined : folderOf(nearUri);
    let chosen: ManifestDocument | undefined;
    for (const d of docs) {
      chosen ??= d;
      if (folderOf(d.uri) === near) {
        chosen = d;
        break;
      }
    }
    return this.groupsOf(chosen!)[0];
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
    return rendered === primary ? this.folderIdentityKey(doc) : `${this.folderIdentityKey(doc)}|${base.ref}`;
  }

  /** Every rendered object with the document's identity in its folder (usually one). */
  private groupsOf(doc: ManifestDocument): RenderedObject[] {
    const id = doc.identity;
    if (!id) throw new Error(`renderedOf: ${doc.uri}#${doc.index} is not a Kubernetes document`);
    const key = this.folderIdentityKey(doc);
    const cached = this.renderCache.get(key);
    // A check asks this about one document several times (patch? group key? rendered object?): while no
    // file changed, the last answer stands without looking at its documents again.
    if (cached && (cached.checkedAt === this.fileGeneration || this.isCurrentRendering(cached))) {
      cached.checkedAt = this.fileGeneration;
      return cached.rendered;
    }
    const folder = folderOf(doc.uri);
    const registered = this.documents.ofIdentity(identityKey(id));
    const members = (registered.length > 0 ? registered : [doc]).filter((d) => folderOf(d.uri) === folder);
    const groups = groupDocuments(members, this.listedPatches.get(folder) ?? new Set(), this.isComplete);
    const rendered = groups.map((g) => render(g.base, g.patches));
    this.renderCache.set(key, { snapshot: this.versions.snapshot([identityKey(id), folderKey(folder)]), rendered, checkedAt: this.fileGeneration });
    return rendered;
  }

  private isCurrentRendering(entry: { snapshot: VersionSnapshot; rendered: readonly RenderedObject[] }): boolean {
    return this.versions.isCurrent(entry.snapshot) && entry.rendered.every((r) => r.sources.every((s) => this.isLive(s)));
  }

  /**
   * Drops cached renderings, kind lists and label postings whose facts changed since (they would be
   * rebuilt on their next use anyway): called with the linter's prune (bounded memory).
   */
  prune(): void {
    for (const [key, entry] of this.renderCache) if (!this.isCurrentRendering(entry)) this.renderCache.delete(key);
    for (const [key, list] of this.kindLists) {
      if (list.kindVersion !== this.versions.get(key) || list.layout !== this.versions.get(LAYOUT_KEY)) this.kindLists.delete(key);
    }
    for (const [key, byLabelsOf] of this.labelPostings) {
      for (const [labelsOf, postings] of byLabelsOf) if (!this.versions.isCurrent(postings.snapshot)) byLabelsOf.delete(labelsOf);
      if (byLabelsOf.size === 0) this.labelPostings.delete(key);
    }
    this.commandLineIndexes.prune();
    this.names.prune();
  }

  /** True when the document is a patch over a base (or listed as a patch by a kustomization). */
  isPatch(doc: ManifestDocument): boolean {
    if (!doc.identity) return false;
    if (this.listedPatches.get(folderOf(doc.uri))?.has(doc.uri)) return true;
    return this.renderedOf(doc).base !== doc;
  }

  /** Whether a file or folder is in the index (a folder: some file below it). */
  hasPath(uri: string): boolean {
    return this.fileMap.has(uri) || this.folderFiles.has(uri);
  }

  private countFolders(uri: string, delta: 1 | -1): void {
    for (let slash = uri.lastIndexOf('/'); slash > 0; slash = uri.lastIndexOf('/', slash - 1)) {
      const folder = uri.slice(0, slash);
      if (folder.endsWith('/')) break;
      const count = (this.folderFiles.get(folder) ?? 0) + delta;
      if (count > 0) this.folderFiles.set(folder, count);
      else this.folderFiles.delete(folder);
    }
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
    const top = doc.parent ?? doc;
    return this.fileMap.get(doc.uri)?.documents[top.index] === top && (!doc.parent || top.items.includes(doc));
  }

  private folderIdentityKey(doc: ManifestDocument): string {
    return `${folderOf(doc.uri)}|${identityKey(doc.identity!)}`;
  }

  private readonly siblingsOf = (doc: ManifestDocument): readonly ManifestDocument[] =>
    doc.identity ? this.documents.ofIdentity(identityKey(doc.identity)) : [];

  private collectKeys(doc: ManifestDocument, into: Set<string>): void {
    const c = doc.class;
    if (c.type === 'kubernetes') for (const key of keysOfResource(c)) into.add(key);
    else if (c.type === 'prometheus-config') into.add(PROMETHEUS_KEY);
    else if (c.type === 'kustomization') {
      into.add(folderKey(folderOf(doc.uri)));
      into.add(LAYOUT_KEY);
    }
  }

  /** The folder layouts of the kustomization documents among `thenDocs` are replaced by those of `nowDocs`. */
  private replaceKustomizations(thenDocs: readonly ManifestDocument[], nowDocs: readonly ManifestDocument[]): void {
    const before = thenDocs.filter((d) => d.class.type === 'kustomization');
    const after = nowDocs.filter((d) => d.class.type === 'kustomization');
    for (const doc of before) if (!after.includes(doc)) this.listedPatches.delete(folderOf(doc.uri));
    for (const doc of after) if (!before.includes(doc)) this.registerKustomization(doc);
  }

  private registerKustomization(doc: ManifestDocument): void {
    const folder = folderOf(doc.uri);
    const patches = kustomizationPatches(doc.plain().value, folder);
    if (patches.size > 0) this.listedPatches.set(folder, patches);
  }
}
