/** Reading command arguments: menus pass a Uri, code lenses and tests pass an options object. */
import * as vscode from 'vscode';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof vscode.Uri);
}

export function stringArg(args: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = args?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function numberArg(args: Record<string, unknown> | undefined, key: string): number | undefined {
  const value = args?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A Uri from a menu argument or a `uri` option (string or Uri). */
export function uriArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (isRecord(arg)) {
    const value = arg.uri;
    if (value instanceof vscode.Uri) return value;
    if (typeof value === 'string') return vscode.Uri.parse(value);
  }
  return undefined;
}

export async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

export function workspaceRootOf(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}
