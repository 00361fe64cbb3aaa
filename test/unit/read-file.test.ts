/**
 * Reading a manifest from disk never throws: every failure is a reason the caller can show
 * (the CI once saw an unhandled rejection when a file vanished between the stat and the read).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { decodeText, readManifestText, readManifestTextSync } from '../../server/src/engine/workspace/readFile';
import { findYamlFiles } from '../../server/src/engine/workspace/scan';

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

  // Issue #16: stat().size is 0 for FIFOs and devices, so the size limit alone let them through.
  const posix = process.platform !== 'win32';

  it('a FIFO is skipped without waiting for a writer (both reads)', { skip: !posix, timeout: 5000 }, async () => {
    const fifo = path.join(root, 'p.yaml');
    execFileSync('mkfifo', [fifo]);
    const reason = { ok: false, reason: 'skipped: not a regular file (a FIFO)' };
    assert.deepEqual(await readManifestText(fifo), reason);
    assert.deepEqual(readManifestTextSync(fifo), reason);
  });

  it('a symlink to /dev/zero is skipped, not read until memory runs out', { skip: !posix }, async () => {
    const zero = path.join(root, 'z.yaml');
    fs.symlinkSync('/dev/zero', zero);
    const reason = { ok: false, reason: 'skipped: not a regular file (a device)' };
    assert.deepEqual(await readManifestText(zero), reason);
    assert.deepEqual(readManifestTextSync(zero), reason);
  });

  it('the limit bounds the bytes read, not only the size stat reports', async () => {
    const big = path.join(root, 'big-sync.yaml');
    fs.writeFileSync(big, 'a: 1\n'.repeat(1000));
    const read = readManifestTextSync(big, 4999);
    assert.equal(read.ok, false);
    assert.deepEqual(readManifestTextSync(big, 5000), { ok: true, text: 'a: 1\n'.repeat(1000) });
    assert.deepEqual(await readManifestText(big, 5000), { ok: true, text: 'a: 1\n'.repeat(1000) });
  });

  it('UTF-16 with a byte order mark is decoded (little and big endian), not called binary', async () => {
    const text = 'kind: ConfigMap\ndata:\n  k: wert-ä\n';
    const le = path.join(root, 'le.yaml');
    fs.writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = path.join(root, 'be.yaml');
    fs.writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    assert.deepEqual(await readManifestText(le), { ok: true, text });
    assert.deepEqual(readManifestTextSync(be), { ok: true, text });
  });

  it('a file read in several chunks decodes as the whole buffer does (characters split at chunk ends, invalid bytes, BOMs)', async () => {
    // Reads are at most 1 MiB: a multi-byte character, an invalid sequence or a UTF-16 pair lands on
    // every chunk boundary somewhere in 3.5 MiB when each line's length shifts by one byte.
    const line = (i: number): string => `k${i}: "${'x'.repeat(i % 7)}ä€😀"\n`;
    const body = Array.from({ length: 160_000 }, (_, i) => line(i)).join('');
    const invalid = Buffer.concat([Buffer.from(body.slice(0, 1_500_000)), Buffer.from([0xe2, 0x82]), Buffer.from(body.slice(1_500_000))]);
    const cases: [string, Buffer][] = [
      ['utf8', Buffer.from(body)],
      ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])],
      ['utf8-invalid', invalid],
      ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')])],
    ];
    for (const [name, bytes] of cases) {
      const file = path.join(root, `chunks-${name}.yaml`);
      fs.writeFileSync(file, bytes);
      assert.ok(bytes.length > 3 * 1048576, `${name} spans several reads`);
      const whole = decodeText(bytes);
      assert.ok(whole.ok);
      const asyncRead = await readManifestText(file);
      assert.ok(asyncRead.ok && asyncRead.text === whole.text, `${name}, async read`);
      const sync = readManifestTextSync(file);
      assert.ok(sync.ok && sync.text === whole.text, `${name}, blocking read`);
    }
  });

  it('NUL bytes in the first 8 KiB mean binary, later ones do not', async () => {
    const file = path.join(root, 'nul-late.yaml');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('a: 1\n'.repeat(1000)), Buffer.from([0]), Buffer.from('b: 2\n')]));
    assert.deepEqual(await readManifestText(file), { ok: false, reason: 'skipped: binary file (contains NUL bytes)' });
    const later = path.join(root, 'nul-later.yaml');
    fs.writeFileSync(later, Buffer.concat([Buffer.from('a: 1\n'.repeat(2000)), Buffer.from([0])]));
    assert.equal(readManifestTextSync(later).ok, true, 'a NUL after the first 8 KiB does not');
  });

  it('the scan tells of a folder it cannot list instead of passing it as empty', async () => {
    const gone = path.join(root, 'vanished');
    const unreadable: string[] = [];
    const files = await findYamlFiles(gone, {
      exclude: [],
      onUnreadable: (dir, reason) => unreadable.push(`${path.basename(dir)}: ${reason}`),
    });
    assert.deepEqual(files, []);
    assert.deepEqual(unreadable, ['vanished: cannot read: ENOENT']);
  });
});
