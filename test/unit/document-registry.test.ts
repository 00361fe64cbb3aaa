/** The index's documents by kind and identity follow moves, duplicates and removals (DocumentRegistry). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, uriOf } from '../helpers/engineHarness';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;

describe('documents by kind', () => {
  it('are the current documents after moves, with a document twice in a file, and after removals', () => {
    const uri = uriOf('maps.yaml');
    const engine = engineWith({ 'maps.yaml': [configMap('a'), configMap('a'), configMap('b')].join('---\n') });
    const places = () =>
      engine.index
        .documentsOfKind('ConfigMap', 'default')
        .map((d) => `${d.identity?.name}@${d.startLine}`)
        .sort();
    assert.deepEqual(places(), ['a@0', 'a@6', 'b@13']);
    // A comment above: the first document changes (the comment is its text), the other two move.
    engine.index.setFile(uri, '# moved\n' + [configMap('a'), configMap('a'), configMap('b')].join('---\n'), 2);
    assert.deepEqual(places(), ['a@0', 'a@7', 'b@14']);
    assert.ok(engine.index.documentsOfKind('ConfigMap', 'default').every((d) => engine.index.getFile(uri)?.documents.includes(d)));
    // One of the two equal documents goes; the other stays, moved.
    engine.index.setFile(uri, [configMap('a'), configMap('b')].join('---\n'), 3);
    assert.deepEqual(places(), ['a@0', 'b@6']);
    assert.equal(engine.index.lookup('ConfigMap', 'default', 'b')?.sources[0]?.startLine, 6);
    engine.index.removeFile(uri);
    assert.deepEqual(places(), []);
    assert.equal(engine.index.lookup('ConfigMap', 'default', 'a'), undefined);
  });
});
