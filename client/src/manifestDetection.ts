/** Decides when the language server is worth starting: a `biome/` folder or an open Kubernetes manifest. */
import * as vscode from 'vscode';

const KUBERNETES_MARKERS = /^\s*apiVersion\s*:/m;
const KIND_MARKER = /^\s*kind\s*:/m;

export function looksLikeManifest(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'yaml') return false;
  const head = document.getText().slice(0, 64 * 1024);
  return KUBERNETES_MARKERS.test(head) && KIND_MARKER.test(head);
}

export async function workspaceHasBiomeFolder(): Promise<boolean> {
  const found = await vscode.workspace.findFiles('**/biome/*.{yaml,yml}', '**/node_modules/**', 1);
  return found.length > 0;
}
