/**
 * Hostile files through the engine (parse + lint): each ends with a diagnostic or cleanly, never an
 * exception. No wall-clock asserts here (they fail on a loaded machine): the speed targets that catch
 * a quadratic blow-up are checked by `node scripts/bench/targets.mjs` (docs/PERFORMANCE.md).
 * The large files (10 MB, 100,000 lines, 1 MB line) run over the LSP wire in test/lsp/hostile.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, uriOf } from '../helpers/engineHarness';
import * as hostile from '../helpers/hostileInputs';
import type { Finding } from '../../server/src/engine/types';
import { MAX_NESTING_DEPTH } from '../../server/src/engine/document/structureCheck';
import { annotate, toPlain } from '../../server/src/engine/render/annotated';
import { leafCount } from '../../server/src/engine/render/group';
import { cursorContext } from '../../server/src/engine/document/cursorPath';

function brief(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`;
}

/** Lints `text` as one file; fails on any rule error (a rule that threw). */
function lintHostile(text: string): { findings: string[] } {
  const ruleErrors: string[] = [];
  const engine = engineWith({ 'hostile.yaml': text }, { onRuleError: (id, e) => ruleErrors.push(`${id}: ${String(e)}`) });
  const findings = engine.linter.lintFile(uriOf('hostile.yaml')).map(brief);
  assert.deepEqual(ruleErrors, [], 'no rule may throw');
  return { findings };
}

const ALIAS_LIMIT =
  '2:1 yaml-alias-limit This document expands too many aliases (aliases and merge keys add more than 100,000 values); it is not checked further. Replace the aliases with plain values.';
const TOO_DEEP = `yaml-syntax This YAML is nested more than ${MAX_NESTING_DEPTH} levels deep; the document is not checked further. Flatten the nesting.`;

describe('hostile files through the engine', () => {
  it('alias bomb ("billion laughs", 9^9 strings): refused before expansion, one finding', () => {
    const { findings } = lintHostile(hostile.aliasBomb());
    assert.deepEqual(findings, [ALIAS_LIMIT]);
  });

  it('merge keys count in the alias bound: 990 `<<: *b` of a 20,000-key map is one finding (issue #16)', () => {
    const { findings } = lintHostile(hostile.mergeBomb(20_000, 990));
    assert.deepEqual(findings, [ALIAS_LIMIT]);
  });

  it('merges and aliases a real manifest uses are expanded as before', () => {
    const text = "kind: ConfigMap\nbase: &b {p: '1', q: '2'}\nlist: [*b, *b]\nother: {<<: *b, z: '3'}\n";
    const engine = engineWith({ 'merge-ok.yaml': text });
    const doc = engine.index.getFile(uriOf('merge-ok.yaml'))!.documents[0]!;
    const pair = { p: '1', q: '2' };
    assert.deepEqual(doc.plain(), { value: { kind: 'ConfigMap', base: pair, list: [pair, pair], other: { ...pair, z: '3' } } });
  });

  for (const style of ['seq', 'map'] as const) {
    it(`10,000 levels of flow ${style} nesting: one error`, () => {
      const { findings } = lintHostile(hostile.deepFlow(10_000, style));
      assert.equal(findings.length, 1);
      assert.match(findings[0]!, new RegExp(`^6:\\d+ ${TOO_DEEP.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    });
  }

  it('10,000 levels of block nesting (`- - - …`) and a 300-level block map ladder: one error', () => {
    const { findings } = lintHostile(hostile.deepBlock(10_000));
    assert.deepEqual(findings, [`1:1 ${TOO_DEEP}`]);
  });

  it('just past the nesting bound: the same error; just below it: checked normally', () => {
    assert.deepEqual(lintHostile(hostile.deepFlow(MAX_NESTING_DEPTH, 'seq')).findings, [`6:${MAX_NESTING_DEPTH + 4} ${TOO_DEEP}`]);
    assert.deepEqual(lintHostile(hostile.deepFlow(MAX_NESTING_DEPTH - 10, 'seq')).findings, ['6:6 schema-type `x` must be a string, got a list.']);
  });

  it('the engine walkers do not recurse into the call stack on 10,000 levels of values', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = { a: [deep] };
    assert.equal(leafCount(deep), 1);
    assert.equal(leafCount({ list: new Array(300_000).fill(1) }, 1_000_000), 300_000);
    // annotate/toPlain recurse, and are only ever given values of documents within MAX_NESTING_DEPTH.
    let bounded: unknown = 'leaf';
    for (let i = 0; i < MAX_NESTING_DEPTH; i++) bounded = { a: [bounded] };
    const engine = engineWith({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' });
    const doc = engine.index.getFile(uriOf('a.yaml'))!.documents[0]!;
    assert.deepEqual(toPlain(annotate(bounded, doc)), bounded);
  });

  it('NUL bytes: reported where they are, as kubectl refuses them', () => {
    assert.deepEqual(lintHostile(hostile.nulBytes()).findings, [
      '6:8 yaml-syntax Control character U+0000 is not allowed in YAML: kubectl and the API server reject this file. Remove it (a file full of them is binary, or not UTF-8).',
    ]);
  });

  it('invalid UTF-8 (decoded to U+FFFD by the editor): checked like any text, no exception', () => {
    assert.deepEqual(lintHostile(hostile.invalidUtf8()).findings, []);
  });

  it('a byte-order mark, CRLF line endings: clean, like the same file without them', () => {
    assert.deepEqual(lintHostile(hostile.withBom()).findings, []);
    assert.deepEqual(lintHostile(hostile.crlf()).findings, []);
  });

  it('mixed line endings with a lone CR: the syntax error YAML sees, at its line', () => {
    assert.deepEqual(lintHostile(hostile.mixedLineEndings()).findings, [
      '6:6 yaml-syntax YAML syntax error: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('tabs as indentation: one error per tab-indented line', () => {
    assert.deepEqual(lintHostile(hostile.tabIndented()).findings, [
      '4:1 yaml-syntax Tabs are not allowed as YAML indentation. Indent with spaces.',
      '6:1 yaml-syntax Tabs are not allowed as YAML indentation. Indent with spaces.',
    ]);
  });

  it('a Helm template, an empty file, a file of only comments: silent', () => {
    assert.deepEqual(lintHostile(hostile.helmTemplate()).findings, []);
    assert.deepEqual(lintHostile('').findings, []);
    assert.deepEqual(lintHostile(hostile.onlyComments()).findings, []);
    assert.deepEqual(lintHostile('---\n---\n...\n').findings, []);
  });

  it('150,000 findings in one document (a ConfigMap of numbers): all reported, no stack overflow', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: numbers', 'data:'];
    for (let i = 0; i < 150_000; i++) lines.push(`  k${i}: ${i}`);
    const { findings } = lintHostile(`${lines.join('\n')}\n`);
    assert.equal(findings.length, 150_000);
    assert.equal(findings[0], '6:7 schema-type `k0` must be a string, got integer 0; quote it: "0".');
  });

  it('a cursor on a line past the end of the document (completion, hover): a context, no exception', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', ''];
    assert.equal(cursorContext(lines, 3, 0).prefix, '');
    assert.equal(cursorContext(lines, 50, 7).prefix, '');
  });
});
