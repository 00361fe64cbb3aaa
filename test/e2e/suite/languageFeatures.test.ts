import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openInWorkspace, positionOf, waitFor } from '../helpers';

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
  });

  it('completes keys inside spec (at the `replicas` key)', async () => {
    const at = positionOf(doc, '  replicas: 2', 2);
    // VS Code itself offers words (kind Text) and snippets everywhere; only other kinds come from the server.
    const fromServer = (items: vscode.CompletionItem[]) =>
      items.filter((i) => i.kind !== vscode.CompletionItemKind.Text && i.kind !== vscode.CompletionItemKind.Snippet);
    // The client may still be starting its server: ask again until it answers or the deadline passes.
    const items = await waitFor('server completion items at spec.replicas', async () => {
      const res = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
      const found = fromServer(res?.items ?? []);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(items.length > 0, 'expected completion items from the server');
  });

  it('offers no whole-manifest snippet at nested keys and values, and offers them in an empty document', async () => {
    const complete = async (d: vscode.TextDocument, at: vscode.Position) =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', d.uri, at))?.items ?? [];
    const manifestSnippets = (items: vscode.CompletionItem[]) =>
      items.filter((i) => /^k8s-/.test(typeof i.label === 'string' ? i.label : i.label.label)).map((i) => i.label);
    const nested = [positionOf(doc, '  replicas: 2', 2), positionOf(doc, '  replicas: 2', 12)];
    for (const at of nested) assert.deepEqual(manifestSnippets(await complete(doc, at)), [], `at ${at.line}:${at.character}`);
    const empty = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    const offered = await waitFor('k8s- snippets in an empty YAML document', async () => {
      const found = manifestSnippets(await complete(empty, new vscode.Position(0, 0)));
      return found.length > 0 ? found : undefined;
    });
    assert.ok(offered.includes('k8s-deployment'), offered.join(', '));
  });

  it('hovers the `replicas` key', async () => {
    const at = positionOf(doc, '  replicas: 2', 4);
    const text = await waitFor('a hover on spec.replicas', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const t = hoverText(hovers ?? []);
      return t.length > 0 ? t : undefined;
    });
    assert.ok(text.length > 0);
  });
});
