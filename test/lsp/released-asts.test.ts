/**
 * The server releases the ASTs of closed files once they are checked (ParsedChunk.release): what a
 * user sees must not change. Closed files get the same diagnostics as when opened, requests that
 * land in a closed file (go to definition) get exact ranges, and only documents with findings or
 * requests are parsed again.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, HoverRequest, type Diagnostic, type Location } from 'vscode-languageserver-protocol/node';
import { startClient, type TestClient } from './harness';
import { SAMPLE_DIR } from '../helpers/paths';
import { ParsedChunk } from '../../server/src/engine/document/parsedChunk';

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`)
    .sort();
}

describe('released ASTs over LSP', () => {
  let client: TestClient;
  let root: string;
  let reparsesBefore: number;
  const uriOf = (relative: string): string => pathToFileURL(path.join(root, relative)).href;
  const textOf = (relative: string): string => fs.readFileSync(path.join(root, relative), 'utf8');
  const manifests = fs.readdirSync(path.join(SAMPLE_DIR, 'biome')).map((name) => `biome/${name}`);

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-release-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
    reparsesBefore = ParsedChunk.reparses;
    const waiting = new Map<string, Promise<Diagnostic[]>>();
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'sample' }] });
    // Closed files are checked after the index is built (diagnostics.scope: workspace).
    for (const relative of manifests)
      waiting.set(
        relative,
        client.latest(uriOf(relative)) ? Promise.resolve(client.latest(uriOf(relative))!.diagnostics) : client.diagnostics(uriOf(relative)),
      );
    await Promise.all(waiting.values());
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('parses again only a few documents to place the closed files’ findings', () => {
    const withFindings = manifests.filter((m) => (client.latest(uriOf(m))?.diagnostics.length ?? 0) > 0).length;
    assert.ok(withFindings >= 3, `the sample has findings in closed files (${withFindings} files)`);
    const documents = manifests.reduce((n, m) => n + textOf(m).split(/^---/m).length, 0);
    const reparsed = ParsedChunk.reparses - reparsesBefore;
    assert.ok(reparsed > 0, 'the ASTs were released, and parsed again to place findings');
    assert.ok(reparsed < documents, `re-parsed ${reparsed} of ${documents} documents`);
  });

  it('a closed file has the same diagnostics as when it is opened', async () => {
    for (const relative of manifests) {
      const closed = summary(client.latest(uriOf(relative))!.diagnostics);
      const opened = summary(await client.open(uriOf(relative), textOf(relative)));
      assert.deepEqual(opened, closed, relative);
      await client.close(uriOf(relative));
    }
  });

  it('go to definition lands on the exact name in a closed file, and hover answers there', async () => {
    const hpa = 'biome/main-app-hpa.yaml';
    const deployment = 'biome/main-app-deployment.yaml';
    await client.open(uriOf(hpa), textOf(hpa), 2);
    const line = textOf(hpa).split('\n').indexOf('    name: main-app');
    const found = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf(hpa) },
      position: { line, character: 12 },
    })) as Location | Location[] | null;
    const target = Array.isArray(found) ? found[0] : found;
    assert.ok(target, 'a definition');
    assert.equal(target.uri, uriOf(deployment));
    const lines = textOf(deployment).split('\n');
    assert.match(lines[target.range.start.line]!, /^ {2}name: main-app$/);
    await client.open(uriOf(deployment), textOf(deployment), 3);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(deployment) }, position: target.range.start });
    assert.ok(hover, 'hover on the released document answers');
  });
});
