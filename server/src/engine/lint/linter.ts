/**
 * Runs syntax checks, schema validation and the rules over the documents of a file, reusing every
 * result whose inputs did not change: syntax and schema results per parsed chunk, rule results per
 * rendered object until a fact they read (recorded as dependency keys) changes.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { ParsedChunk } from '../document/parsedChunk';
import type { Finding } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { folderKey, identityKey, type VersionSnapshot } from '../workspace/dependencyKeys';
import { folderOf } from '../workspace/workspaceIndex';
import type { Rule } from './rule';
import type { SchemaChecker } from '../schema/schemaChecker';
import { DEFAULT_LINT_SETTINGS, type LintSettings } from './settings';
import { hasSyntaxErrors, syntaxFindings } from './syntaxFindings';
import { annotationSuppressions, directivesOf, directiveTarget } from './suppression';
import { annotationReasonFindings, SuppressionTracker } from './suppressionFindings';
import { runRulesOn, type RawFinding } from './runRules';
import { mapFindingRanges, relocateRange, shiftFinding } from './shift';
import { withItems, type ManifestFile } from '../document/manifestFile';
import { reuseFindings, type DocumentFindings, type FileFindings } from './documentFindings';
import { NEWEST_KUBERNETES_VERSION } from '../schema/apiLifecycle';
import { isMonitoringFormat } from '../monitoring/formats';
import { associationsVersion } from '../monitoring/associations';

interface PlacedFindings {
  startLine: number;
  findings: RawFinding[];
}

interface GroupResult {
  snapshot: VersionSnapshot;
  chunks: ParsedChunk[];
  /** Findings by the chunk they are in, with ranges as of `files` (NO_FINDINGS when none). */
  byChunk: ReadonlyMap<ParsedChunk, RawFinding[]>;
  /** The file versions the ranges were computed against, by URI (NO_FILES when no findings). */
  files: ReadonlyMap<string, ManifestFile>;
  objectIgnores: string[];
}

// Shared by the results without findings (most of them): an empty Map still takes ≈ 180 bytes.
const NO_FINDINGS: ReadonlyMap<ParsedChunk, RawFinding[]> = new Map();
const NO_FILES: ReadonlyMap<string, ManifestFile> = new Map();

export class Linter {
  private readonly syntaxCache = new WeakMap<ParsedChunk, PlacedFindings>();
  private readonly schemaCache = new WeakMap<ParsedChunk, { partial: boolean; placed: PlacedFindings }>();
  private readonly groupCache = new Map<string, GroupResult>();
  /** Dependency key → files whose rule results read it (an over-approximation; never misses one). */
  private readonly keyUsers = new Map<string, Set<string>>();
  /** Per file, the findings of each document at its last check (see documentFindings.ts). */
  private readonly fileFindings = new Map<string, FileFindings>();

