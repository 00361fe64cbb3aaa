/** Owns the language client, the output channel and every disposable of the extension. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SECTION } from './config';

export class Ctx implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  readonly output: vscode.LogOutputChannel;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Biome Manifests', { log: true });
    this.disposables.push(this.output);
  }

  get languageClient(): LanguageClient | undefined {
    return this.client;
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
    if (client) await client.dispose();
    await this.start();
  }

  private async createAndStart(): Promise<LanguageClient> {
    const module = this.extension.asAbsolutePath(path.join('dist', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
      ],
      synchronize: { configurationSection: SECTION },
      outputChannel: this.output,
      traceOutputChannel: this.output,
    };
    const client = new LanguageClient('biomeManifests', 'Biome Manifests', serverOptions, clientOptions);
    await client.start();
    this.client = client;
    return client;
  }

  async dispose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
