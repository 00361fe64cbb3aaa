/**
 * The language server on a connection: one `registerX(connection, session)` per group of handlers,
 * each small enough to read at once. Features live in lsp/ (pure functions over the engine); state
 * lives in lsp/session.ts.
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
import { storeWithCustomResources } from '../engine/crd/customResourceChecker';
import type { ManifestFile } from '../engine/document/manifestFile';
import type { InsightSettings } from '../engine/insight/types';
import { VERSION } from '../version';
import { registerSecretRequests } from './secrets';
import { IndexStatusNotification, RenderRequest, ResourceGraphRequest, ServicesRequest } from '../protocol';
import { renderManifests } from './render';
import { listServices } from './services';
import { resourceGraph } from './graph';
import { IndexStatusReporter } from './indexStatus';
import { JSON_FILE } from '../engine/monitoring/dashboards';
import { isConfigUri } from './projectConfigs';
import { configCompletionAt, configHoverAt } from './configInsight';

/** What the client said it supports in `initialize` (read later, by the handlers that depend on it). */
interface ClientSupport {
  configuration: boolean;
  dynamicWatch: boolean;
  progress: boolean;
}

/** Wires the server onto `connection` and starts listening; returns the session (for tests). */
export function startServer(connection: Connection): Session {
  const support: ClientSupport = { configuration: false, dynamicWatch: false, progress: false };
  const session = new Session(connection, () => support.configuration);
  const indexStatus = registerIndexStatus(connection, session);
  // Settles when the start-up load of the workspace ends (loaded or failed): renders wait for it.
  let endStartupLoad = (): void => undefined;
  const startupLoad = new Promise<void>((resolve) => (endStartupLoad = resolve));
  registerLifecycle(connection, session, support, indexStatus, endStartupLoad);
  const documents = registerDocuments(connection, session, indexStatus);
  registerWatchedFiles(connection, session, indexStatus);
  registerSymbolsAndActions(connection, session);
  registerInsight(connection, session);
  registerCustomRequests(connection, session, startupLoad);
  documents.listen(connection);
  connection.listen();
  return session;
}

/**
 * A notification has no answer to carry an error: a throw or a rejection in its handler would be
 * unhandled and end the server. Each is caught here and logged.
 */
function logged<A extends unknown[]>(connection: Connection, name: string, handler: (...args: A) => unknown) {
  return async (...args: A): Promise<void> => {
    try {
      await handler(...args);
    } catch (error) {
      connection.console.error(`${name} failed: ${errorText(error)}`);
    }
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `initialize` (capabilities both ways), `initialized` (index the workspace), settings changes, `shutdown`. */
function registerLifecycle(connection: Connection, session: Session, support: ClientSupport, indexStatus: IndexStatusReporter, loaded: () => void): void {
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    support.configuration = caps.workspace?.configuration === true;
    support.dynamicWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    support.progress = caps.window?.workDoneProgress === true;
    session.setWorkspaceFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
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
  connection.onInitialized(logged(connection, 'initialized', () => indexWorkspace(connection, session, support, indexStatus).finally(loaded)));
  connection.onDidChangeConfiguration(
    logged(connection, 'didChangeConfiguration', async () => {
      session.settings.clear();
      // Settings are live: a changed `exclude` re-scans the workspace; levels and options re-check.
      try {
        await session.loadWorkspace(() => undefined);
      } catch (error) {
        connection.console.error(`re-indexing failed: ${errorText(error)}`);
      }
      session.validateAll();
    }),
  );
  connection.onShutdown(() => {
    session.dispose();
    indexStatus.dispose();
  });
}

/** After `initialized`: register for settings and file events, index every YAML file, then check them all. */
async function indexWorkspace(connection: Connection, session: Session, support: ClientSupport, indexStatus: IndexStatusReporter): Promise<void> {
  if (support.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'biomeManifests' });
  if (support.dynamicWatch) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] });
  }
  const progress = support.progress ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Biome Manifests: indexing', 0, 'scanning workspace', false);
  try {
    const count = await session.loadWorkspace((message, percent) => progress?.report(percent, message));
    connection.console.info(`Biome Manifests ${VERSION}: indexed ${count} YAML files`);
  } catch (error) {
    connection.console.error(`indexing failed: ${errorText(error)}`);
  } finally {
    progress?.done();
  }
  indexStatus.flush();
  session.validateAll();
}

