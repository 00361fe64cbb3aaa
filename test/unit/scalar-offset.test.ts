/**
 * sourceOffsets maps offsets in a scalar's value to its source text for every scalar style. A property: for
 * generated values, written with yaml's own stringifier in each style (escapes, folding, block indentation),
 * every non-space value character maps to a source position whose decoded text is that character.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, Scalar, stringify } from 'yaml';
import { sourceOffsets } from '../../server/src/engine/monitoring/scalarOffset';

/** The source of the scalar `value` written in `type` style as a map value, and the value yaml reads back. */
function written(value: string, type: Scalar.Type): { source: string; read: string } | undefined {
  const text = stringify({ expr: Object.assign(new Scalar(value), { type }) }, { lineWidth: 40, minContentWidth: 10 });
  const node = parseDocument(text).get('expr', true) as Scalar | undefined;
  if (!node?.range || typeof node.value !== 'string') return undefined;
  return { source: text.slice(node.range[0], node.range[1]), read: node.value };
}

describe('sourceOffsets', () => {
  it('lands after escapes of a double-quoted scalar (\\u, \\x, \\U, \\", \\\\, an escaped line break)', () => {
    const source = '"max(a) \\u003e 0.5 or \\x41\\"b\\\\ \\U0001F600 absent(c)"';
    const value = parseDocument(`k: ${source}`).get('k') as string;
    const at = (needle: string): string => {
      const [offset] = sourceOffsets(source, value, [value.indexOf(needle)]);
      return source.slice(offset!, offset! + needle.length);
    };
    assert.equal(at('0.5'), '0.5');
    assert.equal(at('absent(c)'), 'absent(c)');
    assert.equal(at('b'), 'b');
  });

  for (const type of [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED] as const) {
    it(`maps every character of generated ${type} scalars to itself in the source`, () => {
      const char = fc.constantFrom(...'abc xyz(){}[]"\'\\:#>=~01.é\u2028\t'.split(''), '😀');
      fc.assert(
        fc.property(fc.array(char, { minLength: 1, maxLength: 60 }), (chars) => {
          const value = chars.join('').trim();
          const w = value ? written(value, type) : undefined;
          if (!w || w.read !== value) return; // a style yaml cannot write this value in
          const offsets = Array.from({ length: w.read.length }, (_, i) => i).filter((i) => !/\s/.test(w.read[i]!) && !/[\uDC00-\uDFFF]/.test(w.read[i]!));
          const mapped = sourceOffsets(w.source, w.read, offsets);
          offsets.forEach((v, i) => {
            const s = mapped[i]!;
            const plain = w.source.slice(s, s + w.read[v]!.length) === w.read.slice(v, v + w.read[v]!.length);
            // In double quotes (yaml picks them when a style cannot hold the value) the character may be an escape.
            const escaped = w.source.startsWith('"') && w.source[s] === '\\';
            assert.ok(plain || escaped, `value[${v}] ${JSON.stringify(w.read[v])} → source[${s}] in ${JSON.stringify(w.source)}`);
          });
        }),
        { numRuns: 300 },
      );
    });
  }
});
