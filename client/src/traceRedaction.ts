/**
 * The LSP message trace (`biomeManifests.trace.server: verbose`) goes to the output channel, and
 * every VS Code output channel is backed by a file in the logs folder. Hover answers carry decoded
 * Secret values (when `secrets.showDecoded` is on) and a render answer may carry a revealed preview:
 * their results are redacted from the trace; the header line (method, id, time) stays.
 */
import type * as vscode from 'vscode';
import { RenderRequest } from '../../server/src/protocol';

/** Requests whose answers may hold decoded Secret values. */
export const REDACTED_METHODS: readonly string[] = ['textDocument/hover', RenderRequest.method];

const RESPONSE = /^(Received response '([^']+) - \([^)]*\)' in [^\n]*)\n/;

/** A trace entry with the result of a redacted method's response replaced by a note. */
export function redactTrace(message: string): string {
  const match = RESPONSE.exec(message);
  if (!match || !REDACTED_METHODS.includes(match[2]!)) return message;
  return `${match[1]}\nResult: [redacted by Biome Manifests: may hold decoded Secret values]`;
}

/** `channel` with its `trace` entries (where the language client writes the message trace) redacted. */
export function redactingTraceChannel(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, property) {
      if (property === 'trace') return (message: string, ...args: unknown[]) => target.trace(redactTrace(message), ...args);
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
