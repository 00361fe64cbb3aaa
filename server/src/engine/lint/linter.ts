/**
 * Runs syntax checks, schema validation and the rules over the documents of a file, reusing every
 * result whose inputs did not change: syntax and schema results per parsed chunk, rule results per
 * rendered object until a fact they read (recorded as dependency keys) changes.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { ParsedChunk } from '../document/parsedChunk';
import type { Finding } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { folderKey, identityKey, keysOfSnapshot, type VersionSnapshot } from '../workspace/dependencyKeys';
import { folderOf } from '../workspace/workspaceIndex';
import { withoutSelectorsKustomizeFills } from '../workspace/kustomizeAware';
import type { Rule } from './rule';
import type { SchemaChecker } from '../schema/schemaChecker';
import { DEFAULT_LINT_SETTINGS, type LintSettings } from './settings';
import { hasSyntaxErrors, syntaxFindings } from './syntaxFindings';
import { annotationSuppressions, directivesOf, directiveTarget } from './suppression';
import { annotationReasonFindings, SuppressionTracker, unusedAnnotationFindings } from './suppressionFindings';
import { runRulesOn, type RawFinding } from './runRules';
import { mergeRerun, NO_RULE_SNAPSHOTS, placeFindings, relocateGroup, withChunks, type GroupResult } from './groupResult';
import { shiftFinding } from './shift';
import { withItems, type ManifestFile } from '../document/manifestFile';
import { reuseFindings, type DocumentFindings } from './documentFindings';
import { ResultStore, settingsKey } from './resultStore';
import { NEWEST_KUBERNETES_VERSION } from '../schema/apiLifecycle';
import { isMonitoringFormat } from '../monitoring/formats';
import { associationsVersion } from '../monitoring/associations';

interface PlacedFindings {
  startLine: number;
  findings: RawFinding[];
}

export class Linter {
  private readonly syntaxCache = new WeakMap<ParsedChunk, PlacedFindings>();
  /** `snapshot`: versions of the keys the schema checker named for the document (a custom resource's CRDs). */
  private readonly schemaCache = new WeakMap<ParsedChunk, { partial: boolean; placed: PlacedFindings; snapshot: VersionSnapshot | undefined }>();
  /** Document results, group results and key users, with the one way they go stale (resultStore.ts). */
  private readonly store: ResultStore;

  constructor(
    private readonly index: WorkspaceIndex,
    readonly rules: readonly Rule[],
    private readonly schema: SchemaChecker | undefined,
    private readonly onRuleError: (ruleId: string, error: unknown) => void = () => undefined,
  ) {
    this.store = new ResultStore(index.versions);
  }

  /** All findings of a file, with settings applied (severity overrides, `off`, suppressions). */
  lintFile(uri: string, settings: LintSettings = DEFAULT_LINT_SETTINGS): Finding[] {
    const steps = this.lintFileSteps(uri, settings);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `lintFile` in steps: yields after each document, so the server can check a 5,000-document file
   * in slices between requests, and drop the run when a newer version of the file arrives.
   */
  *lintFileSteps(uri: string, settings: LintSettings = DEFAULT_LINT_SETTINGS): Generator<void, Finding[], void> {
    const file = this.index.getFile(uri);
    if (!file) return [];
    // Settings are a dependency like any fact: other settings bump the file's settings key, which every
    // result of the file read. A changed files.associations setting changes what documents are, not their text.
    this.store.useSettings(uri, `${JSON.stringify(settings)}|${associationsVersion()}`);
    const settingsSnapshot = this.index.versions.snapshot([settingsKey(uri)]);
    const reusable = this.store.documentsOf(uri);
    const byChunk = new Map<ParsedChunk, DocumentFindings>();
    const current = (u: string): ManifestFile | undefined => this.index.getFile(u);
    const out: Finding[] = [];
    const groupsDone = new Set<string>();
    let reused = 0;
    for (const doc of withItems(file.documents)) {
      if (doc.class.type === 'helm-template' || doc.class.type === 'empty') continue;
      const cached = reusable?.get(doc.chunk);
      let entry = cached && reuseFindings(cached, this.index.versions, current);
      if (entry) {
        byChunk.set(doc.chunk, entry);
        if (++reused % 256 === 0) yield;
      } else {
        const computed = this.lintDocument(doc, file, settings, groupsDone, settingsSnapshot);
        // A patch or a base with patches is grouped by facts of other documents of its file that
        // no key records (which of them are complete): it is checked again each time.
        if (computed.standsAlone) byChunk.set(doc.chunk, computed);
        entry = computed;
        yield;
      }
      // Appended one by one: a 150,000-key ConfigMap of numbers has 150,000 findings, too many to spread as arguments.
      for (const f of entry.findings) out.push(f);
    }
    this.store.setDocuments(uri, byChunk);
    return out;
  }

  /** One document's findings, with what they depend on (for `reuseFindings`). */
  private lintDocument(
    doc: ManifestDocument,
    file: ManifestFile,
    settings: LintSettings,
    groupsDone: Set<string>,
    settingsSnapshot: VersionSnapshot,
  ): DocumentFindings & { standsAlone: boolean } {
    const out: Finding[] = [];
    const files: ManifestFile[] = [file];
    // A List item's text is its List's: the List's syntax findings cover it.
    if (!doc.parent) for (const f of this.syntaxFindings(doc)) out.push(f);
    // A document the parser could not read is reported once, not with follow-on schema noise.
    if (hasSyntaxErrors(doc)) return { findings: out, snapshot: settingsSnapshot, files, standsAlone: true };
    const suppressions = new SuppressionTracker(file.uri, directivesOf(doc), (line) => directiveTarget(doc, line));
    for (const f of annotationReasonFindings(doc, file.uri, settings)) out.push(f);
    let schemaSnapshot: VersionSnapshot | undefined;
    // Each finding once: see checkedAsWhole.
    if (hasSchema(doc) && this.schema && checkedAsWhole(doc)) {
      schemaSnapshot = this.schemaSnapshot(doc);
      // Schema codes obey levels and suppressions like rules (an operator-specific field, a CRD-ish extension).
      const ignores = annotationSuppressions(doc.plain().value);
      for (const f of this.schemaFindings(doc)) {
        const level = settings.rules[f.code];
        if (level === 'off' || suppressions.suppresses(f, ignores)) continue;
        out.push(level ? { ...f, severity: level } : f);
      }
    }
    const result = this.groupResultFor(doc, groupsDone, settings.kubernetesVersion ?? NEWEST_KUBERNETES_VERSION, settings.ruleOptions);
    if (!result) {
      for (const f of suppressions.findings(settings)) out.push(f);
      return { findings: out, snapshot: [...settingsSnapshot, ...(schemaSnapshot ?? [])], files, standsAlone: true };
    }
    for (const finding of result.byChunk.get(doc.chunk) ?? []) {
      const level = settings.rules[finding.code];
      if (level === 'off' || (level === undefined && finding.defaultOff)) continue;
      if (suppressions.suppresses(finding, result.objectIgnores)) continue;
      out.push(toFinding(finding, level));
    }
    for (const f of suppressions.findings(settings)) out.push(f);
    const standsAlone = this.standsAlone(doc);
    if (standsAlone) for (const f of unusedAnnotationFindings(suppressions, doc, file.uri, settings)) out.push(f);
    // The group result's ranges are as of the current file versions (computed or relocated just now).
    for (const at of result.files.values()) {
      if (at.uri === file.uri) files[0] = at;
      else files.push(at);
    }
    const snapshot = [...settingsSnapshot, ...result.snapshot, ...(schemaSnapshot ?? [])];
    return { findings: out, snapshot, files, standsAlone };
  }

  /**
   * The versions of the facts outside the document that its schema findings read (a custom
   * resource's CRDs), with the file recorded as their user: a change of a CRD re-checks it.
   */
  private schemaSnapshot(doc: ManifestDocument): VersionSnapshot | undefined {
    const keys = this.schema?.dependencyKeys?.(doc) ?? [];
    if (keys.length === 0) return undefined;
    this.store.noteKeyUsers(keys, [doc.uri]);
    return this.index.versions.snapshot(keys);
  }

  /**
   * Runs the checks that walk each document's AST (syntax, schema) of `uri` and caches their
   * findings, then releases the ASTs (see ParsedChunk.release): a later check parses a document
   * again only to place a rule's finding, or when its patch status changed since.
   */
  precheckAndRelease(uri: string): void {
    const file = this.index.getFile(uri);
    if (!file) return;
    for (const doc of withItems(file.documents)) {
      const type = doc.class.type;
      if (type !== 'helm-template' && type !== 'empty') {
        if (!doc.parent) this.syntaxFindings(doc);
        if (hasSchema(doc) && this.schema && !hasSyntaxErrors(doc) && checkedAsWhole(doc)) this.schemaFindings(doc);
      }
      doc.chunk.release();
    }
  }

  /** True when the document is the only source of its rendered object (not a patch, no patches). */
  private standsAlone(doc: ManifestDocument): boolean {
    if (doc.class.type !== 'kubernetes') return true;
    const object = this.index.renderedOf(doc);
    return object.sources.length === 1 && object.sources[0] === doc && !this.index.isPatch(doc);
  }

  /** Files whose findings may change because the facts behind `changedKeys` changed. */
  dependentsOf(changedKeys: Iterable<string>): Set<string> {
    return this.store.dependentsOf(changedKeys);
  }

  /**
   * Drops what is kept for files no longer in the index, results whose facts changed since, and the
   * index's stale caches (bounded memory).
   */
  prune(): void {
    this.store.prune((uri) => this.index.getFile(uri) !== undefined);
    this.index.prune();
  }

  /** Forgets a file removed from the index: everything kept for it (ResultStore.forgetFile). */
  forgetFile(uri: string): void {
    this.store.forgetFile(uri);
  }

  /** What is kept for a file (for tests of forgetting). */
  keptFor(uri: string): { findings: boolean; groups: number; keys: number } {
    return this.store.keptFor(uri);
  }

  private syntaxFindings(doc: ManifestDocument): Finding[] {
    let placed = this.syntaxCache.get(doc.chunk);
    if (!placed) {
      placed = { startLine: doc.startLine, findings: syntaxFindings(doc) };
      this.syntaxCache.set(doc.chunk, placed);
    }
    return shiftAll(placed, doc.startLine);
  }

  private schemaFindings(doc: ManifestDocument): Finding[] {
    const schema = this.schema!;
    const partial = this.index.isPatch(doc);
    let cached = this.schemaCache.get(doc.chunk);
    if (!cached || cached.partial !== partial || (cached.snapshot && !this.index.versions.isCurrent(cached.snapshot))) {
      const keys = schema.dependencyKeys?.(doc) ?? [];
      const snapshot = keys.length > 0 ? this.index.versions.snapshot(keys) : undefined;
      const placed = { startLine: doc.startLine, findings: schema.validateDocument(doc, partial) };
      cached = { partial, placed, snapshot };
      this.schemaCache.set(doc.chunk, cached);
    }
    // The folder's kustomization may fill a required selector: the document's result depends on the folder key (computeGroup).
    return withoutSelectorsKustomizeFills(this.index, doc.uri, shiftAll(cached.placed, doc.startLine));
  }

  private groupResultFor(doc: ManifestDocument, done: Set<string>, version: string, options: LintSettings['ruleOptions']): GroupResult | undefined {
    const c = doc.class;
    let key: string;
    // Rules read the target release: results for another one are kept apart (the setting is per folder).
    if (c.type === 'kubernetes') key = `${version}|${this.index.groupKeyOf(doc)}`;
    else if (isMonitoringFormat(c.type) || c.type === 'kustomization' || c.type === 'grafana-dashboard') key = `config|${c.type}|${doc.uri}#${doc.index}`;
    else return undefined;
    // Rule options change what rules report: results under other options are other entries.
    const optionsKey = JSON.stringify(options);
    if (optionsKey !== '{}') key += `|options ${optionsKey}`;
    const cached = this.store.group(key);
    if (cached && done.has(key)) return cached;
    const fileOf = (uri: string): ManifestFile | undefined => this.index.getFile(uri);
    const relocated = cached && this.isFresh(cached, doc) ? relocateGroup(cached, fileOf) : undefined;
    if (relocated) {
      this.store.setGroup(key, relocated, this.sourceUris(doc));
      done.add(key);
      return relocated;
    }
    const result = (cached && this.rerunChangedRules(cached, doc, version, options)) ?? this.computeGroup(doc, version, options);
    this.store.setGroup(key, result, this.sourceUris(doc));
    done.add(key);
    return result;
  }

  private isFresh(result: GroupResult, doc: ManifestDocument): boolean {
    return this.index.versions.isCurrent(result.snapshot) && result.chunks.includes(doc.chunk);
  }

  private computeGroup(doc: ManifestDocument, version: string, options: LintSettings['ruleOptions']): GroupResult {
    const keys = new Set<string>();
    const keysByRule = new Map<string, Set<string>>();
    const c = doc.class;
    let findings: { doc: ManifestDocument; finding: RawFinding }[];
    let objectIgnores: string[] = [];
    let chunks: ParsedChunk[];
    const ownKeys: string[] = [];
    if (c.type === 'kubernetes') {
      ownKeys.push(identityKey(c), folderKey(folderOf(doc.uri)));
      for (const key of ownKeys) keys.add(key);
      const object = this.index.renderedOf(doc);
      chunks = object.sources.map((s) => s.chunk);
      objectIgnores = annotationSuppressions(object.value);
      findings = runRulesOn({ type: 'object', object }, this.index, this.rules, keys, this.schema, this.onRuleError, version, options, { keysByRule });
    } else {
      chunks = [doc.chunk];
      const target = { type: 'config' as const, doc, value: doc.plain().value };
      findings = runRulesOn(target, this.index, this.rules, keys, this.schema, this.onRuleError, version, options);
    }
    this.noteKeyUsers(keys, doc);
    const versions = this.index.versions;
    // Config documents run every rule again when anything they read changes (they are few).
    const ruleSnapshots =
      c.type === 'kubernetes' && keysByRule.size > 0 ? new Map([...keysByRule].map(([id, read]) => [id, versions.snapshot(read)])) : NO_RULE_SNAPSHOTS;
    const placed = placeFindings(withChunks(findings), (uri) => this.index.getFile(uri));
    return { snapshot: versions.snapshot(keys), ownSnapshot: versions.snapshot(ownKeys), ruleSnapshots, chunks, ...placed, objectIgnores };
  }

  /**
   * When the object is the same (same documents, own keys unchanged) and only what some rules read
   * changed (a workload's command line, a kind's names, pod labels elsewhere), runs those rules
   * alone and keeps the others' findings: after an edit that breaks one Deployment, the workloads
   * with a missing reference re-run one rule, not all of them.
   */
  private rerunChangedRules(cached: GroupResult, doc: ManifestDocument, version: string, options: LintSettings['ruleOptions']): GroupResult | undefined {
    const versions = this.index.versions;
    if (doc.class.type !== 'kubernetes' || cached.ruleSnapshots.size === 0 || !versions.isCurrent(cached.ownSnapshot)) return undefined;
    const object = this.index.renderedOf(doc);
    if (object.sources.length !== cached.chunks.length || object.sources.some((s, i) => s.chunk !== cached.chunks[i])) return undefined;
    const fileOf = (uri: string): ManifestFile | undefined => this.index.getFile(uri);
    const kept = relocateGroup(cached, fileOf);
    if (!kept) return undefined;
    const rerun = new Set<string>();
    for (const [id, snapshot] of cached.ruleSnapshots) if (!versions.isCurrent(snapshot)) rerun.add(id);
    if (rerun.size === 0) return undefined;
    const keysByRule = new Map<string, Set<string>>();
    const fresh = runRulesOn({ type: 'object', object }, this.index, this.rules, new Set(), this.schema, this.onRuleError, version, options, {
      only: rerun,
      keysByRule,
    });
    const ruleSnapshots = new Map(cached.ruleSnapshots);
    for (const id of rerun) ruleSnapshots.delete(id);
    for (const [id, read] of keysByRule) ruleSnapshots.set(id, versions.snapshot(read));
    const keys = new Set<string>();
    for (const snapshot of [cached.ownSnapshot, ...ruleSnapshots.values()]) for (const key of keysOfSnapshot(snapshot)) keys.add(key);
    this.noteKeyUsers(keys, doc);
    const placed = mergeRerun(kept, rerun, withChunks(fresh), this.ruleOrder(), fileOf);
    return { ...kept, snapshot: versions.snapshot(keys), ruleSnapshots, ...placed };
  }

  private ruleOrderCache: Map<string, number> | undefined;

  /** Rule id → its place in the rule list: the order a full run reports findings in. */
  private ruleOrder(): ReadonlyMap<string, number> {
    this.ruleOrderCache ??= new Map(this.rules.map((rule, i) => [rule.id, i]));
    return this.ruleOrderCache;
  }

  /** Lists the files of the checked object under every key its result read (see dependentsOf). */
  private noteKeyUsers(keys: Iterable<string>, doc: ManifestDocument): void {
    this.store.noteKeyUsers(keys, this.sourceUris(doc));
  }

  /** The files of the documents the object of `doc` is rendered from (just its own for a config document). */
  private sourceUris(doc: ManifestDocument): Set<string> {
    return new Set(doc.class.type === 'kubernetes' ? this.index.renderedOf(doc).sources.map((s) => s.uri) : [doc.uri]);
  }
}

/** Kubernetes objects and kustomization files have a schema (kustomize's for the latter). */
/**
 * A typed List (`ConfigMapList`) whose items are checked as resources is not validated as a whole
 * too. A `kind: List` always is: its schema is only its ListMeta and each item's own
 * `apiVersion`/`kind` (metadataOnly.ts), which repeats nothing of the items' checks.
 */
function checkedAsWhole(doc: ManifestDocument): boolean {
  return doc.items.length === 0 || (doc.class.type === 'kubernetes' && doc.class.kind === 'List');
}

function hasSchema(doc: ManifestDocument): boolean {
  return doc.class.type === 'kubernetes' || doc.class.type === 'kustomization';
}

function shiftAll<T extends Finding>(placed: { startLine: number; findings: T[] }, startLine: number): T[] {
  const delta = startLine - placed.startLine;
  return delta === 0 ? placed.findings : placed.findings.map((f) => shiftFinding(f, delta));
}

function toFinding(raw: RawFinding, level: LintSettings['rules'][string] | undefined): Finding {
  const { defaultOff: _off, explicitSeverity, ...finding } = raw;
  if (level && level !== 'off' && !explicitSeverity) finding.severity = level;
  return finding;
}
