/**
 * An LSP client and the real server on in-memory streams (no VS Code): the JSON-RPC wire exactly as
 * an editor speaks it. Waits on events (diagnostics for a version), never on fixed sleeps.
 */
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  RegistrationRequest,
  WorkDoneProgressCreateRequest,
  ShutdownRequest,
  ShowMessageNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/startServer';

/**
 * How long a wait on the server may take before the test calls it a hang: minutes, not seconds.
 * On a loaded 2-core machine a large file can take several seconds; speed targets are measured by
 * the benchmarks (`scripts/bench/`), not by these waits.
 */
export const HANG_GUARD_MS = 300_000;

export interface TestClient {
  connection: ProtocolConnection;
  open(uri: string, text: string, version?: number): Promise<Diagnostic[]>;
  change(uri: string, text: string, version: number): Promise<Diagnostic[]>;
  close(uri: string): Promise<void>;
  /** Resolves with the first diagnostics published for `uri` (at `version`, when given). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  latest(uri: string): PublishDiagnosticsParams | undefined;
  /** Resolves once the server has indexed the workspace (it logs so). */
  indexed: Promise<void>;
  stop(): Promise<void>;
}

export interface ClientOptions {
  workspaceFolders?: { uri: string; name: string }[];
  settings?: Record<string, unknown>;
  /** Receives every byte the server writes to the client, from the first (for tests that search all output). */
  wire?: (chunk: Buffer) => void;
  /** Receives the text of each `window/showMessage` notification, from the first. */
  onShowMessage?: (message: string) => void;
  /** Receives the text of each `window/logMessage` notification, from the first. */
  onLog?: (message: string) => void;
  /** False: return right after `initialized`, while the workspace is still being indexed (see `indexed`). */
  waitForIndex?: boolean;
}

export async function startClient(options: ClientOptions = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection);
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; version: number | undefined; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    latest.set(params.uri, params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && (waiter.version === undefined || waiter.version === params.version)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  const onShowMessage = options.onShowMessage;
  if (onShowMessage) connection.onNotification(ShowMessageNotification.type, (params) => onShowMessage(params.message));
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings ?? {}));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.listen();
  // After listen(): a second 'data' listener before the reader's would switch the stream to flowing early.
  if (options.wire) toClient.on('data', options.wire);
  await connection.sendRequest(InitializeRequest.type, {
    // null: a real pid makes the server poll for its parent and keep this test process alive.
    processId: null,
    rootUri: null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
    },
  });
  const ready = new Promise<void>((resolve) => {
    // The server logs once the workspace is indexed; wait for it before the test starts.
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      options.onLog?.(p.message);
      // Not "… not indexed: <reason>", which the load logs for a file it skips.
      if (/: indexed \d+ YAML files/.test(p.message)) resolve();
    });
  });
  await connection.sendNotification(InitializedNotification.type, {});
  if (options.waitForIndex !== false) await ready;

  const diagnostics = (uri: string, version?: number, timeoutMs = HANG_GUARD_MS): Promise<Diagnostic[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version ?? 'any'} in ${timeoutMs} ms`)), timeoutMs);
      timer.unref(); // a hang guard: it must not keep a finished test file alive
      waiters.push({
        uri,
        version,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });

  return {
    connection,
    async open(uri, text, version = 1) {
      const pending = diagnostics(uri, version);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
      return pending;
    },
    async change(uri, text, version) {
      const pending = diagnostics(uri, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
      return pending;
    },
    async close(uri) {
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    diagnostics,
    latest: (uri) => latest.get(uri),
    indexed: ready,
    async stop() {
      // No `exit` notification: the server would end this (shared) test process.
      await connection.sendRequest(ShutdownRequest.type);
      connection.dispose();
      serverConnection.dispose();
    },
  };
}
