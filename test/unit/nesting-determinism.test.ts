/**
 * A document nested thousands of levels deep overflows yaml's recursion at a point that depends on
 * how much stack the caller left (deep inside the server's handlers, or at the top of a CLI run).
 * What it reports must not: one nesting error, at the same place, however deep
 * the call.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedChunk } from '../../server/src/engine/document/parsedChunk';

/** Parses `text` with about `depth` frames of stack already used. */
function parseAtDepth(text: string, depth: number): string[] {
  if (depth > 0) return parseAtDepth(text, depth - 1);
  return new ParsedChunk(text, 'deep.yaml').errors.map((e) => `${e.code} ${e.pos.join('-')} ${e.message}`);
}

describe('deep nesting', () => {
  for (const [name, text] of [
    ['block sequence, 3,000 levels', `${'- '.repeat(3000)}x\n`],
    ['flow sequence, 2,000 levels', `${'['.repeat(2000)}${']'.repeat(2000)}\n`],
    ['block mapping, 1,500 levels', `${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} v\n`],
  ] as const) {
    it(`${name}: the same single nesting error at any stack depth`, () => {
      const shallow = parseAtDepth(text, 0);
      assert.equal(shallow.length, 1, shallow.join('\n'));
      assert.match(shallow[0]!, /RESOURCE_EXHAUSTION .* nested more than 256 levels deep/);
      for (const depth of [100, 500, 2000, 5000]) assert.deepEqual(parseAtDepth(text, depth), shallow, `at ${depth} frames`);
    });
  }
});
