import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

/** Restarts the language server; returns true when it is running again. */
export function restartServer(ctx: Ctx): () => Promise<boolean> {
  return async () => {
    await ctx.restart();
    void vscode.window.setStatusBarMessage('Biome Manifests: language server restarted', 3000);
    return ctx.languageClient?.isRunning() ?? false;
  };
}
