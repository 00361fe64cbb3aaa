/** Decides when the language server is worth starting: a `biome/` folder or an open Kubernetes manifest. */
import * as vscode from 'vscode';

const KUBERNETES_MARKERS = /^\s*apiVersion\s*:/m;
const KIND_MARKER = /^\s*kind\s*:/m;
/** How much of a document's start is searched for the markers. */
const HEAD_CHARACTERS = 64 * 1024;

export function looksLikeManifest(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'yaml') return false;
  // Only the head is read: getText() would copy the whole document on every open of every YAML file.
  const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(HEAD_CHARACTERS)));
  return KUBERNETES_MARKERS.test(head) && KIND_MARKER.test(head);
}

export async function workspaceHasBiomeFolder(): Promise<boolean> {
  const found = await vscode.workspace.findFiles('**/biome/*.{yaml,yml}', '**/node_modules/**', 1);
  return found.length > 0;
}
