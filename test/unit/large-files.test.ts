/**
 * What the server checks of an open file over biomeManifests.maxFileSizeMb (lsp/largeFiles.ts): the
 * documents that start before the limit, cut only at a real `---` marker, and one diagnostic saying
 * where checking stopped. The LSP behaviour is in test/lsp/large-open.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALWAYS_CHECKED_CHARS, checkedPart, partlyCheckedDiagnostic } from '../../server/src/lsp/largeFiles';

const MB = 1024 * 1024;

/** A ConfigMap whose block scalar holds `lines` lines of 99 characters. */
function configMap(name: string, lines: number, eol = '\n'): string {
  const body = Array.from({ length: lines }, (_, i) => `    ${String(i).padStart(4, '0')} ${'x'.repeat(90)}`).join(eol);
  return ['apiVersion: v1', 'kind: ConfigMap', `metadata: {name: ${name}}`, 'data:', '  big: |', body, ''].join(eol);
}

describe('the checked part of a large open file', () => {
  it('keeps a text within the limit whole', () => {
    const text = configMap('a', 100);
    assert.deepEqual(checkedPart(text, 1), { text });
  });

  it('never cuts below the floor, whatever the setting', () => {
    const text = `${configMap('a', 8000)}---\n${configMap('b', 100)}`;
    assert.ok(text.length < ALWAYS_CHECKED_CHARS);
    assert.equal(checkedPart(text, 0.01).text, text);
  });

  it('cuts before the first document that does not fit, at a marker with a comment, with CRLF', () => {
    const first = configMap('a', 6000, '\r\n');
    const second = configMap('b', 6000, '\r\n');
    const text = `${first}--- # second\r\n${second}---\r\n${configMap('c', 10, '\r\n')}`;
    const part = checkedPart(text, 1);
    assert.equal(part.text, first);
    assert.equal(part.omitted?.line, first.split('\r\n').length - 1);
    assert.equal(part.omitted?.totalChars, text.length);
  });

  it('does not take `----` or `---x` at the start of a line for a marker', () => {
    const first = configMap('a', 3000);
    const lookAlikes = `----\n---x\n`;
    const text = `${first}---\n${configMap('b', 3000)}${lookAlikes}${configMap('c', 8000)}`;
    assert.ok(text.length > MB);
    const part = checkedPart(text, 1);
    assert.equal(part.text, first, 'cut at the real marker before b, not at a look-alike later');
  });

  it('checks nothing when the first document is over the limit, and says so', () => {
    const text = `${configMap('huge', 12_000)}---\n${configMap('b', 10)}`;
    const part = checkedPart(text, 1);
    assert.equal(part.text, '');
    assert.equal(part.omitted?.line, 0);
    const diagnostic = partlyCheckedDiagnostic(part.omitted!);
    assert.equal(diagnostic.code, 'file-partly-checked');
    assert.deepEqual(diagnostic.range.start, { line: 0, character: 0 });
    assert.match(String(diagnostic.message), /^Nothing in this file is checked: the file is 1\.\d MB, over biomeManifests\.maxFileSizeMb \(1 MB\)/);
  });
});
