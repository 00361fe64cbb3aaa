// Shared helpers for tests inside VS Code: waits on events with a deadline (never a polling loop), the temp workspace, opening files.
import * as vscode from 'vscode';

export const extensionId = 'biome-manifests.biome-manifests';

/**
 * Resolves with probe()'s first non-undefined value, probing once at the start and again each time `event`
 * fires (the event that can end the wait: diagnostics published, a notification, a file written); never on a
 * timer. Fails after `timeoutMs` with `what` and how often it looked. The listener is in place before the
 * first probe, so an event during a probe is not lost.
 */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  { event, timeoutMs = 30_000 }: { event: vscode.Event<unknown>; timeoutMs?: number },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let probes = 0;
    let running = false;
    let again = false;
    let settled = false;
    const finish = (outcome: () => void): void => {
      settled = true;
      clearTimeout(timer);
      subscription.dispose();
      outcome();
    };
    const check = async (): Promise<void> => {
      if (running) return void (again = true);
      running = true;
      try {
        do {
          again = false;
          probes++;
          const value = await probe();
          if (value !== undefined && !settled) return finish(() => resolve(value));
        } while (again && !settled);
      } catch (error) {
        if (!settled) finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      } finally {
        running = false;
      }
    };
    const subscription = event(() => void check());
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (looked ${probes} time${probes === 1 ? '' : 's'}: at the start and on each event).`),
          ),
        ),
      timeoutMs,
    );
    void check();
  });
}

/** `promise`, or a failure naming `what` after `timeoutMs` (for waits whose end is a promise, such as activation). */
export function withDeadline<T>(what: string, promise: Thenable<T>, timeoutMs = 30_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`)), timeoutMs);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

/** An event that fires whenever one of `events` does. */
export function anyOf(...events: vscode.Event<unknown>[]): vscode.Event<unknown> {
  return (listener, thisArgs, disposables) => {
    const subscriptions = events.map((event) => event(listener, thisArgs));
    const all = vscode.Disposable.from(...subscriptions);
    disposables?.push(all);
    return all;
  };
}

/** Fires when the workspace file `relativePath` is written (a watcher event, or VS Code saving it). Dispose when done. */
export function fileWrites(relativePath: string): vscode.Disposable & { event: vscode.Event<unknown> } {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspaceRoot(), relativePath));
  const saved = (doc: vscode.TextDocument): boolean => doc.uri.toString() === vscode.Uri.joinPath(workspaceRoot(), relativePath).toString();
  const onSave: vscode.Event<unknown> = (listener, thisArgs, disposables) =>
    vscode.workspace.onDidSaveTextDocument((doc) => saved(doc) && listener.call(thisArgs, doc), undefined, disposables);
  return { event: anyOf(watcher.onDidChange, watcher.onDidCreate, onSave), dispose: () => watcher.dispose() };
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The e2e run must open a workspace folder (a temp copy of examples/biome-sample).');
  return folder.uri;
}

export async function openInWorkspace(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), relativePath));
  return vscode.window.showTextDocument(doc);
}

/** Writes a file into the temp workspace (never into examples/) and opens it. */
export async function createInWorkspace(relativePath: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return openInWorkspace(relativePath);
}

/** Position of the first occurrence of `needle` in the document, plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found in ${doc.uri.path}.`);
  return doc.positionAt(at + offset);
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(extensionId);
  if (!ext) throw new Error(`Extension ${extensionId} is not installed in this VS Code.`);
  // Resolves when the activation (started by an activation event, or by this call) has finished; rejects with
  // the activation error when it failed.
  await withDeadline(`${extensionId} to activate`, ext.activate());
  return ext;
}

export function diagnosticsFrom(uri: vscode.Uri, source: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

/** Waits until the server publishes at least one diagnostic with `source` for `uri`. */
export function waitForDiagnostics(uri: vscode.Uri, source = 'biome-manifests'): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `diagnostics from ${source} on ${uri.path}`,
    () => {
      const found = diagnosticsFrom(uri, source);
      return found.length ? found : undefined;
    },
    { event: vscode.languages.onDidChangeDiagnostics },
  );
}
