/**
 * Encode Secret Value (replaces the selection or the value at the cursor with its base64, through a
 * WorkspaceEdit) and Decode Secret Value (shows the decoded value; the file is never changed, so
 * plain text does not end up on disk).
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { decodeBase64, encodeBase64, hexPreview, looksBinary, utf8Text, validateBase64 } from '../../../server/src/engine/secrets/base64';
import { SecretValueRequest, type WireTextEdit } from '../../../server/src/protocol';

/** The value a command acts on: the selection as typed, else the YAML value of the entry on the cursor's line (read by the server). */
interface Target {
  key: string | undefined;
  value: string;
  /** Where the base64 goes and how it is written; undefined when the server found no safe edit. */
  encodeEdit: WireTextEdit | undefined;
}

async function targetOf(ctx: Ctx, editor: vscode.TextEditor): Promise<Target | undefined> {
  const sel = editor.selection;
  if (!sel.isEmpty && sel.isSingleLine) {
    const value = editor.document.getText(sel);
    return { key: undefined, value, encodeEdit: { range: { start: sel.start, end: sel.end }, newText: encodeBase64(value) } };
  }
  const found = await ctx.request(SecretValueRequest, { uri: editor.document.uri.toString(), text: editor.document.getText(), line: sel.active.line });
  return found ? { key: found.key ?? undefined, value: found.value, encodeEdit: found.encodeEdit ?? undefined } : undefined;
}

function noValue(): undefined {
  void vscode.window.showInformationMessage('Biome Manifests: select a value, or put the cursor on a "key: value" line.');
  return undefined;
}

export function encodeSecretValue(ctx: Ctx): () => Promise<{ key: string | undefined; encoded: string } | undefined> {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    const target = editor && (await targetOf(ctx, editor));
    if (!editor || !target) return noValue();
    const at = target.encodeEdit;
    if (!at) {
      void vscode.window.showErrorMessage(`Biome Manifests: ${target.key ?? 'the value'} cannot be replaced safely here; nothing changed.`);
      return undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(editor.document.uri, new vscode.Range(at.range.start.line, at.range.start.character, at.range.end.line, at.range.end.character), at.newText);
    await vscode.workspace.applyEdit(edit);
    return { key: target.key, encoded: encodeBase64(target.value) };
  };
}

export type DecodeValueResult =
  | { status: 'decoded'; key: string | undefined; text: string; binary: boolean }
  | { status: 'invalid-base64'; position: number; message: string };

/**
 * Reveal Secret Value: the **Reveal** link of a Secret value's hover (the server sends where the value is, never
 * the value). Puts the cursor on the value and decodes it as Decode Secret Value does.
 */
export function revealSecretValue(ctx: Ctx): (target?: unknown) => Promise<DecodeValueResult | undefined> {
  return async (target) => {
    if (!isRevealTarget(target)) return noValue();
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { preserveFocus: false });
    const at = new vscode.Position(target.line, target.character);
    editor.selection = new vscode.Selection(at, at);
    return decodeSecretValue(ctx)();
  };
}

function isRevealTarget(value: unknown): value is { uri: string; line: number; character: number } {
  if (typeof value !== 'object' || value === null) return false;
  const { uri, line, character } = value as Record<string, unknown>;
  return typeof uri === 'string' && Number.isInteger(line) && Number.isInteger(character);
}

export function decodeSecretValue(ctx: Ctx): () => Promise<DecodeValueResult | undefined> {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    const span = editor && (await targetOf(ctx, editor));
    if (!editor || !span) return noValue();
    const check = validateBase64(span.value);
    const name = span.key ?? 'the selection';
    if (!check.ok) {
      const message = `${name} is not valid base64: ${check.problem} problem at character ${check.index + 1}.`;
      void vscode.window.showErrorMessage(`Biome Manifests: ${message}`);
      return { status: 'invalid-base64', position: check.index + 1, message };
    }
    const bytes = decodeBase64(span.value)!;
    const binary = looksBinary(bytes);
    const text = binary ? `binary, ${bytes.length} bytes: ${hexPreview(bytes)}` : (utf8Text(bytes) ?? '');
    void vscode.window.showInformationMessage(`Biome Manifests: ${name} decodes to: ${text}`, 'Copy').then(async (choice) => {
      if (choice === 'Copy') await vscode.env.clipboard.writeText(text);
    });
    return { status: 'decoded', key: span.key, text, binary };
  };
}
