import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openInWorkspace, positionOf, waitForDiagnostics } from '../helpers';

/** Flattens hover contents to plain text. */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .trim();
}

describe('language features on a Deployment', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activeExtension();
    doc = (await openInWorkspace('biome/main-app-deployment.yaml')).document;
    // The server is running and has the file once it published its findings (a latest tag, replicas with an HPA):
    // from then on each request is answered at once, so every test asks once.
    await waitForDiagnostics(doc.uri);
  });

  it('completes keys inside spec (at the `replicas` key)', async () => {
    const at = positionOf(doc, '  replicas: 2', 2);
    // VS Code itself offers words (kind Text) and snippets everywhere; only other kinds come from the server.
    const fromServer = (items: vscode.CompletionItem[]) =>
      items.filter((i) => i.kind !== vscode.CompletionItemKind.Text && i.kind !== vscode.CompletionItemKind.Snippet);
    const res = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    assert.ok(fromServer(res?.items ?? []).length > 0, 'expected completion items from the server');
  });

  it('offers no whole-manifest snippet at nested keys and values, and offers them in an empty document', async () => {
    const complete = async (d: vscode.TextDocument, at: vscode.Position) =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', d.uri, at))?.items ?? [];
    const manifestSnippets = (items: vscode.CompletionItem[]) =>
      items.filter((i) => /^k8s-/.test(typeof i.label === 'string' ? i.label : i.label.label)).map((i) => i.label);
    const nested = [positionOf(doc, '  replicas: 2', 2), positionOf(doc, '  replicas: 2', 12)];
    for (const at of nested) assert.deepEqual(manifestSnippets(await complete(doc, at)), [], `at ${at.line}:${at.character}`);
    const empty = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    const offered = manifestSnippets(await complete(empty, new vscode.Position(0, 0)));
    assert.ok(offered.includes('k8s-deployment'), offered.join(', '));
  });

  it('hovers the `replicas` key', async () => {
    const at = positionOf(doc, '  replicas: 2', 4);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    assert.ok(hoverText(hovers ?? []).length > 0, 'expected a hover from the server');
  });
});
