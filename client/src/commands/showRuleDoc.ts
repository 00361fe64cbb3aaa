/** Show Rule Documentation: docs/rules/<id>.md from the extension, in the Markdown preview. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isRecord, stringArg } from './args';
import { ruleSummary } from '../ruleDocs';

async function ruleIds(folder: vscode.Uri): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
      .map(([name]) => name.slice(0, -3))
      .sort();
  } catch {
    return [];
  }
}

/** One item per rule, its summary beneath, so the list can be searched by topic and not only by id. */
async function ruleItems(folder: vscode.Uri, ids: readonly string[]): Promise<vscode.QuickPickItem[]> {
  return Promise.all(
    ids.map(async (id) => {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, `${id}.md`)));
        return { label: id, detail: ruleSummary(text) };
      } catch {
        return { label: id };
      }
    }),
  );
}

export function showRuleDoc(ctx: Ctx): (arg?: unknown) => Promise<{ uri: string } | undefined> {
  return async (arg) => {
    const folder = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules');
    const ids = await ruleIds(folder);
    let id = typeof arg === 'string' ? arg : stringArg(isRecord(arg) ? arg : undefined, 'rule');
    id ??= (
      await vscode.window.showQuickPick(await ruleItems(folder, ids), {
        placeHolder: 'Rule to read about (type a rule id or a topic: probe, secret, HPA…)',
        matchOnDetail: true,
      })
    )?.label;
    if (!id) return undefined;
    if (!/^[a-z0-9-]+$/.test(id) || !ids.includes(id)) {
      void vscode.window.showWarningMessage(`Biome Manifests: there is no documentation for rule "${id}" (known rules: ${ids.length}).`);
      return undefined;
    }
    const uri = vscode.Uri.joinPath(folder, `${id}.md`);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return { uri: uri.toString() };
  };
}
