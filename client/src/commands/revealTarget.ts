/** Reveal Target: opens a location the server names (e.g. the workload an HPA code lens points at). */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isRecord } from './args';

interface LocationArg {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function isLocationArg(value: unknown): value is LocationArg {
  return isRecord(value) && typeof value.uri === 'string' && isRecord(value.range);
}

export function revealTarget(_ctx: Ctx): (arg?: unknown) => Promise<{ uri: string } | undefined> {
  return async (arg) => {
    if (!isLocationArg(arg)) return undefined;
    const uri = vscode.Uri.parse(arg.uri);
    const { start, end } = arg.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    await vscode.window.showTextDocument(uri, { selection, preview: true });
    return { uri: uri.toString() };
  };
}
