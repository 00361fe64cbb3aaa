/** Generated documentation stays current: docs/rules/*.md and the README rule table equal a fresh generation. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/rules';
import { allRuleDocs, withRuleTable } from '../../server/src/docs/ruleDocs';
import { REPO_ROOT } from '../helpers/paths';
import { VERSION } from '../../server/src/version';
import { BUGS_URL, PROJECT_URL, ruleDocUrl } from '../../server/src/links';

describe('generated docs', () => {
  it('docs/rules holds exactly one current page per rule and built-in code (run `npm run docs` when this fails)', () => {
    const dir = path.join(REPO_ROOT, 'docs', 'rules');
    const expected = allRuleDocs(allRules);
    const actual = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort();
    assert.deepEqual(actual, [...expected.keys()].sort());
    for (const [name, text] of expected) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, `${name} is stale`);
  });

  it('README rule table is current (run `npm run docs` when this fails)', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.equal(withRuleTable(readme, allRules), readme);
  });

  it('the server version equals package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(VERSION, pkg.version);
  });

  it('the project and bug-report URLs equal package.json, and rule help URLs name existing docs/rules pages', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { homepage: string; bugs: { url: string } };
    assert.equal(PROJECT_URL, pkg.homepage);
    assert.equal(BUGS_URL, pkg.bugs.url);
    for (const rule of allRules) {
      const page = ruleDocUrl(rule.id).slice(`${PROJECT_URL}/blob/main/`.length);
      assert.ok(fs.existsSync(path.join(REPO_ROOT, page)), page);
    }
  });
});
