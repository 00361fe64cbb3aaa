/**
 * Incremental parsing of a new file version (split only around the change, line index spliced,
 * documents before the change kept and those after moved) gives exactly what a parse from scratch
 * gives, and incremental checks give exactly the findings of a fresh engine.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestFile, type ManifestFile } from '../../server/src/engine/document/manifestFile';
import { createEngine } from '../../server/src/setup';

/** A deterministic pseudo-random sequence (the same edits every run). */
function prng(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

function shape(file: ManifestFile): unknown {
  const lineStarts = Array.from({ length: file.lines.lineCount }, (_, line) => file.lines.lineStart(line));
  return { docs: file.documents.map((d) => [d.index, d.start, d.startLine, d.text]), lineStarts };
}

const PIECES = ['---\n', '---', '--- \n', '\n', '\r\n', '\r', 'a: 1\n', 'kind: Pod\n', '-', ' ', 'x', '# c\n', '...\n'];

describe('incremental parse', () => {
  it('equals a parse from scratch after each of 5,000 random edits (markers, CR, CRLF, deletions)', () => {
    const random = prng(1);
    let text = 'a: 1\n---\nb: 2\n---\nc: 3\n';
    let previous = parseManifestFile('file:///t.yaml', text, 1);
    for (let step = 0; step < 5000; step++) {
      const at = random(text.length + 1);
      const removed = random(4) === 0 ? random(6) : 0;
      let inserted = '';
      for (let k = random(3); k >= 0; k--) inserted += PIECES[random(PIECES.length)];
      text = (text.slice(0, at) + inserted + text.slice(at + removed)).slice(0, 400);
      const incremental = parseManifestFile('file:///t.yaml', text, step + 2, previous);
      assert.deepEqual(shape(incremental), shape(parseManifestFile('file:///t.yaml', text, step + 2)), JSON.stringify(text));
      previous = incremental;
    }
  });

  it('keeps the documents before an edit and moves those after it', () => {
    const docs = Array.from({ length: 5 }, (_, n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${n}\n`);
    const before = parseManifestFile('file:///t.yaml', docs.join('---\n'), 1);
    const edited = docs.map((d, n) => (n === 2 ? d + 'data:\n  k: v\n' : d)).join('---\n');
    const after = parseManifestFile('file:///t.yaml', edited, 2, before);
    assert.equal(after.documents[0], before.documents[0]);
    assert.equal(after.documents[1], before.documents[1]);
    assert.deepEqual(
      after.changedDocuments.map((d) => d.index),
      [2],
    );
    assert.equal(after.documents[4]!.chunk, before.documents[4]!.chunk);
    assert.equal(after.documents[4]!.startLine, before.documents[4]!.startLine + 2);
  });
});

describe('incremental checks', () => {
  it('report what a fresh engine reports after edits that move, change and add documents', () => {
    const pod = (n: number, image: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${n}\n  labels:\n    app: p${n}\nspec:\n  containers:\n    - name: c\n      image: ${image}\n`;
    const service = (n: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${n}\nspec:\n  selector:\n    app: p${n}\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
    const uri = 'file:///w/all.yaml';
    const versions = [
      [pod(0, 'a:1'), service(0), pod(1, 'b:latest'), service(1), service(2)],
      ['# a comment above\n' + pod(0, 'a:1'), service(0), pod(1, 'b:latest'), service(1), service(2)],
      ['# a comment above\n' + pod(0, 'a:latest'), service(0), pod(1, 'b:2'), service(1), service(2)],
      [pod(0, 'a:latest'), service(0), pod(1, 'b:2'), pod(2, 'c:3'), service(1), service(2)],
      [pod(0, 'a:latest'), pod(2, 'c:3'), service(1), service(2)],
    ];
    const engine = createEngine();
    versions.forEach((docs, n) => {
      const text = docs.join('---\n');
      engine.index.setFile(uri, text, n + 1);
      const fresh = createEngine();
      fresh.index.setFile(uri, text, n + 1);
      assert.deepEqual(engine.linter.lintFile(uri), fresh.linter.lintFile(uri), `version ${n + 1}`);
    });
  });
});
