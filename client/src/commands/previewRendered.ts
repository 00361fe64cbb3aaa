/**
 * Preview Rendered Manifests, Show Diff against Base, Copy Rendered Manifests, Reveal Secrets: the
 * `biome-rendered:` preview of a file, a folder or a service, beside the editor.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { RenderTarget } from '../../../server/src/protocol';
import { ServicesRequest } from '../../../server/src/protocol';
import { previewUri, renderedPreview } from '../preview/renderedProvider';
import { RENDERED_SCHEME, specFromQuery, type PreviewSpec } from '../preview/previewSpec';
import { isFolder, isRecord, stringArg, uriArg, workspaceRootOf } from './args';

export interface PreviewResult {
  uri: string;
  renderer: 'biome' | 'kubectl';
  text: string;
}

async function pickService(ctx: Ctx): Promise<RenderTarget | undefined> {
  const result = await ctx.request(ServicesRequest, {});
  if (!result) return undefined;
  if (result.services.length === 0) {
    void vscode.window.showInformationMessage('Biome Manifests: no Services found in the workspace to preview.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    result.services.map((s) => ({ label: s.name, description: `namespace ${s.namespace}`, service: s })),
    { placeHolder: 'Service to preview (its Deployment, HPA, probes and configuration, rendered)' },
  );
  return picked ? { kind: 'service', name: picked.service.name, namespace: picked.service.namespace } : undefined;
}

async function pickTarget(ctx: Ctx): Promise<RenderTarget | undefined> {
  const choice = await vscode.window.showQuickPick(['A service…', 'A folder…'], { placeHolder: 'Preview rendered manifests of' });
  if (choice === 'A service…') return pickService(ctx);
  if (choice !== 'A folder…') return undefined;
  const folders = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: workspaceRootOf(undefined) });
  return folders?.[0] ? { kind: 'folder', uri: folders[0].toString() } : undefined;
}

/** The target from a menu Uri, an options object (`{ service, namespace }`, `{ uri }`), the active editor, or a pick. */
async function targetOf(ctx: Ctx, arg: unknown): Promise<RenderTarget | undefined> {
  const options = isRecord(arg) ? arg : undefined;
  const service = stringArg(options, 'service');
  if (service) {
    const namespace = stringArg(options, 'namespace');
    return { kind: 'service', name: service, ...(namespace ? { namespace } : {}) };
  }
  const uri = uriArg(arg);
  if (uri) return (await isFolder(uri)) ? { kind: 'folder', uri: uri.toString() } : { kind: 'file', uri: uri.toString() };
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.scheme === 'file' && active.languageId === 'yaml') return { kind: 'file', uri: active.uri.toString() };
  return pickTarget(ctx);
}

export async function openPreview(ctx: Ctx, spec: PreviewSpec): Promise<PreviewResult> {
  const provider = renderedPreview(ctx);
  const uri = previewUri(spec);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  const rendered = provider.rendered.get(uri.toString());
  return { uri: uri.toString(), renderer: rendered?.renderer ?? 'biome', text: doc.getText() };
}

export function previewRendered(ctx: Ctx): (arg?: unknown) => Promise<PreviewResult | undefined> {
  return async (arg) => {
    const target = await targetOf(ctx, arg);
    if (!target) return undefined;
    const anchor = target.kind === 'service' ? undefined : vscode.Uri.parse(target.uri);
    const root = workspaceRootOf(anchor)?.toString();
    const reveal = isRecord(arg) && arg.reveal === true;
    return openPreview(ctx, { target, mode: 'full', reveal, ...(root ? { root } : {}) });
  };
}

/** The spec of the preview in the active editor (or the `uri` argument). */
function activeSpec(arg: unknown): PreviewSpec | undefined {
  const uri = uriArg(arg) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== RENDERED_SCHEME) {
    void vscode.window.showInformationMessage('Biome Manifests: open a rendered preview first ("Preview Rendered Manifests").');
    return undefined;
  }
  return specFromQuery(uri.query);
}

export function previewDiff(ctx: Ctx): (arg?: unknown) => Promise<{ left: string; right: string } | undefined> {
  return async (arg) => {
    const spec = activeSpec(arg);
    if (!spec) return undefined;
    renderedPreview(ctx);
    const left = previewUri({ ...spec, mode: 'base' });
    const right = previewUri({ ...spec, mode: 'full' });
    await vscode.commands.executeCommand('vscode.diff', left, right, `Base ↔ Rendered: ${right.path.slice(1)}`, { preview: false });
    return { left: left.toString(), right: right.toString() };
  };
}

export function copyRendered(ctx: Ctx): (arg?: unknown) => Promise<{ uri: string; characters: number } | undefined> {
  return async (arg) => {
    const spec = activeSpec(arg);
    if (!spec) return undefined;
    const uri = previewUri(spec);
    const text = renderedPreview(ctx).rendered.get(uri.toString())?.text ?? (await vscode.workspace.openTextDocument(uri)).getText();
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage('Biome Manifests: rendered manifests copied', 3000);
    return { uri: uri.toString(), characters: text.length };
  };
}

export function revealRenderedSecrets(ctx: Ctx): (arg?: unknown) => Promise<PreviewResult | undefined> {
  return async (arg) => {
    const spec = activeSpec(arg);
    return spec ? openPreview(ctx, { ...spec, mode: 'full', reveal: !spec.reveal }) : undefined;
  };
}
