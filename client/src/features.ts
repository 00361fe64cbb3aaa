/** Registers the client-side providers: rendered previews and the decoded-Secret file system (code lenses come from the server). */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { renderedPreview } from './preview/renderedProvider';
import { RENDERED_SCHEME } from './preview/previewSpec';
import { SECRET_SCHEME, SecretFileSystem } from './secrets/secretFs';
import { registerKustomizeCheck } from './kustomizeCheck';

export function registerFeatures(ctx: Ctx): void {
  ctx.own(vscode.workspace.registerTextDocumentContentProvider(RENDERED_SCHEME, renderedPreview(ctx)));
  const secrets = ctx.feature('secretFileSystem', () => new SecretFileSystem(ctx));
  ctx.own(vscode.workspace.registerFileSystemProvider(SECRET_SCHEME, secrets, { isCaseSensitive: true }));
  // kubectl kustomize build failures on kustomization files (trusted workspaces, on open and save).
  registerKustomizeCheck(ctx);
}
