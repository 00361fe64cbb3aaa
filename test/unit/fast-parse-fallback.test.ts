/**
 * An internal error of the fast parser is not expected, but when one happens the document is
 * parsed with yaml instead, and the fallback is counted and reported (the language server logs it
 * at debug level) rather than passing silently.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { ParsedChunk } from '../../server/src/engine/document/parsedChunk';

// The compiled fast-parser module, whose export parsedChunk.js reads at each call: replaced here to throw.
const fastParseModule = createRequire(__filename)('../../server/src/engine/document/fastYaml/fastParse') as { fastParse: unknown };

describe('a fast-parser internal error', () => {
  const original = fastParseModule.fastParse;
  const reported: unknown[] = [];
  beforeEach(() => {
    fastParseModule.fastParse = () => {
      throw new Error('fast parser bug');
    };
    ParsedChunk.onFastParserFallback = (error) => reported.push(error);
  });
  afterEach(() => {
    fastParseModule.fastParse = original;
    ParsedChunk.onFastParserFallback = undefined;
    reported.length = 0;
  });

  it("falls back to yaml's parse, counted and reported", () => {
    const before = ParsedChunk.fastParserFallbacks;
    const chunk = new ParsedChunk('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', 'a.yaml');
    assert.deepEqual(chunk.value().value, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    assert.equal(ParsedChunk.fastParserFallbacks, before + 1);
    assert.deepEqual(
      reported.map((e) => (e instanceof Error ? e.message : e)),
      ['fast parser bug'],
    );
  });

  it('is not counted when the fast parser only declines (text outside its subset)', () => {
    fastParseModule.fastParse = original;
    const before = ParsedChunk.fastParserFallbacks;
    new ParsedChunk('a: &x 1\nb: *x\n', 'b.yaml');
    assert.equal(ParsedChunk.fastParserFallbacks, before);
    assert.deepEqual(reported, []);
  });
});
