/** Show Rule Documentation: docs/rules/<id>.md from the extension, in the Markdown preview. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isRecord, stringArg } from './args';

async function ruleIds(folder: vscode.Uri): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md')).map(([name]) => name.slice(0, -3)).sort();
  } catch {
    return [];
  }
}

export function showRuleDoc(ctx: Ctx): (arg?: unknown) => Promise<{ uri: string } | undefined> {
  return async (arg) => {
    const folder = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules');
    const ids = await ruleIds(folder);
    let id = typeof arg === 'string' ? arg : stringArg(isRecord(arg) ? arg : undefined, 'rule');
    id ??= await vscode.window.showQuickPick(ids, { placeHolder: 'Rule to read about' });
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
