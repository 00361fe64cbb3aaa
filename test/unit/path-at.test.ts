/** valuePathAt (the AST path at an offset) and the baseline's stable path that names list items. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { valuePathAt } from '../../server/src/engine/document/pathAt';
import { stablePath } from '../../server/src/engine/lint/baselineFingerprint';

const BLOCK = 'spec:\n  containers:\n    - name: web\n      image: nginx:latest\n';
const FLOW = 'spec: {containers: [{name: web, image: "nginx:latest"}]}\n';

describe('valuePathAt', () => {
  for (const [style, text] of [
    ['block', BLOCK],
    ['flow', FLOW],
  ] as const) {
    it(`finds the path of a value and of a key (${style})`, () => {
      const doc = parseDocument(text);
      assert.deepEqual(valuePathAt(doc.contents, text.indexOf('nginx')), ['spec', 'containers', 0, 'image']);
      assert.deepEqual(valuePathAt(doc.contents, text.indexOf('containers')), ['spec', 'containers']);
      assert.deepEqual(stablePath(doc.toJS(), ['spec', 'containers', 0, 'image']), 'spec.containers[name=web].image');
    });
  }

  it('keeps indexes for items without a name, and stops at what is not a collection', () => {
    const doc = parseDocument('args: [a, b]\n');
    assert.deepEqual(valuePathAt(doc.contents, 10), ['args', 1]);
    assert.equal(stablePath(doc.toJS(), ['args', 1]), 'args[1]');
    assert.deepEqual(valuePathAt(parseDocument('plain').contents, 2), []);
  });
});
