/** Registers the client-side providers: rendered previews, the decoded-Secret file system, code lenses. */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { renderedPreview } from './preview/renderedProvider';
import { RENDERED_SCHEME } from './preview/previewSpec';
import { SECRET_SCHEME, SecretFileSystem } from './secrets/secretFs';
import { ManifestCodeLensProvider } from './codeLens';

export function registerFeatures(ctx: Ctx): void {
  ctx.own(vscode.workspace.registerTextDocumentContentProvider(RENDERED_SCHEME, renderedPreview(ctx)));
  const secrets = ctx.feature('secretFileSystem', () => new SecretFileSystem(ctx));
  ctx.own(vscode.workspace.registerFileSystemProvider(SECRET_SCHEME, secrets, { isCaseSensitive: true }));
  ctx.own(vscode.languages.registerCodeLensProvider({ language: 'yaml', scheme: 'file' }, new ManifestCodeLensProvider()));
}
