/**
 * The read-only `biome-rendered:` documents: asks the server to render (or runs `kubectl kustomize`
 * for a folder with a kustomization), and refreshes every open preview when a YAML file changes.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { previewSettings } from '../config';
import { RenderRequest } from '../../../server/src/protocol';
import { kubectlKustomize } from './kubectl';
import { previewHeader, previewLabel, RENDERED_SCHEME, specFromQuery, specToQuery, type HeaderFacts, type PreviewSpec } from './previewSpec';

const REFRESH_DELAY_MS = 250;
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function renderedPreview(ctx: Ctx): RenderedPreviewProvider {
  return ctx.feature('renderedPreview', () => new RenderedPreviewProvider(ctx));
}

export function previewUri(spec: PreviewSpec): vscode.Uri {
  return vscode.Uri.from({ scheme: RENDERED_SCHEME, path: `/${previewLabel(spec)}`, query: specToQuery(spec) });
}

async function hasKustomization(folder: vscode.Uri): Promise<boolean> {
  for (const name of KUSTOMIZATION_FILES) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name));
      return true;
    } catch {
      // not this name
    }
  }
  return false;
}

export class RenderedPreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Last text and renderer per preview URI (for "Copy to clipboard" and the command's result). */
  readonly rendered = new Map<string, { text: string; renderer: HeaderFacts['renderer'] }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    const schedule = (): void => this.scheduleRefresh();
    this.subscriptions.push(
      this.changed,
      watcher,
      watcher.onDidChange(schedule),
      watcher.onDidCreate(schedule),
      watcher.onDidDelete(schedule),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.scheme === 'file' && e.document.languageId === 'yaml') schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.rendered.delete(doc.uri.toString())),
    );
  }

  /** Re-renders every open preview a little after the last change. */
  scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === RENDERED_SCHEME) this.changed.fire(doc.uri);
    }, REFRESH_DELAY_MS);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const spec = specFromQuery(uri.query);
    if (!spec) return '# This preview link is malformed: run "Biome Manifests: Preview Rendered Manifests" again.\n';
    const result = (await this.tryKubectl(spec)) ?? (await this.renderWithServer(spec));
    this.rendered.set(uri.toString(), { text: result.text, renderer: result.renderer });
    return result.text;
  }

  private async renderWithServer(spec: PreviewSpec, kubectlNote?: string): Promise<{ text: string; renderer: 'biome' }> {
    const params = { target: spec.target, mode: spec.mode, revealSecrets: spec.reveal, ...(spec.root ? { root: spec.root } : {}) };
    const result = await this.ctx.request(RenderRequest, params);
    if (!result) return { text: '# The language server is not running: no preview. Run "Biome Manifests: Restart Language Server".\n', renderer: 'biome' };
    const facts: HeaderFacts = {
      spec,
      renderer: 'biome',
      objectCount: result.objects.length,
      patchCount: result.patchCount,
      ...(kubectlNote ? { kubectlNote } : {}),
    };
    const body = result.text === '' ? '# No Kubernetes objects found here.\n' : result.text;
    return { text: `${previewHeader(facts)}---\n${body}`, renderer: 'biome' };
  }

  /** kubectl for a folder with a kustomization (setting permitting); undefined to render with Biome. */
  private async tryKubectl(spec: PreviewSpec): Promise<{ text: string; renderer: HeaderFacts['renderer'] } | undefined> {
    // kubectl renders whole folders, and only with patches applied: bases come from the engine.
    if (spec.target.kind !== 'folder' || spec.mode === 'base') return undefined;
    const folder = vscode.Uri.parse(spec.target.uri);
    const settings = previewSettings(folder);
    if (settings.renderer === 'biome' || folder.scheme !== 'file' || !(await hasKustomization(folder))) return undefined;
    if (!settings.kubectlPath) return this.renderWithServer(spec, 'kubectl not run: the workspace is not trusted.');
    const run = await kubectlKustomize(settings.kubectlPath, folder.fsPath, settings.kubectlTimeoutMs);
    if (!run.ok) {
      this.ctx.log('warn', `preview: ${run.reason}; rendering with Biome Manifests instead`);
      return this.renderWithServer(spec, `kubectl not used: ${run.reason}.`);
    }
    const note = spec.reveal ? 'Secrets are not decoded with the kubectl renderer.' : undefined;
    const facts: HeaderFacts = { spec: { ...spec, reveal: false }, renderer: 'kubectl', objectCount: 0, patchCount: 0, ...(note ? { kubectlNote: note } : {}) };
    return { text: `${previewHeader(facts)}---\n${run.text}`, renderer: 'kubectl' };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}
