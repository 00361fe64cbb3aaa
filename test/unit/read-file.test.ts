/**
 * Reading a manifest from disk never throws: every failure is a reason the caller can show
 * (the CI once saw an unhandled rejection when a file vanished between the stat and the read).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readManifestText } from '../../server/src/engine/workspace/readFile';

describe('readManifestText', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-read-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads YAML text and drops a BOM', async () => {
    const file = path.join(root, 'a.yaml');
    fs.writeFileSync(file, '\ufeffkind: ConfigMap\n');
    assert.deepEqual(await readManifestText(file), { ok: true, text: 'kind: ConfigMap\n' });
  });

  it('a missing file is a reason, not an exception', async () => {
    const read = await readManifestText(path.join(root, 'gone.yaml'));
    assert.deepEqual(read, { ok: false, reason: 'cannot read: ENOENT' });
  });

  it('a path whose stat succeeds but whose read fails (a folder named .yaml) is a reason, not an exception', async () => {
    const folder = path.join(root, 'folder.yaml');
    fs.mkdirSync(folder);
    const read = await readManifestText(folder);
    assert.deepEqual(read, { ok: false, reason: 'cannot read: EISDIR' });
  });

  it('binary and oversized files are skipped with a reason', async () => {
    const binary = path.join(root, 'bin.yaml');
    fs.writeFileSync(binary, Buffer.from([0x6b, 0x00, 0x01]));
    assert.deepEqual(await readManifestText(binary), { ok: false, reason: 'skipped: binary file (contains NUL bytes)' });
    const big = path.join(root, 'big.yaml');
    fs.writeFileSync(big, 'a: 1\n'.repeat(1000));
    const read = await readManifestText(big, 100);
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.reason, /over the 0 MiB limit/);
  });
});
