/**
 * The server's side of the shared load (engine/workspace/load.ts, loadFiles): files open in the
 * editor are not read, every file not read is told with its reason, and only files up to
 * LOAD_LIMITS.releaseUpToChars have their trees released. The LSP layer: test/lsp/workspace-load.test.ts.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../server/src/setup';
import { loadFiles, LOAD_LIMITS, parseAndIndexSteps } from '../../server/src/engine/workspace/load';

describe('loadFiles', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-loadfiles-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('leaves open files to the editor, tells each skip, releases only small files', async () => {
    const write = (name: string, text: string | Buffer): string => {
      const file = path.join(root, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const small = write('small.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n');
    const large = write('large.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: large\ndata:\n  a: "${'x'.repeat(LOAD_LIMITS.releaseUpToChars)}"\n`);
    const open = write('open.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: open\n');
    const binary = write('binary.yaml', Buffer.from([0x61, 0x00]));
    const tooBig = write('too-big.yaml', 'a: 1\n'.repeat(100));
    const engine = createEngine();
    const released: string[] = [];
    const skipped: [string, string][] = [];
    const progress: number[] = [];
    await loadFiles([small, large, open, binary, tooBig], {
      indexText: (uri, text) => {
        const steps = parseAndIndexSteps(engine.index, uri, text, undefined, engine.index.getFile(uri));
        while (!steps.next().done);
        return Promise.resolve(true);
      },
      precheckAndRelease: (uri) => released.push(uri),
      maxBytes: (file) => Promise.resolve(file === tooBig ? 100 : LOAD_LIMITS.maxFileBytes),
      isOpen: (uri) => uri === pathToFileURL(open).href,
      onSkipped: (file, reason) => skipped.push([path.basename(file), reason]),
      cancelled: () => false,
      onProgress: (done) => progress.push(done),
    });
    const indexed = [...engine.index.files()].map((f) => path.basename(f.uri)).sort();
    assert.deepEqual(indexed, ['large.yaml', 'small.yaml']);
    assert.deepEqual(released, [pathToFileURL(small).href]);
    assert.deepEqual(skipped, [
      ['binary.yaml', 'skipped: binary file (contains NUL bytes)'],
      ['too-big.yaml', 'skipped: 0.0 MiB is over the 0 MiB limit'],
    ]);
    assert.deepEqual(progress, [1, 2, 3, 4, 5]);
  });

  it('reads nothing once cancelled', async () => {
    const file = path.join(root, 'c.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    let indexedTexts = 0;
    await loadFiles([file, file], {
      indexText: () => Promise.resolve(++indexedTexts > 0),
      precheckAndRelease: () => undefined,
      maxBytes: () => Promise.resolve(LOAD_LIMITS.maxFileBytes),
      isOpen: () => false,
      onSkipped: () => undefined,
      cancelled: () => indexedTexts >= 1,
    });
    assert.equal(indexedTexts, 1);
  });
});
