/** Show Rule Documentation's quick pick: each rule's summary, read from its page, to search by topic. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleSummary } from '../../client/src/ruleDocs';
import { REPO_ROOT } from '../helpers/paths';

describe('rule documentation summaries', () => {
  it('is the paragraph under the title, on one line, without code ticks', () => {
    assert.equal(
      ruleSummary('# no-latest-tag\n\nContainer images are pinned to a version,\nnot `:latest` or no tag.\n\n- Default severity: warning\n'),
      'Container images are pinned to a version, not :latest or no tag.',
    );
    assert.equal(ruleSummary('# x\r\n\r\nCRLF summary.\r\n'), 'CRLF summary.');
  });

  it('is empty when the page has no title or no paragraph under it', () => {
    assert.equal(ruleSummary('no title'), '');
    assert.equal(ruleSummary('# x\n\n- a list item\n'), '');
  });

  it('exists for every page the extension ships in docs/rules', () => {
    const dir = join(REPO_ROOT, 'docs', 'rules');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      assert.ok(ruleSummary(readFileSync(join(dir, name), 'utf8')).length > 10, name);
    }
  });
});
