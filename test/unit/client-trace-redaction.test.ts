/**
 * Secrets in traces (issue #16): with `trace.server: verbose` the language client writes every
 * answer to the output channel, which VS Code backs with a file. The message trace is produced here
 * by vscode-jsonrpc's own tracer over a real connection, formatted as the language client formats it
 * (`message\ndata`), and written to the channel the extension gives the client.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type * as vscode from 'vscode';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, Trace, type Tracer } from 'vscode-languageserver-protocol/node';
import { redactingTraceChannel, redactTrace } from '../../client/src/traceRedaction';
import { secretValueMarkdown } from '../../server/src/engine/insight/secrets';

const SECRET = 'supersecret';

/** A LogOutputChannel that records what reaches it (the file VS Code would write). */
function recordingChannel(): { channel: vscode.LogOutputChannel; written: string[] } {
  const written: string[] = [];
  const record = (message: string): void => void written.push(message);
  const channel = {
    name: 'Biome Manifests',
    logLevel: 1,
    trace: record,
    debug: record,
    info: record,
    warn: record,
    error: record,
    appendLine: record,
    append: record,
  };
  return { channel: channel as unknown as vscode.LogOutputChannel, written };
}

async function traceOneRequest(method: string, result: unknown, channel: vscode.LogOutputChannel): Promise<void> {
  const [a, b] = [new PassThrough(), new PassThrough()];
  const server = createMessageConnection(new StreamMessageReader(a), new StreamMessageWriter(b));
  const client = createMessageConnection(new StreamMessageReader(b), new StreamMessageWriter(a));
  server.onRequest(method, () => result);
  server.listen();
  client.listen();
  // As vscode-languageclient's tracer does: `message` and `data` joined by a newline, to channel.trace.
  const tracer: Tracer = { log: (message: string, data?: string) => channel.trace(data ? `${message}\n${data}` : message) };
  await client.trace(Trace.Verbose, tracer);
  await client.sendRequest(method, { textDocument: { uri: 'file:///s.yaml' }, position: { line: 5, character: 4 } });
  client.dispose();
  server.dispose();
}

describe('trace redaction', () => {
  const hover = { contents: { kind: 'markdown', value: secretValueMarkdown('JWT_SECRET', Buffer.from(SECRET).toString('base64'), true) } };

  it('the hover answer is in the plain trace (the reproduction) …', async () => {
    assert.match(hover.contents.value, new RegExp(SECRET));
    const { channel, written } = recordingChannel();
    await traceOneRequest('textDocument/hover', hover, channel);
    assert.match(written.join('\n'), new RegExp(SECRET));
  });

  it('… and not in the trace through the channel the extension gives the client', async () => {
    const { channel, written } = recordingChannel();
    await traceOneRequest('textDocument/hover', hover, redactingTraceChannel(channel));
    const all = written.join('\n');
    assert.doesNotMatch(all, new RegExp(SECRET));
    assert.match(all, /Received response 'textDocument\/hover - \(\d+\)' in \d+ms\.\nResult: \[redacted by Biome Manifests: may hold decoded Secret values\]/);
    assert.match(all, /Sending request 'textDocument\/hover - \(\d+\)'/);
  });

  it('a revealed render answer is redacted too; other answers pass unchanged', async () => {
    const { channel, written } = recordingChannel();
    const proxied = redactingTraceChannel(channel);
    await traceOneRequest('biomeManifests/render', { text: `JWT_SECRET: ${SECRET}` }, proxied);
    await traceOneRequest('textDocument/documentSymbol', [{ name: 'Deployment main-app' }], proxied);
    const all = written.join('\n');
    assert.doesNotMatch(all, new RegExp(SECRET));
    assert.match(all, /Deployment main-app/);
    assert.equal(proxied.name, 'Biome Manifests');
    assert.equal(
      redactTrace('Received response \'textDocument/completion - (3)\' in 1ms.\nResult: {"x":1}'),
      'Received response \'textDocument/completion - (3)\' in 1ms.\nResult: {"x":1}',
    );
  });
});
