/** A large document parsed in steps equals the same document parsed at once (values, errors, ranges). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocumentSteps, ParsedChunk } from '../../server/src/engine/document/parsedChunk';

function runToEnd<T>(steps: Generator<void, T, void>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

function bigConfigMap(keys: number, extra = ''): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:'];
  for (let i = 0; i < keys; i++) lines.push(`  key${i}: "value ${i}"`);
  return `${lines.join('\n')}\n${extra}`;
}

describe('parseDocumentSteps', () => {
  it('yields while it works and gives the same document as a parse at once', () => {
    const text = bigConfigMap(20_000);
    const { value, yields } = runToEnd(parseDocumentSteps(text));
    assert.ok(yields > 10, `yielded ${yields} times`);
    const stepped = new ParsedChunk(text, 'big.yaml', value);
    const atOnce = new ParsedChunk(text, 'big.yaml');
    assert.deepEqual(stepped.value(), atOnce.value());
    assert.deepEqual(stepped.class, atOnce.class);
    assert.deepEqual(value.contents?.range, atOnce.yaml.contents?.range);
  });

  it('reports the same errors for a broken document', () => {
    const text = bigConfigMap(3_000, 'broken: [unclosed\n  key0: duplicate\n');
    const stepped = new ParsedChunk(text, 'big.yaml', runToEnd(parseDocumentSteps(text)).value);
    const atOnce = new ParsedChunk(text, 'big.yaml');
    assert.ok(atOnce.errors.length > 0);
    assert.deepEqual(
      stepped.errors.map((e) => [e.code, e.pos]),
      atOnce.errors.map((e) => [e.code, e.pos]),
    );
  });
});
