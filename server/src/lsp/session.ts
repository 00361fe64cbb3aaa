/**
 * The language server's state: the engine, open documents, settings and the validation queue.
 * Decides what to re-check after a change and publishes diagnostics for current versions only.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { createEngine, type Engine } from '../setup';
import { findYamlFiles } from '../engine/workspace/scan';
import { readManifestText } from '../engine/workspace/readFile';
import { lintSettingsOf } from './settings';
import { SettingsCache } from './settingsCache';
import { ValidationQueue } from './validationQueue';
import { toDiagnostic } from './diagnostics';

/** Debounce for edits; opens are validated at once. */
export const EDIT_DEBOUNCE_MS = 30;

export class Session {
  readonly engine: Engine;
  readonly settings: SettingsCache;
  readonly queue: ValidationQueue;
  /** URIs of documents open in the editor (their text wins over the disk). */
  readonly open = new Set<string>();
  private readonly published = new Map<string, string>();
  private workspaceFolders: string[] = [];
  /** Set on `shutdown`: nothing is published after it. */
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    configurationSupported: () => boolean,
  ) {
    this.engine = createEngine({
      onRuleError: (id, error) => connection.console.error(`rule ${id} failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.settings = new SettingsCache(connection, configurationSupported);
    this.queue = new ValidationQueue((uri) => this.validate(uri));
  }

  /** Stops all scheduled work; called on the LSP `shutdown` request. */
  dispose(): void {
    this.disposed = true;
    this.queue.dispose();
  }

  setWorkspaceFolders(uris: string[]): void {
    this.workspaceFolders = uris.filter((u) => u.startsWith('file:'));
  }

  /** Reads every YAML file under the workspace folders into the index (open documents win). */
  async loadWorkspace(report: (message: string, percent: number) => void): Promise<number> {
    const files: string[] = [];
    for (const folder of this.workspaceFolders) {
      const settings = await this.settings.get(folder);
      files.push(...(await findYamlFiles(fileURLToPath(folder), { exclude: settings.exclude })));
    }
    let done = 0;
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      if (!this.open.has(uri)) {
        const settings = await this.settings.get(uri);
        const read = await readManifestText(file, settings.maxFileSizeMb * 1048576);
        if (read.ok && !this.open.has(uri)) this.engine.index.setFile(uri, read.text);
      }
      if (++done % 50 === 0) report(`${done}/${files.length} files`, Math.round((done / files.length) * 100));
    }
    // On a re-scan (the exclude setting changed), drop files that are no longer part of the workspace.
    const scanned = new Set(files.map((f) => pathToFileURL(f).href));
    for (const file of [...this.engine.index.files()]) {
      if (scanned.has(file.uri) || this.open.has(file.uri) || !isFileUri(file.uri)) continue;
      this.afterChange(this.engine.index.removeFile(file.uri), EDIT_DEBOUNCE_MS);
      this.clearDiagnostics(file.uri);
    }
    return files.length;
  }

  /** After the workspace load: check every indexed file (open ones first). */
  validateAll(): void {
    for (const uri of this.open) this.queue.schedule(uri, 0);
    for (const file of this.engine.index.files()) if (!this.open.has(file.uri)) this.queue.schedule(file.uri, 0);
  }

  didOpen(uri: string, text: string, version: number): void {
    this.open.add(uri);
    this.update(uri, text, version, 0);
  }

  didChange(uri: string, text: string, version: number): void {
    this.update(uri, text, version, EDIT_DEBOUNCE_MS);
  }

  async didClose(uri: string): Promise<void> {
    this.open.delete(uri);
    const settings = await this.settings.get(uri);
    if (settings.diagnosticsScope === 'open' || !isFileUri(uri)) {
      this.queue.cancel(uri);
      this.clearDiagnostics(uri);
    }
    if (!isFileUri(uri)) {
      this.afterChange(this.engine.index.removeFile(uri), EDIT_DEBOUNCE_MS);
      return;
    }
    // The editor's text may have been unsaved: go back to the disk's.
    const read = await readManifestText(fileURLToPath(uri), settings.maxFileSizeMb * 1048576);
    if (this.open.has(uri)) return;
    if (read.ok) this.update(uri, read.text, undefined, EDIT_DEBOUNCE_MS);
    else this.afterChange(this.engine.index.removeFile(uri), EDIT_DEBOUNCE_MS);
  }

  /** A watched file changed on disk (ignored while the file is open: the editor's text wins). */
  async fileChangedOnDisk(uri: string, deleted: boolean): Promise<void> {
    if (this.open.has(uri)) return;
    if (deleted) {
      this.afterChange(this.engine.index.removeFile(uri), EDIT_DEBOUNCE_MS);
      this.clearDiagnostics(uri);
      return;
    }
    const settings = await this.settings.get(uri);
    const read = await readManifestText(fileURLToPath(uri), settings.maxFileSizeMb * 1048576);
    if (read.ok && !this.open.has(uri)) this.update(uri, read.text, undefined, EDIT_DEBOUNCE_MS);
  }

  private update(uri: string, text: string, version: number | undefined, delayMs: number): void {
    const { changedKeys, unchanged } = this.engine.index.setFile(uri, text, version);
    if (unchanged) return;
    this.queue.schedule(uri, delayMs);
    this.afterChange(changedKeys, delayMs);
  }

  /** Re-checks the other files whose results read a fact that changed. */
  private afterChange(changedKeys: Set<string>, delayMs: number): void {
    if (changedKeys.size === 0) return;
    for (const uri of this.engine.linter.dependentsOf(changedKeys)) {
      if (this.engine.index.getFile(uri)) this.queue.schedule(uri, delayMs);
    }
  }

  private async validate(uri: string): Promise<void> {
    if (this.disposed) return;
    const file = this.engine.index.getFile(uri);
    if (!file) return;
    const settings = await this.settings.get(uri);
    if (settings.diagnosticsScope === 'open' && !this.open.has(uri)) return;
    const current = this.engine.index.getFile(uri);
    if (current !== file && current?.version !== file.version) return; // a newer version has its own run
    const diagnostics = this.engine.linter.lintFile(uri, lintSettingsOf(settings)).map(toDiagnostic);
    if (this.engine.index.getFile(uri)?.version !== file.version) return;
    // Re-checks caused by other files publish only when something changed; a new version always does.
    const fingerprint = `${file.version ?? ''}|${JSON.stringify(diagnostics)}`;
    if (this.published.get(uri) === fingerprint) return;
    this.published.set(uri, fingerprint);
    if (this.disposed) return;
    await this.connection.sendDiagnostics({ uri, version: file.version, diagnostics });
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
