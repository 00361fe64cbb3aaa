/** The language status item that shows the Kubernetes release the workspace targets (`biomeManifests.kubernetesVersion`). */
import * as vscode from 'vscode';
import { NEWEST_KUBERNETES_VERSION, parseKubernetesVersion } from '../../server/src/engine/schema/kubernetesVersions';
import { SECTION } from './config';

export class VersionStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('biomeManifests.kubernetesVersion', { language: 'yaml' });
    this.item.name = 'Biome Manifests: target Kubernetes version';
    this.item.command = { title: 'Change', command: 'workbench.action.openSettings', arguments: [`${SECTION}.kubernetesVersion`] };
    this.update();
    // The server re-checks on the same configuration change; this item only mirrors the value.
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${SECTION}.kubernetesVersion`) && this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
  }

  /** The release for the active editor's resource (the setting is per resource), as the server reads it. */
  update(): void {
    const scope = vscode.window.activeTextEditor?.document.uri;
    const raw = vscode.workspace.getConfiguration(SECTION, scope).get<string>('kubernetesVersion');
    const version = parseKubernetesVersion(raw) ?? NEWEST_KUBERNETES_VERSION;
    this.item.text = `Kubernetes ${version}`;
    this.item.detail = !raw
      ? 'the newest supported release, unless a .biome-manifests.yaml sets kubernetesVersion'
      : parseKubernetesVersion(raw)
        ? 'apiVersions checked against this release'
        : `"${raw}" is not supported; checking against ${version}`;
    this.item.severity = raw && !parseKubernetesVersion(raw) ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  /** What the item shows (`Kubernetes 1.36`), for tests. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
