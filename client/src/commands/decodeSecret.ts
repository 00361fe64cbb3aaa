/** Decode Secret: opens the Secret at the cursor (or named by a code lens) in the in-memory `biome-secret:` view. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { decodeEntries } from '../secrets/decodedText';
import { secretAt, secretsOf } from '../secrets/secretEntries';
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

export function decodeSecret(_ctx: Ctx): (arg?: unknown) => Promise<DecodeSecretResult> {
  return async (arg) => {
    const options = isRecord(arg) ? arg : undefined;
    const editor = vscode.window.activeTextEditor;
    const uri = uriArg(arg) ?? editor?.document.uri;
    if (!uri) return noSecret('open a file with a Secret, or use the "Decode" code lens above one.');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = numberArg(options, 'line') ?? (editor?.document === doc ? editor.selection.active.line : undefined);
    const name = stringArg(options, 'name');
    const namespace = stringArg(options, 'namespace');
    const secret = secretAt(secretsOf(uri.toString(), doc.getText()), { ...(line !== undefined ? { line } : {}), ...(name !== undefined ? { name } : {}), ...(namespace !== undefined ? { namespace } : {}) });
    if (!secret) return noSecret(`no Secret ${name ? `named ${name} ` : 'at the cursor '}in ${vscode.workspace.asRelativePath(uri)}.`);
    const decoded = decodeEntries(secret);
    if (!decoded.ok) {
      void vscode.window.showErrorMessage(`Biome Manifests: ${decoded.message}`);
      return { status: 'invalid-base64', key: decoded.key, position: decoded.position, message: decoded.message };
    }
    const view = secretUri({ source: uri.toString(), name: secret.name, namespace: secret.namespace });
    const opened = await vscode.workspace.openTextDocument(view);
    await vscode.window.showTextDocument(opened, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return { status: 'opened', uri: view.toString(), keys: decoded.values.map((v) => v.key) };
  };
}
