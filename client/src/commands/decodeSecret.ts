/** Decode Secret: opens the Secret at the cursor (or named by a code lens) in the in-memory `biome-secret:` view. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { SecretViewRequest } from '../../../server/src/protocol';
import { secretUri } from '../secrets/secretFs';
import { isRecord, numberArg, stringArg, uriArg } from './args';

export type DecodeSecretResult =
  | { status: 'opened'; uri: string; keys: string[] }
  | { status: 'invalid-base64'; key: string; position: number; message: string }
  | { status: 'no-secret'; message: string };

function noSecret(message: string): DecodeSecretResult {
  void vscode.window.showInformationMessage(`Biome Manifests: ${message}`);
  return { status: 'no-secret', message };
}

export function decodeSecret(ctx: Ctx): (arg?: unknown) => Promise<DecodeSecretResult> {
  return async (arg) => {
    const options = isRecord(arg) ? arg : undefined;
    const editor = vscode.window.activeTextEditor;
    const uri = uriArg(arg) ?? editor?.document.uri;
    if (!uri) return noSecret('open a file with a Secret, or use the "Decode" code lens above one.');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = numberArg(options, 'line') ?? (editor?.document === doc ? editor.selection.active.line : undefined);
    const name = stringArg(options, 'name');
    const namespace = stringArg(options, 'namespace');
    const where = { ...(line !== undefined ? { line } : {}), ...(name !== undefined ? { name } : {}), ...(namespace !== undefined ? { namespace } : {}) };
    const view = await ctx.request(SecretViewRequest, {
      uri: uri.toString(),
      text: doc.getText(),
      ...where,
      sourceLabel: vscode.workspace.asRelativePath(uri),
    });
    if (!view || view.status === 'no-secret')
      return noSecret(`no Secret ${name ? `named ${name} ` : 'at the cursor '}in ${vscode.workspace.asRelativePath(uri)}.`);
    if (view.status === 'invalid-base64') {
      void vscode.window.showErrorMessage(`Biome Manifests: ${view.message}`);
      return { status: 'invalid-base64', key: view.key, position: view.position, message: view.message };
    }
    const secretView = secretUri({ source: uri.toString(), name: view.name, namespace: view.namespace });
    const opened = await vscode.workspace.openTextDocument(secretView);
    await vscode.window.showTextDocument(opened, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return { status: 'opened', uri: secretView.toString(), keys: view.keys };
  };
}
