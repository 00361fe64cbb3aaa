/**
 * The direct plain-value walk gives exactly what yaml's `Document.toJS()` gives (or gives up and
 * leaves it to toJS): ParsedChunk.value() uses it for every document.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';
import { quickPlainValue } from '../../server/src/engine/document/plainValue';
import { MAX_ALIAS_COUNT, ParsedChunk } from '../../server/src/engine/document/parsedChunk';

const OPTIONS = { version: '1.1' as const, uniqueKeys: false, logLevel: 'error' as const };

function toJS(text: string): unknown {
  return parseDocument(text, OPTIONS).toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

function quick(text: string): { value: unknown } | undefined {
  return quickPlainValue(parseDocument(text, OPTIONS).contents);
}

describe('quickPlainValue', () => {
  it('converts ordinary manifests exactly as toJS does', () => {
    const texts = [
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web, "tier": front}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      ports: [{containerPort: 80}]\n',
      'a: yes\nb: 0644\nc: ~\nd: 1.5\ne: "2"\n1: one\ntrue: t\n~: nothing\nempty:\nlist: [1, two, null]\ntext: |\n  line\n  next\n',
      '__proto__: {x: 1}\ntoString: 2\nconstructor: [3]\n',
      '- 1\n- [2, 3]\n- {}\n',
      'seq: [a: 1, b]\n',
      'plain scalar document',
      '',
      '# only a comment\n',
    ];
    for (const text of texts) {
      const got = quick(text);
      assert.ok(got, text);
      assert.deepEqual(got.value, toJS(text), text);
      assert.equal(Object.getPrototypeOf(got.value ?? {}), Object.getPrototypeOf(toJS(text) ?? {}));
    }
  });

  it('gives up on anchors, aliases, merge keys, tagged collections and non-scalar keys', () => {
    const texts = [
      'a: &x 1\nb: *x\n',
      'base: &b {x: 1}\nderived:\n  <<: *b\n  z: 2\n',
      'set: !!set {a, b}\n',
      'omap: !!omap [a: 1, b: 2]\n',
      '? [a, b]\n: pair key\n',
      '2001-12-14: timestamp key\n',
      '"<<": {x: 1}\n',
    ];
    for (const text of texts) assert.equal(quick(text), undefined, text);
  });

  it('matches toJS on every document of the sample and the fixtures', () => {
    const root = path.resolve(__dirname, '../../..');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.ya?ml$/.test(name)) files.push(full);
      }
    };
    // Both folders are in the repository: a missing one is an error, not a smaller corpus.
    for (const dir of ['examples', 'test/fixtures']) walk(path.join(root, dir));
    assert.ok(files.length > 0);
    let compared = 0;
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), OPTIONS)) {
        if (!('contents' in doc) || doc.errors.length > 0) continue;
        const got = quickPlainValue(doc.contents);
        if (!got) continue;
        assert.deepEqual(got.value, doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), file);
        compared++;
      }
    }
    assert.ok(compared > 10);
  });

  it('ParsedChunk.value() still expands aliases and merge keys (through toJS)', () => {
    const chunk = new ParsedChunk('base: &b {x: 1}\nderived:\n  <<: *b\n  z: 2\n', 'x.yaml');
    assert.deepEqual(chunk.value().value, { base: { x: 1 }, derived: { x: 1, z: 2 } });
  });
});
