/**
 * SlicedParser.settled: a request that reads the index (render) waits until the texts being parsed in
 * slices are indexed, so it never answers from the text before an edit (the preview that kept showing
 * the old patch on a loaded machine).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/setup';
import { SlicedParser } from '../../server/src/lsp/slicedParser';

const URI = 'file:///workspace/biome/big.yaml';

/** A text over the 256 KiB a cold parse may do at once: it goes to slices. */
function bigText(name: string): string {
  const doc = (i: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-${i}\ndata:\n  key: "${'x'.repeat(200)}"\n`;
  return Array.from({ length: 1500 }, (_, i) => doc(i)).join('---\n');
}

function names(parser: { index: ReturnType<typeof createEngine>['index'] }): string | undefined {
  return parser.index.getFile(URI)?.text.match(/name: (\w+)-0/)?.[1];
}

describe('SlicedParser.settled', () => {
  it('resolves at once when nothing is being parsed', async () => {
    const parser = new SlicedParser(createEngine().index);
    await parser.settled();
  });

  it('waits for a parse in slices: the index holds the text when it resolves', async () => {
    const { index } = createEngine();
    const parser = new SlicedParser(index);
    const parsed = parser.parse(URI, bigText('first'), 1, () => undefined);
    assert.equal(index.getFile(URI), undefined, 'a cold large text is not parsed at once');
    assert.ok(parser.pending(URI));
    await parser.settled();
    assert.equal(names({ index }), 'first');
    assert.equal(await parsed, true);
  });

  it('waits for the newer text when one replaces the text being parsed', async () => {
    const { index } = createEngine();
    const parser = new SlicedParser(index);
    const older = parser.parse(URI, bigText('older'), 1, () => undefined);
    const settled = parser.settled();
    const newer = parser.parse(URI, bigText('newer'), 2, () => undefined);
    await settled;
    assert.equal(names({ index }), 'newer');
    assert.deepEqual(await Promise.all([older, newer]), [false, true]);
  });

  it('resolves when the parse is cancelled (the file was removed)', async () => {
    const { index } = createEngine();
    const parser = new SlicedParser(index);
    void parser.parse(URI, bigText('gone'), 1, () => undefined);
    const settled = parser.settled();
    parser.cancel(URI);
    await settled;
    assert.equal(parser.pending(URI), false);
  });

  it('waits for work that hands a text to the parser (a large open text waiting for its settings)', async () => {
    const { index } = createEngine();
    const parser = new SlicedParser(index);
    let parsedOnIndexed = false;
    const settings = new Promise<void>((resolve) => setTimeout(resolve, 5));
    parser.beforeParse(settings.then(() => void parser.parse(URI, bigText('later'), 1, () => (parsedOnIndexed = true))));
    await parser.settled();
    assert.equal(names({ index }), 'later');
    assert.ok(parsedOnIndexed);
  });

  it('a parse whose first slice throws is dropped: settled does not wait on it for ever', async () => {
    const { index } = createEngine();
    const parser = new SlicedParser(index);
    // An internal error in indexing (the parser falls back rather than throw, but a bug could): simulated.
    index.setParsedSteps = () => {
      throw new Error('simulated indexing bug');
    };
    assert.throws(() => parser.parse('file:///workspace/biome/small.yaml', 'a: 1\n', 1, () => undefined), /simulated indexing bug/);
    assert.equal(parser.pending('file:///workspace/biome/small.yaml'), false);
    await parser.settled();
  });
});
