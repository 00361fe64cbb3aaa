/**
 * Code lenses, computed in the client from the document's text with the engine's parser (no server
 * round trip, always the editor's current version): "Open in Grafana" above each Service and
 * Deployment, "Decode" above each Secret.
 */
import * as vscode from 'vscode';
import { parseManifestFile } from '../../server/src/engine/document/manifestFile';

const GRAFANA_KINDS = new Set(['Service', 'Deployment']);
/** Files larger than this get no lenses (parsing them on every keystroke would be felt). */
const MAX_LENS_TEXT = 2 * 1024 * 1024;

export class ManifestCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    if (text.length > MAX_LENS_TEXT || !/^\s*kind\s*:/m.test(text)) return [];
    const lenses: vscode.CodeLens[] = [];
    const uri = document.uri.toString();
    for (const doc of parseManifestFile(uri, text, undefined).documents) {
      const id = doc.identity;
      if (!id) continue;
      const line = doc.headRange().start.line;
      const range = new vscode.Range(line, 0, line, 0);
      if (GRAFANA_KINDS.has(id.kind)) {
        lenses.push(new vscode.CodeLens(range, { title: 'Open in Grafana', command: 'biomeManifests.openGrafana', arguments: [{ uri, line }] }));
      }
      if (id.kind === 'Secret') {
        lenses.push(new vscode.CodeLens(range, { title: 'Decode', command: 'biomeManifests.decodeSecret', arguments: [{ uri, line, name: id.name, namespace: id.namespace }] }));
      }
    }
    return lenses;
  }
}
