// Shared helpers for tests inside VS Code: event-driven waits with a deadline, the temp workspace, opening files.
import * as vscode from 'vscode';

export const extensionId = 'biome-manifests.biome-manifests';

/**
 * Resolves with probe()'s first non-undefined value, re-probing whenever `event` fires and at least every
 * `intervalMs` (for state without an event, such as activation); fails with `what` after `timeoutMs`.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  { event, timeoutMs = 30_000, intervalMs = 200 }: { event?: vscode.Event<unknown>; timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise<void>((resolve) => {
      const sub = event?.(() => done());
      const timer = setTimeout(done, Math.min(intervalMs, left));
      function done(): void {
        clearTimeout(timer);
        sub?.dispose();
        resolve();
      }
    });
  }
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
  await waitFor(`${extensionId} to activate`, () => (ext.isActive ? ext : undefined));
  // isActive is also true after a failed activation; activate() then rejects with the activation error.
  await ext.activate();
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
