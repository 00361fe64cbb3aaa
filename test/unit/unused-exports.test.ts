/**
 * Unused exports do not come back: an export of server/src or client/src that no module (product, tests) imports is
 * dead code or an accidental public surface, and `tsc` cannot see it. The checked-in list holds the ones that
 * existed when this guard was added (mostly exported types of exported functions' results); it may only shrink.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unusedExports } from '../helpers/unusedExports';

const root = join(__dirname, '..', '..', '..');
const LIST = 'test/unused-exports.allowed.txt';

describe('unused exports', () => {
  it(`no export is imported nowhere, except those in ${LIST} (which lists only real ones)`, () => {
    const allowed = new Set(
      readFileSync(join(root, LIST), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    );
    const unused = unusedExports(root);
    const fresh = unused.filter((entry) => !allowed.has(entry));
    assert.deepEqual(fresh, [], 'new exports nothing imports: drop `export`, or the code if nothing uses it');
    const found = new Set(unused);
    const stale = [...allowed].filter((entry) => !found.has(entry));
    assert.deepEqual(stale, [], `now imported or gone: remove these lines from ${LIST}`);
  });
});
