/**
 * `biome-secret:` documents: a Secret's data decoded, editable, held in memory only (this provider
 * never touches the disk). Saving re-encodes the changed values into the source file through a
 * WorkspaceEdit, so undo works there and nothing else in the file moves.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { SecretSaveRequest, SecretViewRequest } from '../../../server/src/protocol';

export const SECRET_SCHEME = 'biome-secret';
/** How long after the last edit of a source its open decoded views re-read it. */
const VIEW_REFRESH_DELAY_MS = 300;

export interface SecretRef {
  source: string;
  name: string;
  namespace: string;
}

export function secretUri(ref: SecretRef): vscode.Uri {
  const label = `${ref.name.replace(/[^A-Za-z0-9._-]/g, '_')}.decoded.txt`;
  return vscode.Uri.from({ scheme: SECRET_SCHEME, path: `/${ref.namespace}/${label}`, query: JSON.stringify(ref) });
}

export function refOf(uri: vscode.Uri): SecretRef {
  try {
    const raw = JSON.parse(uri.query) as Partial<SecretRef>;
    if (typeof raw.source === 'string' && typeof raw.name === 'string' && typeof raw.namespace === 'string') return raw as SecretRef;
  } catch {
    // fall through
  }
  throw vscode.FileSystemError.FileNotFound(uri);
}

function fail(message: string): never {
  void vscode.window.showErrorMessage(`Biome Manifests: ${message}`);
  throw vscode.FileSystemError.NoPermissions(message);
}

export class SecretFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly mtimes = new Map<string, number>();
  private readonly subscription: vscode.Disposable;

  /** Sources edited since their views last re-read them, with the timer that will refresh them. */
  private readonly pendingRefresh = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly ctx: Ctx) {
    // When a source changes (an edit there, or our own re-encode), open views re-read it: once typing pauses,
    // since each re-read sends the whole source to the server (a keystroke each in a large file was a
    // full-text request each, and the server's parses of them delayed the file's diagnostics).
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      const source = e.document.uri.toString();
      if (e.document.uri.scheme === SECRET_SCHEME || !this.hasCleanView(source)) return;
      clearTimeout(this.pendingRefresh.get(source));
      this.pendingRefresh.set(
        source,
        setTimeout(() => this.refreshViews(source), VIEW_REFRESH_DELAY_MS),
      );
    });
  }

  private hasCleanView(source: string): boolean {
    return vscode.workspace.textDocuments.some((doc) => doc.uri.scheme === SECRET_SCHEME && !doc.isDirty && refOf(doc.uri).source === source);
  }

  private refreshViews(source: string): void {
    this.pendingRefresh.delete(source);
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== SECRET_SCHEME || doc.isDirty || refOf(doc.uri).source !== source) continue;
      this.mtimes.set(doc.uri.toString(), Date.now());
      this.changed.fire([{ type: vscode.FileChangeType.Changed, uri: doc.uri }]);
    }
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const ref = refOf(uri);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.source));
    const label = vscode.workspace.asRelativePath(doc.uri);
    const view = await this.ctx.request(SecretViewRequest, {
      uri: ref.source,
      text: doc.getText(),
      name: ref.name,
      namespace: ref.namespace,
      sourceLabel: label,
    });
    if (!view || view.status === 'no-secret') fail(`Secret ${ref.name} is no longer in ${label}.`);
    if (view.status === 'invalid-base64') fail(view.message);
    return new TextEncoder().encode(view.content);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const ref = refOf(uri);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.source));
    const params = { uri: ref.source, text: doc.getText(), name: ref.name, namespace: ref.namespace, content: new TextDecoder().decode(content) };
    const result = await this.ctx.request(SecretSaveRequest, params);
    if (!result) fail('not saved: the language server did not answer.');
    if (!result.ok) fail(`${result.message}.`);
    if (result.edits.length > 0) {
      const wasDirty = doc.isDirty;
      const edit = new vscode.WorkspaceEdit();
      for (const e of result.edits)
        edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      if (!(await vscode.workspace.applyEdit(edit))) fail(`the edit of ${vscode.workspace.asRelativePath(doc.uri)} was rejected; nothing changed.`);
      // Save the source only when it had no other unsaved changes of the user's.
      if (!wasDirty) await doc.save();
    }
    this.mtimes.set(uri.toString(), Date.now());
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    refOf(uri);
    const key = uri.toString();
    if (!this.mtimes.has(key)) this.mtimes.set(key, Date.now());
    return { type: vscode.FileType.File, ctime: 0, mtime: this.mtimes.get(key)!, size: 0 };
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    for (const timer of this.pendingRefresh.values()) clearTimeout(timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
