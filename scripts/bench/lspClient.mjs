// A standard LSP client (vscode-languageserver-protocol) driving a language server over stdio, the
// way an editor does: initialize with a workspace folder, answer workspace/configuration, open and
// edit documents, and time the publishDiagnostics that answers each open or edit.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver-protocol/node';

const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidChangeConfigurationNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  RegistrationRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  CompletionRequest,
  HoverRequest,
  DocumentSymbolRequest,
  ShutdownRequest,
  ExitNotification,
} = lsp;

/** Peak resident set size of a process (VmHWM), in MiB; undefined when /proc is not available. */
export function peakRssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts `command args` and speaks LSP to it. `server.settings` is a tree of sections the client
 * returns for workspace/configuration (`yaml`, `biomeManifests`, …); `versioned` says the server
 * sends the document version with its diagnostics (then only that version answers an edit).
 */
export async function startServer({ name, command, args, cwd, folder, settings, versioned, env }) {
  const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  const logs = [];
  let lastPublish = Date.now();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    lastPublish = Date.now();
    for (const waiter of [...waiters]) {
      if (waiter.uri !== params.uri) continue;
      if (versioned && waiter.version !== undefined && params.version !== waiter.version) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve({ at, diagnostics: params.diagnostics });
    }
  });
  connection.onNotification('window/logMessage', (p) => logs.push(p.message));
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => sectionOf(settings, item.section)));
  connection.onRequest(RegistrationRequest.type, () => null);
  connection.onRequest(UnregistrationRequest.type, () => null);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  connection.onNotification('$/progress', () => undefined);
  connection.onNotification('telemetry/event', () => undefined);
  connection.onUnhandledNotification(() => undefined);
  connection.listen();

  const folderUri = pathToFileURL(folder).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'corpus' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      window: { workDoneProgress: true },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidChangeConfigurationNotification.type, { settings });

  /** Resolves with the time (performance.now) of the diagnostics for `uri` (at `version`). */
  function diagnosticsAfter(uri, version, timeoutMs = 600_000) {
    return new Promise((resolve, reject) => {
      const waiter = { uri, version, resolve: (r) => (clearTimeout(timer), resolve(r)) };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`${name}: no diagnostics for ${uri} v${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  }

  return {
    name,
    pid: child.pid,
    logs,
    stderr: () => stderr,
    /** Waits until no diagnostics were published for `quietMs` (the server is idle). */
    async settle(quietMs = 500, maxMs = 600_000) {
      const start = Date.now();
      while (Date.now() - lastPublish < quietMs && Date.now() - start < maxMs) await sleep(50);
    },
    async waitForLog(fragment, maxMs = 600_000) {
      const start = Date.now();
      while (!logs.some((l) => l.includes(fragment))) {
        if (Date.now() - start > maxMs) throw new Error(`${name}: no log "${fragment}" within ${maxMs} ms`);
        await sleep(20);
      }
    },
    /** Opens a document; resolves with milliseconds to its diagnostics and their count. */
    async open(uri, text, version = 1) {
      const answered = diagnosticsAfter(uri, version);
      const sent = performance.now();
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
      const { at, diagnostics } = await answered;
      return { ms: at - sent, count: diagnostics.length };
    },
    /** Applies incremental edits; resolves with milliseconds to the diagnostics of `version`. */
    async change(uri, version, contentChanges) {
      const answered = diagnosticsAfter(uri, version);
      const sent = performance.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
      const { at, diagnostics } = await answered;
      return { ms: at - sent, count: diagnostics.length };
    },
    /** Sends an edit without waiting for its diagnostics (typing faster than the server validates). */
    async changeNoWait(uri, version, contentChanges) {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    },
    diagnosticsAfter,
    async timed(method, params) {
      const type = method === 'completion' ? CompletionRequest.type : method === 'documentSymbol' ? DocumentSymbolRequest.type : HoverRequest.type;
      const sent = performance.now();
      const result = await connection.sendRequest(type, params);
      return { ms: performance.now() - sent, result };
    },
    peakRssMiB: () => peakRssMiB(child.pid),
    async stop() {
      const timeout = sleep(5000).then(() => 'timeout');
      await Promise.race([connection.sendRequest(ShutdownRequest.type).catch(() => undefined), timeout]);
      await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      const result = await Promise.race([exited, sleep(3000).then(() => undefined)]);
      if (!result) child.kill('SIGKILL');
      connection.dispose();
    },
  };
}

function sectionOf(settings, section) {
  if (!section) return settings;
  let value = settings;
  for (const part of section.split('.')) {
    if (value === null || typeof value !== 'object' || !(part in value)) return null;
    value = value[part];
  }
  return value;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