/** Open, changed and closed documents go to the session; returns the document manager (listened to last). */
function registerDocuments(connection: Connection, session: Session, indexStatus: IndexStatusReporter): TextDocuments<TextDocument> {
  // A file opened as it is on disk shares the indexed string: one copy of its text, not two.
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, session.indexedText(uri, content)),
    update: (document, changes, version) => TextDocument.update(document, changes, version),
  });
  documents.onDidOpen(logged(connection, 'didOpen', ({ document }) => session.didOpen(document.uri, document.getText(), document.version)));
  documents.onDidChangeContent(
    logged(connection, 'didChange', ({ document }) => {
      // A .json file not (yet) followed may be being typed into a dashboard: the session decides.
      if (session.open.has(document.uri) || JSON_FILE.test(document.uri)) session.didChange(document.uri, document.getText(), document.version);
    }),
  );
  documents.onDidClose(logged(connection, 'didClose', ({ document }) => session.didClose(document.uri)));
  documents.onDidChangeContent(() => indexStatus.schedule());
  documents.onDidClose(() => indexStatus.schedule());
  return documents;
}

/** Files changed, created or deleted on disk (the client's watcher). */
function registerWatchedFiles(connection: Connection, session: Session, indexStatus: IndexStatusReporter): void {
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    // Each entry on its own: one bad URI must not leave the later deletions stale.
    for (const change of changes) {
      await logged(connection, `watched file ${change.uri}`, () => session.fileChangedOnDisk(change.uri, change.type === FileChangeType.Deleted))();
    }
    indexStatus.schedule();
  });
}

/** The status bar's counts (`biomeManifests/indexStatus`), sent after changes. */
function registerIndexStatus(connection: Connection, session: Session): IndexStatusReporter {
  const reporter = new IndexStatusReporter(
    session.engine.index,
    (status) => void connection.sendNotification(IndexStatusNotification, status),
    undefined,
    () => session.configs.inEffect,
  );
  session.onConfigsChanged = () => reporter.schedule();
  return reporter;
}

/** Outline, workspace symbols and quick fixes. */
function registerSymbolsAndActions(connection: Connection, session: Session): void {
  connection.onDocumentSymbol(({ textDocument }) => {
    const file = session.engine.index.getFile(textDocument.uri);
    return file ? documentSymbols(file) : [];
  });
  connection.onWorkspaceSymbol(({ query }) => workspaceSymbols(session.engine.index, query));
  connection.onCodeAction(({ textDocument, context }) => {
    const file = session.engine.index.getFile(textDocument.uri);
    return file ? codeActions(file, context.diagnostics, context.only) : [];
  });
}

/** Hover, completion, definition, references and code lenses (engine/insight through lsp/insight.ts). */
function registerInsight(connection: Connection, session: Session): void {
  const insight: InsightDeps = {
    index: session.engine.index,
    // Custom resources complete and hover from their CRDs like built-in kinds from kubernetes.json.
    store: storeWithCustomResources(loadSchemaStore(), session.engine.customResources),
    onError: (id, error) => connection.console.error(`${id} failed: ${errorText(error)}`),
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
}

/** The client's commands (protocol.ts); each handler is a pure function over the index. */
function registerCustomRequests(connection: Connection, session: Session, startupLoad: Promise<void>): void {
  // Answered once the workspace is loaded and the texts received before the request are indexed (their parse may
  // still be in slices): a preview was otherwise answered without the patches not yet loaded, or from the text before
  // an edit, and kept that until the next change; a Service at the cursor was looked up in another text.
  const indexed = async (): Promise<void> => {
    await startupLoad;
    await session.parser.settled();
  };
  connection.onRequest(RenderRequest, async (params) => {
    await indexed();
    return renderManifests(session.engine.index, params);
  });
  connection.onRequest(ServicesRequest, async (params) => {
    await indexed();
    return listServices(session.engine.index, params);
  });
  connection.onRequest(ResourceGraphRequest, async () => {
    await indexed();
    return resourceGraph(session.engine.index);
  });
  registerSecretRequests(connection);
}
