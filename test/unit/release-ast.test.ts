/**
 * ASTs can be released once a document is checked (ParsedChunk.release): the rules read plain
 * values, so a later check parses a document again only to place a finding. Releasing must change
 * nothing a user sees: the same findings, ranges, fixes and cursor features, on every file of the
 * sample and the real-world corpus, with re-parses only where findings are.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine, type Engine } from '../../server/src/setup';
import { ParsedChunk } from '../../server/src/engine/document/parsedChunk';
import { FIXTURES_DIR, SAMPLE_DIR } from '../helpers/paths';
import { yamlFilesUnder } from '../helpers/corpus';

const FILES = [...yamlFilesUnder(SAMPLE_DIR), ...yamlFilesUnder(path.join(FIXTURES_DIR, 'real-world'))];

function load(release: boolean): { engine: Engine; uris: string[] } {
  const engine = createEngine();
  const uris = FILES.map((file) => {
    const uri = pathToFileURL(file).href;
    engine.index.setFile(uri, fs.readFileSync(file, 'utf8'));
    if (release) engine.linter.precheckAndRelease(uri);
    return uri;
  });
  return { engine, uris };
}

describe('released ASTs', () => {
  it('a released chunk parses again to the same AST, errors and plain value', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\ndata:\n  k: [1, 2\n';
    const chunk = new ParsedChunk(text, 'a.yaml');
    const before = { json: chunk.yaml.toJSON() as unknown, errors: chunk.errors.map((e) => e.code), plain: chunk.value() };
    const reparses = ParsedChunk.reparses;
    assert.equal(chunk.release(), true);
    assert.equal(ParsedChunk.reparses, reparses, 'releasing parses nothing');
    assert.deepEqual(chunk.value(), before.plain, 'the plain value is kept');
    assert.deepEqual(
      chunk.errors.map((e) => e.code),
      before.errors,
      'the errors are kept, duplicate key included',
    );
    assert.deepEqual(chunk.yaml.toJSON(), before.json);
    assert.deepEqual(
      chunk.yaml.errors.map((e) => e.code),
      before.errors,
    );
    assert.equal(ParsedChunk.reparses, reparses + 1, 'the first access parsed it again');
    chunk.yaml.toJSON();
    assert.equal(ParsedChunk.reparses, reparses + 1, 'and keeps it');
  });

  it('large chunks keep their AST (a hover must not wait for a re-parse of megabytes)', () => {
    const text = `kind: ConfigMap\ndata:\n${'  k: v\n'.repeat(50_000)}`;
    const chunk = new ParsedChunk(text, 'big.yaml');
    assert.equal(chunk.release(), false);
  });

  it('every file of the sample and the real-world corpus gets the same findings, re-parsing only documents with findings', () => {
    const kept = load(false);
    const released = load(true);
    const reparses = ParsedChunk.reparses;
    let documentsWithFindings = 0;
    for (let i = 0; i < kept.uris.length; i++) {
      const expected = kept.engine.linter.lintFile(kept.uris[i]!);
      const actual = released.engine.linter.lintFile(released.uris[i]!);
      assert.deepEqual(actual, expected, FILES[i]);
      const file = released.engine.index.getFile(released.uris[i]!)!;
      documentsWithFindings += file.documents.filter((d) =>
        actual.some((f) => f.range.start.line >= d.startLine && f.range.start.line < d.startLine + d.chunk.lines.lineCount),
      ).length;
    }
    const parsedAgain = ParsedChunk.reparses - reparses;
    assert.ok(documentsWithFindings > 100, `the corpus has findings to place (${documentsWithFindings} documents)`);
    assert.ok(parsedAgain <= documentsWithFindings * 1.5, `re-parsed ${parsedAgain} documents for ${documentsWithFindings} with findings`);
  });
});

describe('schema findings that depend on the folder', () => {
  it('a kustomization with commonLabels added after the check lifts the missing selector (the cached result is not reused stale)', () => {
    const engine = createEngine();
    const deployment = 'file:///w/app/deployment.yaml';
    engine.index.setFile(
      deployment,
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
    );
    const codes = (): string[] => engine.linter.lintFile(deployment).map((f) => f.code);
    assert.ok(codes().includes('schema-required'), 'without a kustomization the selector is required');
    engine.index.setFile(
      'file:///w/app/kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels:\n  app: web\nresources:\n  - deployment.yaml\n',
    );
    assert.ok(!codes().includes('schema-required'), 'kustomize fills the selector from commonLabels');
    engine.index.removeFile('file:///w/app/kustomization.yaml');
    assert.ok(codes().includes('schema-required'), 'and it is required again once the kustomization is gone');
  });
});
