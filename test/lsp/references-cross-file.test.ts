/**
 * Cross-file rules over the real JSON-RPC wire: editing the Secret or the Service re-checks the
 * open documents that depend on it (the deployment's secretKeyRef, prometheus.yml's targets).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startClient, type TestClient } from './harness';
import { SAMPLE_DIR } from '../helpers/paths';

const MINE = ['no-missing-secret-key', 'no-missing-secret', 'no-unexposed-scrape-port'];

function mine(diagnostics: { range: { start: { line: number } }; code?: unknown }[]): string[] {
  return diagnostics.filter((d) => MINE.includes(String(d.code))).map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
}

describe('cross-file reference rules over LSP', () => {
  let client: TestClient;
  let root: string;
  const uriOf = (relative: string): string => pathToFileURL(path.join(root, relative)).href;
  const textOf = (relative: string): string => fs.readFileSync(path.join(root, relative), 'utf8');

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-refs-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'sample' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('clears the missing-key error in the Deployment when the key is added to the Secret', async () => {
    const deployment = 'biome/main-app-deployment.yaml';
    const secrets = 'biome/app-secrets.yaml';
    const broken = textOf(deployment).replace('key: JWT_SECRET', 'key: JWT_TOKEN');
    assert.deepEqual(mine(await client.open(uriOf(deployment), broken)), ['31 no-missing-secret-key']);
    await client.open(uriOf(secrets), textOf(secrets));
    const recheck = client.diagnostics(uriOf(deployment));
    await client.change(uriOf(secrets), `${textOf(secrets)}stringData:\n  JWT_TOKEN: t0ken\n`, 2);
    assert.deepEqual(mine(await recheck), []);
  });

  it('clears the scrape-port warning in prometheus.yml when the Service exposes the port', async () => {
    const prometheus = 'infrastructure/monitoring/prometheus.yml';
    // main-app-deployment.yaml is open since the previous test (version 1).
    const deployment = 'biome/main-app-deployment.yaml';
    assert.deepEqual(mine(await client.open(uriOf(prometheus), textOf(prometheus))), ['17 no-unexposed-scrape-port']);
    const withPort = textOf(deployment).replace(
      '    - port: 80\n      targetPort: 3000',
      '    - port: 80\n      targetPort: 3000\n    - name: metrics\n      port: 3000',
    );
    const recheck = client.diagnostics(uriOf(prometheus));
    await client.change(uriOf(deployment), withPort, 2);
    assert.deepEqual(mine(await recheck), []);
  });
});
