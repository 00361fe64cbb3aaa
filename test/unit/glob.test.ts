/**
 * Exclude globs (issue #16): a repository's `biomeManifests.exclude` is hostile input. Matching is
 * an automaton simulation (no backtracking), and an invalid pattern is a configuration error.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, globErrors, isExcluded, MAX_GLOB_ALTERNATIVES } from '../../server/src/engine/workspace/glob';

function matches(glob: string, path: string): boolean {
  const compiled = compileGlob(glob);
  assert.ok(compiled.ok, `${glob} compiles`);
  return compiled.matches(path);
}

describe('exclude globs', () => {
  it('match *, **, ? and braces as before', () => {
    assert.equal(matches('*.yaml', 'a.yaml'), true);
    assert.equal(matches('*.yaml', 'd/a.yaml'), false);
    assert.equal(matches('**/*.yaml', 'a.yaml'), true);
    assert.equal(matches('**/*.yaml', 'd/e/a.yaml'), true);
    assert.equal(matches('build/**', 'build/x/y.yaml'), true);
    assert.equal(matches('build/**', 'other/x.yaml'), false);
    assert.equal(matches('a?.yml', 'ab.yml'), true);
    assert.equal(matches('a?.yml', 'a/.yml'), false);
    assert.equal(matches('{dist,out}/*.yaml', 'out/a.yaml'), true);
    assert.equal(matches('{dist,out}/*.yaml', 'src/a.yaml'), false);
    assert.equal(matches('x-{a,{b,c}d}', 'x-cd'), true);
    assert.equal(matches('a.b', 'axb'), false);
    assert.equal(matches('(x|y)+', '(x|y)+'), true);
  });

  it('isExcluded matches bare names at any depth and parent folders', () => {
    assert.equal(isExcluded('a/node_modules/b.yaml', ['node_modules']), true);
    assert.equal(isExcluded('gen/x/b.yaml', ['gen/*']), true);
    assert.equal(isExcluded('src/b.yaml', ['gen/*']), false);
  });

  it('the backtracking pattern of the issue on a 40-character name answers at once', { timeout: 10_000 }, () => {
    const pattern = '*a*a*a*a*a*a*a*a*a*a*c';
    const name = 'a'.repeat(40);
    assert.equal(isExcluded(name, [pattern]), false);
    assert.equal(isExcluded(`${'a'.repeat(4000)}/b.yaml`, [pattern, `**/${pattern}`]), false);
    assert.equal(isExcluded(`${name}c`, [pattern]), true);
  });

  it('an invalid glob is an error with its text, and excludes nothing', () => {
    assert.deepEqual(compileGlob('{a,b'), { ok: false, error: 'glob `{a,b` has an unclosed `{`' });
    assert.deepEqual(globErrors(['node_modules', 'dist/{x', '*.yaml']), ['glob `dist/{x` has an unclosed `{`']);
    assert.equal(isExcluded('dist/{x', ['dist/{x']), false);
    const many = '{a,b}'.repeat(9);
    assert.deepEqual(globErrors([many]), [`glob \`${many}\` has more than ${MAX_GLOB_ALTERNATIVES} alternatives in braces`]);
    assert.equal(globErrors(['x'.repeat(1001)]).length, 1);
  });
});
