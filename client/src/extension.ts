/** activate/deactivate: build the context, register commands, start the server when it is useful. */
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { looksLikeManifest, workspaceHasBiomeFolder } from './manifestDetection';
import { registerCommands } from './commands';
import { registerFeatures } from './features';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Ctx> {
  const started = performance.now();
  ctx = new Ctx(context);
  registerCommands(ctx);
  registerFeatures(ctx);
  const current = ctx;
  const startIfManifest = (doc: vscode.TextDocument): void => {
    if (looksLikeManifest(doc)) void current.start();
  };
  ctx.own(vscode.workspace.onDidOpenTextDocument(startIfManifest));
  vscode.workspace.textDocuments.forEach(startIfManifest);
  // Do not block activation on the workspace scan: the server starts in the background.
  void workspaceHasBiomeFolder().then((has) => {
    if (has) void current.start();
  });
  ctx.activationMs = performance.now() - started;
  ctx.output.info(`activated in ${ctx.activationMs.toFixed(1)} ms`);
  return ctx;
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
