/**
 * Shows a `kubectl kustomize` build failure as a diagnostic on the kustomization file. Off the hot
 * path: only when a kustomization is opened or saved, debounced per folder, with the preview's
 * timeout, and only where the preview may run kubectl (a trusted workspace; see trust.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { previewSettings } from './config';
import type { Ctx } from './ctx';
import { kubectlKustomize } from './preview/kubectl';
import { failureLocation, failureMessage, isKustomizationFile } from './preview/kustomizeFailure';

const DEBOUNCE_MS = 600;

export class KustomizeCheck implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('biomeManifests.kustomize');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per file, the number of the latest run: an older run's result is dropped. */
  private readonly runs = new Map<string, number>();

  constructor(private readonly ctx: Ctx) {}

  schedule(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' || !isKustomizationFile(doc.fileName)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.check(doc), DEBOUNCE_MS),
    );
  }

  forget(doc: vscode.TextDocument): void {
    clearTimeout(this.timers.get(doc.uri.toString()));
    this.diagnostics.delete(doc.uri);
  }

  private async check(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    this.timers.delete(key);
    const settings = previewSettings(doc.uri);
    if (!settings.kubectlPath) return this.diagnostics.delete(doc.uri);
    const run = (this.runs.get(key) ?? 0) + 1;
    this.runs.set(key, run);
    const result = await kubectlKustomize(settings.kubectlPath, path.dirname(doc.fileName), settings.kubectlTimeoutMs);
    if (this.runs.get(key) !== run || doc.isClosed) return;
    // Only a build error is the file's problem: no kubectl, a timeout or huge output are not.
    if (result.ok || !result.reason.startsWith('kubectl kustomize failed:')) {
      if (!result.ok) this.ctx.log('debug', `kustomize check of ${doc.fileName} skipped: ${result.reason}`);
      return this.diagnostics.delete(doc.uri);
    }
    const at = failureLocation(result.detail ?? result.reason, doc.getText());
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(at.line, at.start, at.line, at.end),
      failureMessage(result.reason),
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = 'kubectl kustomize';
    diagnostic.code = 'kubectl-kustomize';
    this.diagnostics.set(doc.uri, [diagnostic]);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.diagnostics.dispose();
  }
}

export function registerKustomizeCheck(ctx: Ctx): void {
  const check = new KustomizeCheck(ctx);
  ctx.own(check);
  ctx.own(vscode.workspace.onDidSaveTextDocument((doc) => check.schedule(doc)));
  ctx.own(vscode.workspace.onDidOpenTextDocument((doc) => check.schedule(doc)));
  ctx.own(vscode.workspace.onDidCloseTextDocument((doc) => check.forget(doc)));
  vscode.workspace.textDocuments.forEach((doc) => check.schedule(doc));
}
