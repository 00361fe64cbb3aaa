/**
 * The fast parser (engine/document/fastYaml) against yaml: wherever it returns an AST, that AST
 * must be yaml's (classes, ranges, values, scalar types, sources, formats, document range and
 * directives; comments aside). Checked on every document of the fixtures, the sample and the
 * real-world corpus, on hand-picked edge cases, and on generated and randomly damaged documents.
 * It must also take the common case: most real manifests go through it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { parseInSubset, parseWithYaml } from '../../server/src/engine/document/parsedChunk';
import { splitDocuments } from '../../server/src/engine/document/split';
import { FIXTURES_DIR, SAMPLE_DIR } from '../helpers/paths';
import { yamlFilesUnder } from '../helpers/corpus';
import { documentDifference } from '../helpers/astDiff';
import { genDocument, renderDocument } from '../helpers/yamlGenerator';
import { applyEdit, concreteEdit, editSpec } from '../lsp/fuzzSupport';

const RUNS = Number(process.env.BIOME_FAST_PARSE_RUNS ?? 2000);
const SEED = Number(process.env.BIOME_FUZZ_SEED ?? 20261127);

/** Asserts the fast parser agrees with yaml on `text`; returns whether it took the text. */
function agrees(text: string): boolean {
  const fast = parseInSubset(text);
  if (!fast) return false;
  const difference = documentDifference(fast, parseWithYaml(text));
  assert.equal(difference, undefined, `fast parser and yaml differ on:\n${text}\n→ ${difference}`);
  return true;
}

function documentsOf(text: string): string[] {
  return splitDocuments(text).map((s) => text.slice(s.start, s.end));
}

describe('fast YAML parser', () => {
  it('builds the AST yaml builds for every document of the fixtures and the sample, and takes most of them', () => {
    let documents = 0;
    let taken = 0;
    let takenWithCrlf = 0;
    for (const file of [...yamlFilesUnder(SAMPLE_DIR), ...yamlFilesUnder(FIXTURES_DIR)]) {
      for (const text of documentsOf(fs.readFileSync(file, 'utf8'))) {
        documents++;
        if (agrees(text)) taken++;
        // The same with Windows line ends (users' files may have either).
        if (agrees(text.replace(/\r?\n/g, '\r\n'))) takenWithCrlf++;
      }
    }
    assert.ok(documents > 500, `${documents} documents`);
    // The rest are mostly JSON-style manifests (multi-line flow collections), Helm templates and hostile inputs.
    assert.ok(taken / documents > 0.7, `${taken} of ${documents} documents took the fast path`);
    assert.ok(takenWithCrlf / documents > 0.7, `${takenWithCrlf} of ${documents} documents with CRLF took the fast path`);
  });

  it('takes and agrees on the constructs manifests use', () => {
    const cases = [
      'a: 1\n',
      '---\nkind: Pod\n',
      '--- # header\nkind: Pod\n',
      '# leading\n\nkind: Pod\nb: x # trailing\n',
      'a:\n  b: 1\n# at the top\n  c: 2\n',
      'list:\n- a\n- b: 1\n  c: "q"\nnext: 1\n',
      'list:\n  -   b: 2\n      c: 3\n  -\n  - 1.50\n',
      "q: 'it''s'\nd: \"a # b\"\n'k': v\n\"k2\": v\n",
      'lit: |\n  hello\n    x\n\n  y\nstrip: |-\n  t\n\nfolded: >\n  a\n  b\n\n  c\nf2: >-\n  x\n',
      'e: []\nf: [ x, "y" , 1 ]  # c\ng: {}\nh: {k: v, k2: "w"}\n',
      "v: [--a, -1, 'b']\n",
      'types: [yes, No, on, ~, 0644, 0x1F, e5, .inf, 1_000, 2001-12-14]\nmore:\n- 1:20\n- 2001-12-14 21:59:43.10 -5\n',
      'n: 1\ny: 2\n1: one\nnull: x\n',
      'args:\n  - --config=/etc/x.yaml\n  - -v\nurl: http://x.y/z?a=b#frag\nkey with spaces: a:b\n',
      'empty:\nlast:',
      'a: 1\nb:\n',
      'a:\n  b:\n',
      'no-final-newline: x',
      'crlf: 1\r\nlist:\r\n- a # c\r\n- b: |\r\n    x\r\n\r\n    y\r\nend: x\r\n',
    ];
    for (const text of cases) assert.ok(agrees(text), `the fast parser should take:\n${text}`);
  });

  it('leaves to yaml what it does not reproduce', () => {
    const cases = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '<<: {a: 1}\n',
      'a: "esc\\n"\n',
      'a: b\n  c\n',
      'a: b: c\n',
      '- - x\n',
      'a: |+\n  x\n\n',
      'a: |2\n  x\n',
      'a:\tb\n',
      'a: b\rc: d\n',
      '\ufeffa: b\n',
      '? a\n: b\n',
      'a: [1, [2]]\n',
      'a: [1,\n  2]\n',
      'a: [1, 2,]\n',
      '{a: 1}\n',
      'just a scalar\n',
      '',
      '# only a comment\n',
      'a:\n  b: 1\n    # deeper than the next line\nc: 2\n',
      "a:\n- x\n# in the dashes' column\nb: 1\n",
      'a: # a comment after a null\nb: 1\n',
      'a:\n# c\n',
      'l:\n  - # c\n  - 1\n',
      'a:\n  b:\n\n',
      'l:\n-   \nb: 1\n',
      'l:\r\n  -\r\n',
      'l:\n- 1\n# c\n-\n- 2\n',
      'a: "unclosed\n',
      "k: 'x' y\n",
      '%YAML 1.1\n---\na: 1\n',
      'a: 1\n...\n',
      `${'k'.repeat(1100)}: v\n`,
      `"${'k'.repeat(1100)}": v\n`,
      `k:\n${Array.from({ length: 120 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`,
    ];
    for (const text of cases) assert.equal(parseInSubset(text), undefined, `the fast parser should leave to yaml:\n${text}`);
  });

  it('agrees with yaml on generated documents, and takes most of those in its subset', () => {
    let taken = 0;
    fc.assert(
      fc.property(genDocument(false), fc.array(fc.nat(999), { minLength: 50, maxLength: 50 }), fc.constantFrom('\n', '\r\n'), (root, choices, lineBreak) => {
        if (agrees(renderDocument(root, choices, false, lineBreak))) taken++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    assert.ok(taken > RUNS / 3, `${taken} of ${RUNS} generated documents took the fast path`);
  });

  it('agrees with yaml on generated documents with texts YAML reads otherwise', () => {
    fc.assert(
      fc.property(genDocument(true), fc.array(fc.nat(999), { minLength: 50, maxLength: 50 }), fc.constantFrom('\n', '\r\n'), (root, choices, lineBreak) => {
        agrees(renderDocument(root, choices, true, lineBreak));
      }),
      { numRuns: RUNS, seed: SEED + 2 },
    );
  });

  it('agrees with yaml on damaged documents', () => {
    fc.assert(
      fc.property(
        genDocument(true),
        fc.array(fc.nat(999), { minLength: 50, maxLength: 50 }),
        fc.array(editSpec, { minLength: 1, maxLength: 3 }),
        (root, choices, edits) => {
          let text = renderDocument(root, choices, true, choices[0]! % 2 === 0 ? '\n' : '\r\n');
          for (const spec of edits) text = applyEdit(text, concreteEdit(spec, text, 'a: b\n  - c\n# d\n'));
          for (const document of documentsOf(text)) agrees(document);
        },
      ),
      { numRuns: RUNS, seed: SEED + 1 },
    );
  });
});
