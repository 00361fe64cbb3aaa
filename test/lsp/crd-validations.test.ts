/**
 * A CRD's `pattern` and logical junctors over the real JSON-RPC wire: an open custom resource gets their
 * diagnostics, follows a CRD edit that breaks the pattern (then the CRD has the error and the value is no longer
 * matched), and a catalog kind at an older operator release's version is an information, never an error.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: routes.example.com}
spec:
  group: example.com
  names: {kind: Route, plural: routes}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                host: {type: string, pattern: "^[a-z0-9.-]+$"}
                match:
                  type: object
                  properties:
                    exact: {type: string}
                    prefix: {type: string}
                  oneOf:
                    - required: [exact]
                    - required: [prefix]
`;

const ROUTE = `apiVersion: example.com/v1
kind: Route
metadata: {name: r}
spec:
  host: Example.COM
  match: {exact: /a, prefix: /b}
`;

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${String(d.code)} ${messageOf(d)}`).sort();
}

describe('CRD patterns and junctors over LSP', () => {
  let client: TestClient;
  let root: string;
  const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).href;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-crd-validations-'));
    fs.writeFileSync(path.join(root, 'crd.yaml'), CRD);
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'v' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports a value off its pattern and a oneOf matched twice; a CRD edit that breaks the pattern moves the error to the CRD', async () => {
    const route = uriOf('route.yaml');
    assert.deepEqual(summary(await client.open(route, ROUTE)), [
      '4:8 1 schema-type `host` must match the pattern `^[a-z0-9.-]+$`, got string "Example.COM".',
      "5:2 1 schema-type `match` must match exactly one of the alternatives of its schema's oneOf (sets `exact`; sets `prefix`), and matches 2: sets `exact`; sets `prefix`.",
    ]);

    const crd = uriOf('crd.yaml');
    await client.open(crd, CRD);
    const onCrd = await client.change(crd, CRD.replace('pattern: "^[a-z0-9.-]+$"', 'pattern: "^[a-z0-9.-]+$(?!x)"'), 2);
    assert.deepEqual(
      onCrd.map((d) => `${d.range.start.line} ${String(d.code)}`),
      ['18 schema-crd-structure'],
    );
    assert.match(messageOf(onCrd[0]!), /not a valid RE2 regular expression .*invalid or unsupported Perl syntax: `\(\?!`/);
    // The route is re-checked after the CRD (it may already have been published): without the pattern, one finding.
    let now = client.latest(route)?.diagnostics ?? [];
    while (now.length !== 1) now = await client.diagnostics(route);
    assert.match(messageOf(now[0]!), /^`match` must match exactly one/);
  });

  it('a catalog kind at an older release of its operator is an information with its metadata checked', async () => {
    const certificate = 'apiVersion: cert-manager.io/v1alpha2\nkind: Certificate\nmetadata: {name: c, namespce: x}\nspec: {secretName: s}\n';
    const diagnostics = await client.open(uriOf('cert.yaml'), certificate);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${String(d.code)}`),
      ['0:12 3 no-crd-schema', '2:20 1 schema-unknown-field'],
    );
    assert.match(messageOf(diagnostics[0]!), /from an older release of its operator.*only its apiVersion, kind and metadata are checked/);
  });
});