  constructor(
    private readonly index: WorkspaceIndex,
    readonly rules: readonly Rule[],
    private readonly schema: SchemaChecker | undefined,
    private readonly onRuleError: (ruleId: string, error: unknown) => void = () => undefined,
  ) {}

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
    // A changed files.associations setting changes what documents are, not their text: results are not reused.
    const settingsKey = `${JSON.stringify(settings)}|${associationsVersion()}`;
    const earlier = this.fileFindings.get(uri);
    const reusable = earlier?.settingsKey === settingsKey ? earlier.byChunk : undefined;
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
        const computed = this.lintDocument(doc, file, settings, groupsDone);
        // A patch or a base with patches is grouped by facts of other documents of its file that
        // no key records (which of them are complete): it is checked again each time.
        if (computed.standsAlone) byChunk.set(doc.chunk, computed);
        entry = computed;
        yield;
      }
      // Appended one by one: a 150,000-key ConfigMap of numbers has 150,000 findings, too many to spread as arguments.
      for (const f of entry.findings) out.push(f);
    }
    this.fileFindings.set(uri, { settingsKey, byChunk });
    return out;
  }

  /** One document's findings, with what they depend on (for `reuseFindings`). */
  private lintDocument(
    doc: ManifestDocument,
    file: ManifestFile,
    settings: LintSettings,
    groupsDone: Set<string>,
  ): DocumentFindings & { standsAlone: boolean } {
    const out: Finding[] = [];
    const files: ManifestFile[] = [file];
    // A List item's text is its List's: the List's syntax findings cover it.
    if (!doc.parent) for (const f of this.syntaxFindings(doc)) out.push(f);
    // A document the parser could not read is reported once, not with follow-on schema noise.
    if (hasSyntaxErrors(doc)) return { findings: out, snapshot: undefined, files, standsAlone: true };
    const suppressions = new SuppressionTracker(file.uri, directivesOf(doc), (line) => directiveTarget(doc, line));
    for (const f of annotationReasonFindings(doc, file.uri, settings)) out.push(f);
    // Each finding once: see checkedAsWhole.
    if (hasSchema(doc) && this.schema && checkedAsWhole(doc)) {
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
      return { findings: out, snapshot: undefined, files, standsAlone: true };
    }
    for (const finding of result.byChunk.get(doc.chunk) ?? []) {
      const level = settings.rules[finding.code];
      if (level === 'off' || (level === undefined && finding.defaultOff)) continue;
      if (suppressions.suppresses(finding, result.objectIgnores)) continue;
      out.push(toFinding(finding, level));
    }
    for (const f of suppressions.findings(settings)) out.push(f);
    // The group result's ranges are as of the current file versions (computed or relocated just now).
    for (const at of result.files.values()) {
      if (at.uri === file.uri) files[0] = at;
      else files.push(at);
    }
    return { findings: out, snapshot: result.snapshot, files, standsAlone: this.standsAlone(doc) };
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
    const out = new Set<string>();
    for (const key of changedKeys) for (const uri of this.keyUsers.get(key) ?? []) out.add(uri);
    return out;
  }

  /** Drops cached rule results of objects no longer in the index (bounded memory). */
  prune(): void {
    for (const uri of this.fileFindings.keys()) if (!this.index.getFile(uri)) this.fileFindings.delete(uri);
    for (const [key, result] of this.groupCache) {
      if (!this.index.versions.isCurrent(result.snapshot)) this.groupCache.delete(key);
    }
  }

  private syntaxFindings(doc: ManifestDocument): Finding[] {
    let placed = this.syntaxCache.get(doc.chunk);
    if (!placed) {
      // Parsed by the worker: its findings were computed there, as if the document started at line 0.
      const precomputed = doc.chunk.precomputed?.syntax;
      placed = precomputed ? { startLine: 0, findings: precomputed } : { startLine: doc.startLine, findings: syntaxFindings(doc) };
      this.syntaxCache.set(doc.chunk, placed);
    }
    return shiftAll(placed, doc.startLine);
  }

  private schemaFindings(doc: ManifestDocument): Finding[] {
    const schema = this.schema!;
    const partial = this.index.isPatch(doc);
    let cached = this.schemaCache.get(doc.chunk);
    if (!cached || cached.partial !== partial) {
      const precomputed = partial ? undefined : doc.chunk.precomputed?.schema;
      const placed = precomputed ? { startLine: 0, findings: precomputed } : { startLine: doc.startLine, findings: schema.validateDocument(doc, partial) };
      cached = { partial, placed };
      this.schemaCache.set(doc.chunk, cached);
    }
    const findings = shiftAll(cached.placed, doc.startLine);
    return schema.adjust ? schema.adjust(doc, findings) : findings;
  }

  private groupResultFor(doc: ManifestDocument, done: Set<string>, version: string, options: LintSettings['ruleOptions']): GroupResult | undefined {
    const c = doc.class;
    let key: string;
    // Rules read the target release: results for another one are kept apart (the setting is per folder).
    if (c.type === 'kubernetes') key = `${version}|${this.index.groupKeyOf(doc)}`;
    else if (isMonitoringFormat(c.type) || c.type === 'kustomization') key = `config|${c.type}|${doc.uri}#${doc.index}`;
    else return undefined;
    // Rule options change what rules report: results under other options are other entries.
    const optionsKey = JSON.stringify(options);
    if (optionsKey !== '{}') key += `|options ${optionsKey}`;
    const cached = this.groupCache.get(key);
    if (cached && done.has(key)) return cached;
    const relocated = cached && this.isFresh(cached, doc) ? this.relocate(cached) : undefined;
    if (relocated) {
      this.groupCache.set(key, relocated);
      done.add(key);
      return relocated;
    }
    const result = this.computeGroup(doc, version, options);
    this.groupCache.set(key, result);
    done.add(key);
    return result;
  }

  private isFresh(result: GroupResult, doc: ManifestDocument): boolean {
    return this.index.versions.isCurrent(result.snapshot) && result.chunks.includes(doc.chunk);
  }

  /** The cached result with its ranges moved to the current file versions, or undefined if stale. */
  private relocate(result: GroupResult): GroupResult | undefined {
    let moved = false;
    const files = new Map<string, ManifestFile>();
    for (const [uri, then] of result.files) {
      const now = this.index.getFile(uri);
      if (!now) return undefined;
      files.set(uri, now);
      if (now !== then) moved = true;
    }
    if (!moved) return result;
    const byChunk = new Map<ParsedChunk, RawFinding[]>();
    for (const [chunk, findings] of result.byChunk) {
      const mapped: RawFinding[] = [];
      for (const finding of findings) {
        const m = mapFindingRanges(finding, (uri, range) => relocateRange(result.files.get(uri)!, files.get(uri), range));
        if (!m) return undefined;
        mapped.push(m);
      }
      byChunk.set(chunk, mapped);
    }
    return { ...result, byChunk, files };
  }

  private computeGroup(doc: ManifestDocument, version: string, options: LintSettings['ruleOptions']): GroupResult {
    const keys = new Set<string>();
    const c = doc.class;
    let findings: { doc: ManifestDocument; finding: RawFinding }[];
    let objectIgnores: string[] = [];
    let chunks: ParsedChunk[];
    if (c.type === 'kubernetes') {
      keys.add(identityKey(c));
      keys.add(folderKey(folderOf(doc.uri)));
      const object = this.index.renderedOf(doc);
      chunks = object.sources.map((s) => s.chunk);
      objectIgnores = annotationSuppressions(object.value);
      findings = runRulesOn({ type: 'object', object }, this.index, this.rules, keys, this.schema, this.onRuleError, version, options);
    } else {
      chunks = [doc.chunk];
      const target = { type: 'config' as const, doc, value: doc.plain().value };
      findings = runRulesOn(target, this.index, this.rules, keys, this.schema, this.onRuleError, version, options);
    }
    const byChunk = new Map<ParsedChunk, RawFinding[]>();
    const files = new Map<string, ManifestFile>();
    const noteFile = (uri: string): void => {
      const file = this.index.getFile(uri);
      if (file) files.set(uri, file);
    };
    for (const { doc: at, finding } of findings) {
      const list = byChunk.get(at.chunk);
      if (list) list.push(finding);
      else byChunk.set(at.chunk, [finding]);
      noteFile(finding.uri);
      for (const r of finding.related ?? []) noteFile(r.uri);
      for (const fix of finding.data?.fixes ?? []) for (const f of fix.edits) noteFile(f.uri);
    }
    const sourceUris = new Set(chunks.length > 0 && c.type === 'kubernetes' ? this.index.renderedOf(doc).sources.map((s) => s.uri) : [doc.uri]);
    for (const key of keys) {
      const users = this.keyUsers.get(key) ?? new Set<string>();
      for (const uri of sourceUris) users.add(uri);
      this.keyUsers.set(key, users);
    }
    const found = byChunk.size > 0;
    return { snapshot: this.index.versions.snapshot(keys), chunks, byChunk: found ? byChunk : NO_FINDINGS, files: found ? files : NO_FILES, objectIgnores };
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
