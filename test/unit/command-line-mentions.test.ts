/**
 * The index answers "which command lines name X" from mention tokens; that must be exactly the
 * regular expression's answer for every name without separators (generated words and names).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isTokenName, mentions, mentionTokens } from '../../server/src/engine/k8s/commandLineMentions';

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const pick = (next: () => number, alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');

describe('command-line mention tokens', () => {
  it('agree with the separator pattern on 20,000 generated words and names', () => {
    const next = random(7);
    for (let n = 0; n < 20_000; n++) {
      const word = pick(next, 'ab-.=:/ ,"\'\t', Math.floor(next() * 14));
      const name = pick(next, 'ab-.', 1 + Math.floor(next() * 3));
      assert.ok(isTokenName(name));
      assert.equal(mentionTokens(word).includes(name), mentions(word, name), `${JSON.stringify(word)} names ${name}?`);
    }
  });

  it('reads the names real command lines pass', () => {
    assert.deepEqual(mentionTokens('--secret-name=web-tls'), ['web-tls']);
    assert.deepEqual(mentionTokens('kubectl create secret tls web-tls --cert=/tls/tls.crt'), ['kubectl', 'create', 'secret', 'tls', 'web-tls', 'tls.crt']);
    assert.deepEqual(mentionTokens('ns/app-config,other'), ['app-config', 'other']);
    assert.ok(!isTokenName('a=b') && !isTokenName('') && !isTokenName('has space'));
  });
});
