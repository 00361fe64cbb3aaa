/**
 * Owns the language client, the output channel and every disposable of the extension: those that
 * live as long as the extension (`own`, features) and those that live as long as one server session
 * (handlers registered on a LanguageClient, disposed when it is restarted or the extension stops).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  CodeLensRequest,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { RequestType } from 'vscode-languageserver-protocol';
import { logLevel, SECTION, type LogLevel } from './config';
import { IndexStatusItem } from './indexStatusItem';
import { VersionStatusItem } from './versionStatusItem';
import { RestartPolicy } from './restartPolicy';
import { IndexStatusNotification } from '../../server/src/protocol';
import { redactingTraceChannel } from './traceRedaction';
import { UnchangedDiagnostics } from './unchangedDiagnostics';
import { LargeFileLenses } from './largeFileLenses';
import type { RenderedPreviewProvider } from './preview/renderedProvider';
import type { ResourceMapPanel } from './commands/showResourceMap';
import type { SecretFileSystem } from './secrets/secretFs';

/** The shared objects features create on first use, by key: `ctx.feature(key, …)` is typed by this map. */
export interface Features {
  renderedPreview: RenderedPreviewProvider;
  resourceMap: ResourceMapPanel;
  secretFileSystem: SecretFileSystem;
}

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug', 'trace'];

export class Ctx implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  readonly output: vscode.LogOutputChannel;
  /** How long activate() took (the server starts after it, in the background). */
  activationMs = 0;
  /** Milliseconds from the server's start to its first published diagnostics, once known. */
  firstDiagnosticsMs: number | undefined;
  readonly indexStatus: IndexStatusItem;
  /** Shows the Kubernetes release the workspace targets. */
  readonly versionStatus: VersionStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** Disposables of the current server session (the running LanguageClient's handlers). */
  private readonly session: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Biome Manifests', { log: true });
    this.indexStatus = new IndexStatusItem();
    this.versionStatus = new VersionStatusItem();
    this.disposables.push(this.output, this.indexStatus, this.versionStatus);
  }

  /** Writes to the output channel when `biomeManifests.logLevel` lets `level` through. Never pass secret values. */
  log(level: LogLevel, message: string): void {
    if (LOG_LEVELS.indexOf(level) > LOG_LEVELS.indexOf(logLevel())) return;
    this.output[level === 'warn' ? 'warn' : level](message);
  }

  /**
   * Sends a custom request, starting the server when it is not running. While it cannot start, says
   * so once and resolves to undefined: commands then stop with nothing changed.
   */
  async request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | undefined> {
    try {
      const client = this.client?.isRunning() ? this.client : await this.start();
      // By method name: the typed overload's conditional parameter type does not resolve for a generic P.
      return await client.sendRequest<R>(type.method, params);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log('error', `${type.method} failed: ${reason}`);
      void vscode.window.showErrorMessage(
        `Biome Manifests: the language server did not answer ${type.method} (${reason}). Run "Biome Manifests: Restart Language Server" and try again.`,
      );
      return undefined;
    }
  }

  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  private readonly shared: Partial<Features> = {};

  /** A feature's shared object (content provider, panel…), created on first use and disposed with the extension. */
  feature<K extends keyof Features>(key: K, create: () => Features[K]): Features[K] {
    const found = this.shared[key];
    if (found) return found;
    const created = create();
    this.shared[key] = created;
    this.disposables.push(created);
    return created;
  }

  /** Registers a disposable for the extension's lifetime. */
  own(disposable: vscode.Disposable): void {
    this.disposables.push(disposable);
  }

  /** Starts the server once; later calls return the same client. */
  start(): Promise<LanguageClient> {
    this.starting ??= this.createAndStart();
    return this.starting;
  }

  async restart(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    await this.endSession(client);
    await this.start();
  }

  /** Disposes the session's handlers, then the client they were registered on. */
  private async endSession(client: LanguageClient | undefined): Promise<void> {
    for (const d of this.session.splice(0)) d.dispose();
    if (client) await client.dispose();
  }

  private async createAndStart(): Promise<LanguageClient> {
    const startedAt = performance.now();
    // Both keep the workbench's UI thread from redrawing what a large file did not change (issue #15 item 10).
    const unchanged = new UnchangedDiagnostics();
    const lenses = new LargeFileLenses((document) => this.client?.getFeature(CodeLensRequest.method).getProvider(document)?.onDidChangeCodeLensEmitter.fire());
    this.session.push(lenses);
    const module = this.extension.asAbsolutePath(path.join('dist', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
        // Grafana dashboards are checked as typed: the server follows only .json files that are dashboards.
        { scheme: 'file', language: 'json', pattern: '**/*.json' },
      ],
      synchronize: { configurationSection: SECTION },
      // Hovers may link to this one command (a Secret value's Reveal); every other command link stays disabled.
      markdown: { isTrusted: { enabledCommands: ['biomeManifests.revealSecretValue'] } },
      outputChannel: this.output,
      // The trace is written to disk with the channel: decoded Secret values are redacted from it.
      traceOutputChannel: redactingTraceChannel(this.output),
      errorHandler: this.errorHandler(),
      initializationFailedHandler: (error) => {
        const reason = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(
          `Biome Manifests: the language server did not start (${reason}). Run "Biome Manifests: Restart Language Server" to try again.`,
        );
        return false;
      },
      middleware: {
        handleDiagnostics: (uri, diagnostics, next) => {
          if (this.firstDiagnosticsMs === undefined) {
            this.firstDiagnosticsMs = performance.now() - startedAt;
            this.output.info(`first diagnostics ${this.firstDiagnosticsMs.toFixed(0)} ms after the server started`);
          }
          if (!unchanged.isRepeat(uri.toString(), diagnostics)) next(uri, diagnostics);
        },
        ...lenses.middleware,
      },
    };
    const client = new LanguageClient('biomeManifests', 'Biome Manifests', serverOptions, clientOptions);
    this.session.push(client.onNotification(IndexStatusNotification, (status) => this.indexStatus.update(status)));
    await client.start();
    this.client = client;
    return client;
  }

  /** Restarts a crashed server a bounded number of times (restartPolicy.ts) and says so each time. */
  private errorHandler(): ErrorHandler {
    const policy = new RestartPolicy();
    return {
      // Malformed messages: keep going for a few, then shut down (the library's default).
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => {
        const decision = policy.onCrash(Date.now());
        this.output.error(decision.message);
        if (decision.restart) void vscode.window.showWarningMessage(decision.message);
        else void vscode.window.showErrorMessage(decision.message);
        return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    };
  }

  async dispose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await this.endSession(client);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
