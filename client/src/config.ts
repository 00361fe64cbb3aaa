/** Typed reads of `biomeManifests.*` settings, and which of them need a server restart. */
import * as vscode from 'vscode';

export const SECTION = 'biomeManifests';

/** Settings the server reads once at start; changing them restarts it. Everything else is live. */
export const RESTART_SETTINGS: readonly string[] = [`${SECTION}.server.extraArgs`];

export type TraceLevel = 'off' | 'messages' | 'verbose';

export function traceLevel(): TraceLevel {
  return vscode.workspace.getConfiguration(SECTION).get<TraceLevel>('trace.server', 'off');
}
