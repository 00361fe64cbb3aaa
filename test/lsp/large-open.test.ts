/**
 * An open file over `biomeManifests.maxFileSizeMb` (issue #16: a 50 MB file took 119 s and 4.3 GB):
 * the documents within the limit are checked, the rest is not, and one diagnostic says so on the
 * line where checking stops. Requests on other files are answered while the big file is checked.
 * Behaviour only; the times are in `npm run bench` (docs/PERFORMANCE.md).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { HANG_GUARD_MS, startClient, type TestClient } from './harness';

const MB = 1024 * 1024;
const LIMIT_MB = 1;

/** Real-world styles in turn: block maps, a flow map, a block scalar, comments, a Deployment with a schema error. */
function documentAt(i: number, lastBroken = -1): string {
  switch (i % 4) {
    case 0:
      return `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i} # generated\ndata:\n  key: "${'x'.repeat(120)}"\n`;
    case 1:
      return `--- # flow\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: flow-${i}, labels: {app: a${i}}}\ndata: {a: b, c: "d e"}\n`;
    case 2:
      return `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: block-${i}\ndata:\n  app.conf: |\n    listen 80;\n    ---- not a marker\n    server_name x${i};\n`;
    default:
      return [
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: web-${i}`,
        'spec:',
        `  replicas: ${i === 3 || i === lastBroken ? '"two"' : '2'}`,
        '  selector:',
        `    matchLabels: {app: web-${i}}`,
        '  template:',
        '    metadata:',
        `      labels: {app: web-${i}}`,
        '    spec:',
        '      containers:',
        `        - name: web`,
        '          image: nginx:1.27',
        '',
      ].join('\n');
  }
}

interface BigFile {
  text: string;
  /** The line of the first document that does not fit in the limit. */
  cutLine: number;
  /** The line of `replicas` in the last broken Deployment (after the cut). */
  tailErrorLine: number;
}

function bigFile(megabytes: number, eol: '\n' | '\r\n'): BigFile {
  const count = Math.ceil((megabytes * MB) / 190);
  // The last Deployment has the same schema error as document 3: it would be reported if the tail were checked.
  let lastBroken = count - 1;
  while (lastBroken % 4 !== 3) lastBroken--;
  const docs = Array.from({ length: count }, (_, i) => documentAt(i, lastBroken).replaceAll('\n', eol));
  let chars = 0;
  let line = 0;
  let cutLine = -1;
  let tailErrorLine = -1;
  for (const [i, doc] of docs.entries()) {
    const lines = doc.split('\n').length - 1;
    if (cutLine < 0 && chars + doc.length > LIMIT_MB * MB) cutLine = line;
    if (i === lastBroken) tailErrorLine = line + 6;
    chars += doc.length;
    line += lines;
  }
  return { text: docs.join(''), cutLine, tailErrorLine };
}

describe('an open file over biomeManifests.maxFileSizeMb', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ settings: { maxFileSizeMb: LIMIT_MB } });
  });
  after(async () => {
    await client.stop();
  });

  for (const eol of ['\n', '\r\n'] as const) {
    it(`is checked up to the limit, and one diagnostic names the setting and where checking stopped (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
      const big = bigFile(3, eol);
      const uri = `file:///large/big-${eol.length}.yaml`;
      const diagnostics = await client.open(uri, big.text);
      const notes = diagnostics.filter((d) => d.code === 'file-partly-checked');
      assert.equal(notes.length, 1, 'one diagnostic says the file is checked in part');
      const note = notes[0]!;
      assert.equal(note.range.start.line, big.cutLine, 'on the line of the first document left out');
      assert.match(String(note.message), /biomeManifests\.maxFileSizeMb \(1 MB\)/);
      assert.match(String(note.message), new RegExp(`Lines ${big.cutLine + 1} to the end are not checked`));
      const others = diagnostics.filter((d) => d !== note);
      // Document 3's schema error (within the limit) is reported; the same error in the tail is not.
      assert.ok(
        others.some((d) => d.range.start.line === 6 + linesBefore(3, eol) && d.code === 'schema-type'),
        summary(others),
      );
      assert.ok(
        others.every((d) => d.range.start.line < big.cutLine),
        'nothing reported after the cut',
      );
      assert.ok(big.tailErrorLine > big.cutLine);
      // A request on the part left out is answered (nothing indexed there), not an error.
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: big.tailErrorLine, character: 4 } });
      assert.equal(hover, null);
      // Cut below the limit by an edit: checked whole, the note goes.
      const small = big.text.slice(0, 200_000);
      const whole = await client.change(uri, small.slice(0, small.lastIndexOf(`${eol}---`) + eol.length), 2);
      assert.ok(!whole.some((d) => d.code === 'file-partly-checked'), summary(whole));
      assert.ok(whole.some((d) => d.code === 'schema-type'));
      await client.close(uri);
    });
  }

  it('answers a hover on another file before the big file is checked', async () => {
    const small = 'file:///large/small.yaml';
    await client.open(small, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n');
    const uri = 'file:///large/big-while-hover.yaml';
    const order: string[] = [];
    const published = client.diagnostics(uri, 1, HANG_GUARD_MS).then((d) => {
      order.push('big file diagnostics');
      return d;
    });
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: bigFile(4, '\n').text } });
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 1, character: 2 } });
    order.push('hover');
    const diagnostics = await published;
    assert.ok(hover !== null, 'the hover on `kind` has content');
    assert.deepEqual(order, ['hover', 'big file diagnostics']);
    assert.equal(diagnostics.filter((d) => d.code === 'file-partly-checked').length, 1);
    await client.close(uri);
    await client.close(small);
  });
});

function linesBefore(index: number, eol: string): number {
  let lines = 0;
  for (let i = 0; i < index; i++) lines += documentAt(i).replaceAll('\n', eol).split('\n').length - 1;
  return lines;
}

function summary(diagnostics: Diagnostic[]): string {
  return JSON.stringify(diagnostics.slice(0, 5).map((d) => [d.range.start.line, d.code, String(d.message).slice(0, 80)]));
}
