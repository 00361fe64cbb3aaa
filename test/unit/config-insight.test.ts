/** Completion and hover inside `.biome-manifests.yaml`: keys, rule ids, levels, a rule's options, versions. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { configCompletions, configHover } from '../../server/src/engine/config/configInsight';
import { defaultCatalog } from '../../server/src/projectConfig';
import { caret } from '../helpers/caret';

/** Labels offered where the `^` caret is. */
function labelsAt(marked: string): string[] {
  const { text, position } = caret(marked);
  return configCompletions(text, position.line, position.character, defaultCatalog()).items.map((i) => i.label);
}

function hoverAt(marked: string): string | undefined {
  const { text, position } = caret(marked);
  return configHover(text, position.line, position.character, defaultCatalog());
}

describe('config file completion', () => {
  it('offers the top-level keys not yet present', () => {
    assert.deepEqual(labelsAt('rules: {}\n^'), ['kubernetesVersion', 'exclude', 'crds', 'files', 'overrides']);
  });

  it('offers rule ids and built-in codes under rules and in an override', () => {
    const ids = labelsAt('rules:\n  no-l^');
    assert.ok(ids.includes('no-latest-tag') && ids.includes('schema-unknown-field'), ids.join());
    assert.equal(ids.length, defaultCatalog().rules.size + defaultCatalog().builtinCodes.size);
    assert.ok(labelsAt('overrides:\n  - files: [prod/**]\n    rules:\n      ^').includes('require-liveness-probe'));
  });

  it("offers levels as a rule value, a rule's declared options, their values and the versions", () => {
    assert.deepEqual(labelsAt('rules:\n  no-latest-tag: ^'), ['error', 'warning', 'info', 'hint', 'off']);
    assert.deepEqual(labelsAt('rules:\n  no-latest-tag:\n    ^'), ['level', 'options']);
    assert.deepEqual(labelsAt('rules:\n  no-latest-tag:\n    options:\n      ^'), ['requireDigest']);
    assert.deepEqual(labelsAt('rules:\n  no-latest-tag:\n    options:\n      requireDigest: ^'), ['true', 'false']);
    assert.deepEqual(labelsAt('rules:\n  no-replicas-with-hpa:\n    options:\n      ^'), []);
    assert.deepEqual(labelsAt('kubernetesVersion: ^').slice(0, 2), ['"1.29"', '"1.30"']);
  });
});

describe('config file hover', () => {
  it('documents top-level keys, rule ids and options', () => {
    assert.match(hoverAt('overr^ides: []\n') ?? '', /list of `\{ files, rules \}`/);
    assert.match(hoverAt('rules:\n  no-latest-t^ag: error\n') ?? '', /^\*\*no-latest-tag\*\* \(default: warning\): Container images are pinned/);
    assert.match(hoverAt('rules:\n  no-latest-tag:\n    options:\n      requireD^igest: true\n') ?? '', /a digest .* cannot\. Default: `false`/);
    assert.equal(hoverAt('rules:\n  not-a-rule^: error\n'), undefined);
  });
});
