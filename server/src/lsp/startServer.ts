/**
 * The language server on a connection: documents, capability negotiation and handler wiring.
 * Features live in lsp/ (pure functions over the engine); state lives in lsp/session.ts.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type Connection,
  type Position,
  type TextDocumentPositionParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Session } from './session';
import { documentSymbols, workspaceSymbols } from './symbols';
import { codeActions } from './codeActions';
import { codeLenses, completionAt, definitionAt, hoverAt, referencesAt, type InsightDeps } from './insight';
import { loadSchemaStore } from '../engine/schema';
import type { ManifestFile } from '../engine/document/manifestFile';
import type { InsightSettings } from '../engine/insight/types';
import { VERSION } from '../version';
import { registerSecretRequests } from './secrets';
import { IndexStatusNotification, RenderRequest, ResourceGraphRequest, ServicesRequest } from '../protocol';
import { renderManifests } from './render';
import { listServices } from './services';
import { resourceGraph } from './graph';
import { IndexStatusReporter } from './indexStatus';
import { isConfigUri } from './projectConfigs';
import { configCompletionAt, configHoverAt } from './configInsight';

/** Wires the server onto `connection` and starts listening; returns the session (for tests). */
export function startServer(connection: Connection): Session {
  let configurationSupported = false;
  let dynamicWatchSupported = false;
  let progressSupported = false;
  const session = new Session(connection, () => configurationSupported);
  /**
   * A notification has no answer to carry an error: a throw or a rejection in its handler would be
   * unhandled and end the server. Each is caught here and logged.
   */
  const logged =
    <A extends unknown[]>(name: string, handler: (...args: A) => unknown) =>
    async (...args: A): Promise<void> => {
      try {
        await handler(...args);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  // A file opened as it is on disk shares the indexed string: one copy of its text, not two.
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, session.indexedText(uri, content)),
    update: (document, changes, version) => TextDocument.update(document, changes, version),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    configurationSupported = caps.workspace?.configuration === true;
    dynamicWatchSupported = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    progressSupported = caps.window?.workDoneProgress === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    session.setWorkspaceFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'biome-manifests', version: VERSION },
    };
  });

  // Not re-indented under `logged(…)`, to keep this change small; both bodies also catch their own indexing errors.
  connection.onInitialized(logged('initialized', async () => {
    if (configurationSupported) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'biomeManifests' });
    }
    if (dynamicWatchSupported) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    const progress = progressSupported ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Biome Manifests: indexing', 0, 'scanning workspace', false);
    try {
      const count = await session.loadWorkspace((message, percent) => progress?.report(percent, message));
      connection.console.info(`Biome Manifests ${VERSION}: indexed ${count} YAML files`);
    } catch (error) {
      connection.console.error(`indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      progress?.done();
    }
    indexStatus.flush();
    session.validateAll();
  }));

  connection.onDidChangeConfiguration(logged('didChangeConfiguration', async () => {
    session.settings.clear();
    // Settings are live: a changed `exclude` re-scans the workspace; levels and options re-check.
    try {
      await session.loadWorkspace(() => undefined);
    } catch (error) {
      connection.console.error(`re-indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    session.validateAll();
  }));

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    // Each entry on its own: one bad URI must not leave the later deletions stale.
    for (const change of changes) {
      await logged(`watched file ${change.uri}`, () => session.fileChangedOnDisk(change.uri, change.type === FileChangeType.Deleted))();
    }
    indexStatus.schedule();
  });

  documents.onDidOpen(logged('didOpen', ({ document }) => session.didOpen(document.uri, document.getText(), document.version)));
  documents.onDidChangeContent(
    logged('didChange', ({ document }) => {
      if (session.open.has(document.uri)) session.didChange(document.uri, document.getText(), document.version);
    }),
  );
  documents.onDidClose(logged('didClose', ({ document }) => session.didClose(document.uri)));

  connection.onDocumentSymbol(({ textDocument }) => {
    const file = session.engine.index.getFile(textDocument.uri);
    return file ? documentSymbols(file) : [];
  });

  connection.onWorkspaceSymbol(({ query }) => workspaceSymbols(session.engine.index, query));

  connection.onCodeAction(({ textDocument, context }) => {
    const file = session.engine.index.getFile(textDocument.uri);
    return file ? codeActions(file, context.diagnostics, context.only) : [];
  });

  const insight: InsightDeps = {
    index: session.engine.index,
    store: loadSchemaStore(),
    onError: (id, error) => connection.console.error(`${id} failed: ${error instanceof Error ? error.message : String(error)}`),
  };
  /** Runs a cursor feature on the indexed file with the resource's settings. */
  const atCursor =
    <T>(empty: T, feature: (file: ManifestFile, position: Position, settings: InsightSettings) => T) =>
    async ({ textDocument, position }: TextDocumentPositionParams): Promise<T> => {
      const file = session.engine.index.getFile(textDocument.uri);
      if (!file) return empty;
      const settings = await session.settings.get(textDocument.uri);
      return feature(file, position, { showDecodedSecrets: settings.showDecodedSecrets });
    };
  // The project config file has its own schema (lsp/configInsight.ts), not a manifest's.
  connection.onHover(atCursor(null, (f, p, s) => (isConfigUri(f.uri) ? configHoverAt(f.text, p) : hoverAt(insight, f, p, s))));
  connection.onCompletion(
    atCursor({ isIncomplete: false, items: [] }, (f, p, s) => (isConfigUri(f.uri) ? configCompletionAt(f.text, p) : completionAt(insight, f, p, s))),
  );
  connection.onDefinition(atCursor([], (f, p, s) => definitionAt(insight, f, p, s)));
  connection.onReferences(atCursor([], (f, p, s) => referencesAt(insight, f, p, s)));
  connection.onCodeLens(({ textDocument }) => {
    const file = session.engine.index.getFile(textDocument.uri);
    return file ? codeLenses(insight, file) : [];
  });

  // The client's commands (protocol.ts); each handler is a pure function over the index.
  const indexStatus = new IndexStatusReporter(
    session.engine.index,
    (status) => void connection.sendNotification(IndexStatusNotification, status),
    undefined,
    () => session.configs.inEffect,
  );
  session.onConfigsChanged = () => indexStatus.schedule();
  documents.onDidChangeContent(() => indexStatus.schedule());
  documents.onDidClose(() => indexStatus.schedule());
  connection.onRequest(RenderRequest, (params) => renderManifests(session.engine.index, params));
  connection.onRequest(ServicesRequest, (params) => listServices(session.engine.index, params));
  connection.onRequest(ResourceGraphRequest, () => resourceGraph(session.engine.index));
  registerSecretRequests(connection);

  connection.onShutdown(() => {
    session.dispose();
    indexStatus.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return session;
}
