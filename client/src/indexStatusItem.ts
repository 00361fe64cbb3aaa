/** The language status item: how many manifests the server has indexed (`biomeManifests/indexStatus`). */
import * as vscode from 'vscode';
import type { IndexStatus } from '../../server/src/protocol';
import type { CommandId } from './commands';

/** A status item action: the id is checked against the registered commands. */
function action(title: string, command: CommandId): vscode.Command {
  return { title, command };
}

export class IndexStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  /** The last status received, for tests and the command. */
  status: IndexStatus | undefined;
  private readonly updates = new vscode.EventEmitter<IndexStatus>();
  /** Fires with each status the server sends: the index changed (tests wait on it instead of polling). */
  readonly onDidUpdate = this.updates.event;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('biomeManifests.indexStatus', { language: 'yaml' });
    this.item.name = 'Biome Manifests';
    this.item.text = '$(sync~spin) Biome Manifests: indexing';
    this.item.command = action('Show Resource Map', 'biomeManifests.showResourceMap');
  }

  update(status: IndexStatus): void {
    this.status = status;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    this.item.command = action('Show Resource Map', 'biomeManifests.showResourceMap');
    this.item.text = `Biome Manifests: ${status.manifests} manifest${status.manifests === 1 ? '' : 's'}`;
    const files = `${status.files} YAML file${status.files === 1 ? '' : 's'} indexed`;
    // Which project config applies: the first thing to check when the editor and CI disagree.
    const configs = status.configFiles;
    this.item.detail =
      configs.length > 0 ? `${files}; config: ${configs.map((f) => vscode.workspace.asRelativePath(f)).join(', ')}` : `${files}; no .biome-manifests.yaml`;
    this.updates.fire(status);
  }

  stopped(): void {
    this.item.text = 'Biome Manifests: server stopped';
    this.item.severity = vscode.LanguageStatusSeverity.Warning;
    this.item.command = action('Restart', 'biomeManifests.restartServer');
  }

  dispose(): void {
    this.updates.dispose();
    this.item.dispose();
  }
}
