/**
 * The language server's state: the engine, open documents, settings and the validation queue.
 * Decides what to re-check after a change and publishes diagnostics for current versions only.
 */
import { type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { samePublication, type PublishedDiagnostics } from './publication';
import { EditorBaseline } from './editorBaseline';
import { createEngine, type Engine } from '../setup';
import { isOtherJson } from '../engine/monitoring/dashboards';
import { NOT_A_DASHBOARD, readWorkspaceText, type ReadResult } from '../engine/workspace/readFile';
import { LOAD_LIMITS } from '../engine/workspace/load';
import { uriToPath } from '../engine/workspace/uriPath';
import { lintSettingsOf } from './settings';
import { SettingsCache } from './settingsCache';
import { ValidationQueue } from './validationQueue';
import { toBoundedDiagnostics } from './diagnostics';
import { ALWAYS_CHECKED_CHARS, checkedPart, partlyCheckedDiagnostic } from './largeFiles';
import { SlicedParser } from './slicedParser';
import { runSliced } from './slices';
import { withItems } from '../engine/document/manifestFile';
import { isConfigUri, ServerConfigs } from './projectConfigs';
import { ParsedChunk } from '../engine/document/parsedChunk';
import { WorkspaceLoader } from './workspaceLoader';

/** Debounce for edits (a burst of keystrokes is checked once); opens are validated at once. */
export const EDIT_DEBOUNCE_MS = 30;

/** Index updates between two prunings of outdated cached rule results. */
const PRUNE_EVERY = 50;

export class Session {
  readonly engine: Engine;
  readonly settings: SettingsCache;
  readonly queue: ValidationQueue;
  /** Parses new texts (in slices when large) and indexes them. */
  readonly parser: SlicedParser;
  /** URIs of documents open in the editor (their text wins over the disk). */
  readonly open = new Set<string>();
  /** What was last published per URI (a re-check caused by another file publishes only a change). */
  private readonly published = new Map<string, PublishedDiagnostics>();
  private readonly loader: WorkspaceLoader;
  /** Set on `shutdown`: nothing is published after it. */
  private disposed = false;
  private updatesSincePrune = 0;
  /** The last reason a watched file was not read, by URI (see fileChangedOnDisk). */
  private readonly skipReported = new Map<string, string>();
  /** The `.biome-manifests.yaml` files and what they say. */
  readonly configs: ServerConfigs;
  /** Called after a config file changed and the workspace was re-checked (the status item shows which is in effect). */
  onConfigsChanged: () => void = () => undefined;
  private configTimer: ReturnType<typeof setTimeout> | undefined;
  /** The editor's latest text per open file (a large one waits for its settings; see updateOpen). */
  private readonly latestOpenText = new Map<string, string>();
  /** Open files checked only in part (over maxFileSizeMb), with the diagnostic saying so, for that version. */
  private readonly partlyChecked = new Map<string, { version: number; diagnostic: Diagnostic }>();
  /** Marks or hides the findings of `biomeManifests.baseline.file`. */
  private readonly baseline: EditorBaseline;

  constructor(
    private readonly connection: Connection,
    configurationSupported: () => boolean,
  ) {
    this.engine = createEngine({
      onRuleError: (id, error) => connection.console.error(`rule ${id} failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.settings = new SettingsCache(connection, configurationSupported);
    // After shutdown the connection is gone: a check it cut short is not worth a log line.
    const checkFailed = (uri: string, e: unknown): void => void (this.disposed || connection.console.error(`checking ${uri} failed: ${String(e)}`));
    this.queue = new ValidationQueue((uri) => this.validate(uri), checkFailed);
    this.parser = new SlicedParser(this.engine.index);
    this.baseline = new EditorBaseline((message) => connection.console.warn(message));
    this.configs = new ServerConfigs(this.engine.index, (message) => {
      connection.console.warn(message);
      void connection.window.showWarningMessage(`Biome Manifests: ${message}`);
    });
    this.loader = new WorkspaceLoader({
      connection,
      engine: this.engine,
      settings: this.settings,
      configs: this.configs,
      parser: this.parser,
      open: this.open,
      disposed: () => this.disposed,
      readable: (uri) => this.skipReported.delete(uri),
      reportSkipped: (uri, reason) => this.reportSkipped(uri, reason),
      removeWithDiagnostics: (uri) => this.removeWithDiagnostics(uri),
    });
    ParsedChunk.onFastParserFallback = (error) =>
      connection.console.debug(
        `fast YAML parser failed (${ParsedChunk.fastParserFallbacks} so far), parsed with yaml: ${error instanceof Error ? error.message : String(error)}`,
      );
  }

  /** Stops all scheduled work; called on the LSP `shutdown` request. */
  dispose(): void {
    this.disposed = true;
    if (this.configTimer) clearTimeout(this.configTimer);
    this.queue.dispose();
  }

  setWorkspaceFolders(uris: string[]): void {
    this.loader.setWorkspaceFolders(uris);
  }

  /** Reads every YAML file under the workspace folders into the index (open documents win). */
  loadWorkspace(report: (message: string, percent: number) => void): Promise<number> {
    return this.loader.load(report);
  }

  /**
   * A config file changed (typed in, saved, created or deleted): after a short pause, every file is
   * checked again under it, and the workspace is scanned again when an `exclude` list changed.
   */
  private configChanged(): void {
    if (this.configTimer) clearTimeout(this.configTimer);
    this.configTimer = setTimeout(() => {
      this.configTimer = undefined;
      void this.reloadConfigs();
    }, EDIT_DEBOUNCE_MS);
  }

  private async reloadConfigs(): Promise<void> {
    if (this.disposed) return;
    this.configs.invalidate();
    if (await this.configs.refresh(this.loader.workspaceFolders)) await this.loadWorkspace(() => undefined);
    this.validateAll();
    this.onConfigsChanged();
  }

  /** After the workspace load: check every indexed file (open ones first). */
  validateAll(): void {
    for (const uri of this.open) this.queue.schedule(uri, 0);
    for (const file of this.engine.index.files()) if (!this.open.has(file.uri)) this.queue.schedule(file.uri, 0);
  }

  /** The indexed text of `uri` when it equals `text` (so both can share one string), else `text`. */
  indexedText(uri: string, text: string): string {
    const indexed = this.engine.index.getFile(uri)?.text;
    return indexed === text ? indexed : text;
  }

  didOpen(uri: string, text: string, version: number): void {
    if (isOtherJson(uri, text)) return; // the client syncs every .json file: only a dashboard is ours
    this.open.add(uri);
    this.updateOpen(uri, text, version, 0);
  }

  /** A .json file is followed as it becomes, or stops being, a dashboard while typed (the disk's text is read on close). */
  didChange(uri: string, text: string, version: number): void {
    if (!isOtherJson(uri, text)) this.open.add(uri);
    else if (this.open.delete(uri)) this.forgetOpen(uri);
    if (this.open.has(uri)) this.updateOpen(uri, text, version, EDIT_DEBOUNCE_MS);
  }

  private forgetOpen(uri: string): void {
    this.latestOpenText.delete(uri);
    this.partlyChecked.delete(uri);
    this.queue.cancel(uri);
    this.removeWithDiagnostics(uri);
  }

  /**
   * The editor's text of an open file: a large one is first cut to what its settings let the server check (lsp/largeFiles.ts;
   * a newer text arriving meanwhile drops it; `parser.settled()` waits for it). Small texts are indexed at once, as before.
   */
  private updateOpen(uri: string, text: string, version: number, delayMs: number): void {
    this.latestOpenText.set(uri, text);
    if (text.length <= ALWAYS_CHECKED_CHARS) {
      this.partlyChecked.delete(uri);
      this.update(uri, text, version, delayMs);
      return;
    }
    const cutAndIndexed = this.settings.get(uri).then((settings) => {
      if (this.latestOpenText.get(uri) !== text || !this.open.has(uri) || this.disposed) return;
      const part = checkedPart(text, settings.maxFileSizeMb);
      if (part.omitted) this.partlyChecked.set(uri, { version, diagnostic: partlyCheckedDiagnostic(part.omitted) });
      else this.partlyChecked.delete(uri);
      this.update(uri, part.text, version, delayMs);
    });
    this.parser.beforeParse(cutAndIndexed);
  }

  async didClose(uri: string): Promise<void> {
    this.open.delete(uri);
    this.latestOpenText.delete(uri);
    this.partlyChecked.delete(uri);
    const settings = await this.settings.get(uri);
    if (settings.diagnosticsScope === 'open' || !isFileUri(uri)) {
      this.queue.cancel(uri);
      this.clearDiagnostics(uri);
    }
    if (!isFileUri(uri)) {
      this.remove(uri);
      return;
    }
    // The editor's text may have been unsaved: go back to the disk's.
    const read = await this.readUri(uri, settings.maxFileSizeMb);
    if (this.open.has(uri) || this.disposed) return;
    if (read.ok) {
      this.update(uri, read.text, undefined, EDIT_DEBOUNCE_MS);
      return;
    }
    // Deleted (or never saved), or now too large to read: nothing of it stays, its diagnostics neither.
    this.queue.cancel(uri);
    this.removeWithDiagnostics(uri);
  }

  /** A watched file changed on disk (ignored while the file is open: the editor's text wins). */
  async fileChangedOnDisk(uri: string, deleted: boolean): Promise<void> {
    if (this.open.has(uri)) return;
    const read = deleted ? undefined : await this.readUri(uri, (await this.settings.get(uri)).maxFileSizeMb);
    if (this.open.has(uri)) return; // opened meanwhile: the editor's text wins
    // Deleted, or a .json file that is not (or no longer) a dashboard: nothing of it stays, and nothing is said.
    if (!read || (!read.ok && read.reason === NOT_A_DASHBOARD)) return this.removeWithDiagnostics(uri);
    if (read.ok) this.skipReported.delete(uri);
    if (read.ok && !this.open.has(uri)) this.update(uri, read.text, undefined, EDIT_DEBOUNCE_MS);
    else if (!read.ok) this.reportSkipped(uri, read.reason);
  }

  /** Said once per file and reason (a FIFO that fires events must not flood the log), at load and on a change alike. */
  private reportSkipped(uri: string, reason: string): void {
    if (this.skipReported.get(uri) === reason) return;
    this.skipReported.set(uri, reason);
    this.connection.console.warn(`${uri} not indexed: ${reason}`);
  }

  /** Reads the file of a URI; a URI without a local path is a reason, not an exception. */
  private async readUri(uri: string, maxFileSizeMb: number): Promise<ReadResult> {
    const file = uriToPath(uri);
    if (file === undefined) return { ok: false, reason: 'cannot read: not a local file URI' };
    return readWorkspaceText(file, maxFileSizeMb * 1048576);
  }

  /**
   * Indexes a new text (at once when the parse is small, else in slices; a newer text replaces a
   * parse in flight) and schedules the checks of the file and of the files that read what changed.
   */
  private update(uri: string, text: string, version: number | undefined, delayMs: number): void {
    void this.parser.parse(uri, text, version, ({ changedKeys }) => {
      this.queue.schedule(uri, delayMs);
      if (isConfigUri(uri)) this.configChanged();
      this.afterChange(changedKeys, delayMs);
      if (++this.updatesSincePrune >= PRUNE_EVERY) {
        this.updatesSincePrune = 0;
        this.engine.linter.prune();
      }
    });
  }

  private removeWithDiagnostics(uri: string): void {
    this.remove(uri);
    this.clearDiagnostics(uri);
  }

  private remove(uri: string): void {
    this.parser.cancel(uri);
    const changedKeys = this.engine.index.removeFile(uri);
    // The files that read what it defined are re-checked; nothing kept for it stays in the linter.
    this.afterChange(changedKeys, EDIT_DEBOUNCE_MS);
    this.engine.linter.forgetFile(uri);
    if (isConfigUri(uri)) this.configChanged();
  }

  /** Re-checks the other files whose results read a fact that changed. */
  private afterChange(changedKeys: Set<string>, delayMs: number): void {
    if (changedKeys.size === 0) return;
    for (const uri of this.engine.linter.dependentsOf(changedKeys)) {
      if (this.engine.index.getFile(uri)) this.queue.schedule(uri, delayMs);
    }
  }

  /**
   * Checks the indexed version of a file in slices (requests are answered in between) and publishes
   * its diagnostics, unless a newer version arrived meanwhile: then the run stops, and the newer
   * version's own run publishes.
   */
  private async validate(uri: string): Promise<void> {
    // While a newer text is parsed, its completion schedules the check; this version is outdated.
    if (this.disposed || this.parser.pending(uri)) return;
    const file = this.engine.index.getFile(uri);
    if (!file) return;
    // The editor's settings with the project config's (kubernetesVersion, CRD paths, associations) for this file.
    const settings = await this.configs.serverSettings(uri, await this.settings.get(uri));
    if (settings.diagnosticsScope === 'open' && !this.open.has(uri)) return;
    if (isConfigUri(uri)) return this.publishConfigDiagnostics(uri);
    const lintSettings = await this.configs.lintSettings(uri, lintSettingsOf(settings));
    const stale = (): boolean => this.disposed || this.engine.index.getFile(uri) !== file || this.parser.pending(uri);
    const findings = await runSliced(this.engine.linter.lintFileSteps(uri, lintSettings), stale);
    if (!findings || stale()) return;
    const folder = this.loader.workspaceFolders.find((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`));
    const shown = await this.baseline.apply(findings.value, this.engine.index, uri, folder, settings.baselineFile, settings.baselineFindings);
    if (stale()) return;
    // Placing findings parsed some documents again; a closed file does not need them afterwards.
    if (this.releasable(uri)) for (const doc of withItems(file.documents)) doc.chunk.release();
    const diagnostics = toBoundedDiagnostics(shown);
    const partly = this.partlyChecked.get(uri);
    if (partly && partly.version === file.version) diagnostics.unshift(partly.diagnostic);
    // Re-checks caused by other files publish only when something changed; a new version always does.
    if (samePublication(this.published.get(uri), file.version, diagnostics)) return;
    this.published.set(uri, { version: file.version, diagnostics });
    if (this.disposed) return;
    await this.connection.sendDiagnostics({ uri, version: file.version, diagnostics });
  }

  /** A closed file small enough to keep no ASTs (see LOAD_LIMITS.releaseUpToChars). */
  private releasable(uri: string): boolean {
    const file = this.engine.index.getFile(uri);
    return !!file && !this.open.has(uri) && file.text.length <= LOAD_LIMITS.releaseUpToChars;
  }

  /** A config file gets the diagnostics of its own schema, not a manifest's. */
  private async publishConfigDiagnostics(uri: string): Promise<void> {
    const version = this.engine.index.getFile(uri)?.version;
    const diagnostics = await this.configs.diagnosticsOf(uri);
    if (this.disposed || this.engine.index.getFile(uri)?.version !== version) return;
    this.published.set(uri, { version, diagnostics });
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private clearDiagnostics(uri: string): void {
    if (!this.published.has(uri)) return;
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}
