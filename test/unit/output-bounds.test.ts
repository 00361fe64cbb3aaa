/**
 * Bounded answers (issue #16): the outline and completion lists are capped, and say so (a closing
 * outline entry; `isIncomplete` with the typed word applied, so typing reaches what was left out).
 * Diagnostics per file are capped in diagnostics-bound.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { documentSymbols, FULL_OUTLINE_MAX_ENTRIES, MAX_DOCUMENT_SYMBOLS } from '../../server/src/lsp/symbols';
import { boundedCompletion, completionAt, MAX_COMPLETION_ITEMS } from '../../server/src/lsp/insight';
import { loadSchemaStore } from '../../server/src/engine/schema';
import { engineWith, uriOf } from '../helpers/engineHarness';
import { sampleEngine, sampleUri } from '../helpers/sampleEngine';
import { caret } from '../helpers/caret';

function countSymbols(symbols: readonly DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);
}

const configMap = (i: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  a: "1"\n  b: "2"\n  c: "3"\n`;

describe('bounded outline', () => {
  const configMaps = (count: number): string => Array.from({ length: count }, (_, i) => configMap(i)).join('---\n');
  const outlineOf = (text: string): DocumentSymbol[] => documentSymbols(engineWith({ 'many.yaml': text }).index.getFile(uriOf('many.yaml'))!);

  it('a file of 3,000 ConfigMaps (27,000 entries with fields) is outlined by its documents alone, every one of them', () => {
    const symbols = outlineOf(configMaps(3000));
    assert.equal(countSymbols(symbols), 3000);
    assert.deepEqual(
      symbols.map((s) => s.children?.length ?? 0),
      symbols.map(() => 0),
    );
    assert.equal(symbols[0]!.name, 'ConfigMap cm-0');
    assert.equal(symbols.at(-1)!.name, 'ConfigMap cm-2999');
    assert.equal(symbols.at(-1)!.range.start.line, 2999 * 9); // the last document's first line (after its `---`)
  });

  it('a file of 6,000 documents gets 5,000 entries, the last saying how many documents are left out whole', () => {
    const symbols = outlineOf(configMaps(6000));
    assert.equal(countSymbols(symbols), MAX_DOCUMENT_SYMBOLS);
    assert.equal(symbols.at(-1)!.name, '… and 1001 more documents (the outline shows 5000 entries)');
    assert.equal(symbols.at(-1)!.range.start.line, 4999 * 9 + 1); // the `kind` line of the first document left out
  });

  it(`a file whose outline with fields fits in ${FULL_OUTLINE_MAX_ENTRIES} entries keeps its fields; one more document and it does not`, () => {
    // 9 entries per ConfigMap: the title, apiVersion, kind, metadata, name, data and its 3 keys.
    const fits = Math.floor((FULL_OUTLINE_MAX_ENTRIES - 1) / 9);
    assert.equal(countSymbols(outlineOf(configMaps(fits))), fits * 9);
    assert.equal(countSymbols(outlineOf(configMaps(fits + 1))), fits + 1);
  });

  it('a small file is outlined whole', () => {
    assert.equal(countSymbols(outlineOf(configMap(1))), 9);
  });
});

describe('bounded completion', () => {
  const DEPLOYMENT = 'biome/main-app-deployment.yaml';
  const secrets = Array.from({ length: 1500 }, (_, i) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: bulk-${i}\n`).join('---\n');

  function completeAfter(replacement: string) {
    const original = sampleEngine().index.getFile(sampleUri(DEPLOYMENT))!.text;
    const needle = 'name: app-secrets\n';
    const start = original.indexOf(needle);
    const { text, position } = caret(`${original.slice(0, start)}${replacement}^${original.slice(original.indexOf('\n', start))}`);
    const engine = sampleEngine({ [DEPLOYMENT]: text });
    engine.index.setFile(sampleUri('biome/bulk-secrets.yaml'), secrets);
    const file = engine.index.getFile(sampleUri(DEPLOYMENT))!;
    return completionAt({ index: engine.index, store: loadSchemaStore() }, file, position, { showDecodedSecrets: false });
  }

  it('1,501 Secret names: at most 1,000 items, incomplete', () => {
    const list = completeAfter('name: ');
    assert.equal(list.items.length, MAX_COMPLETION_ITEMS);
    assert.equal(list.isIncomplete, true);
  });

  it('the typed word narrows a capped list, so every name stays reachable', () => {
    assert.deepEqual(
      completeAfter('name: ap').items.map((i) => i.label),
      ['app-secrets'],
    );
    const list = completeAfter('name: bulk-149');
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['bulk-149', ...Array.from({ length: 10 }, (_, i) => `bulk-149${i}`)].sort());
  });

  it('a list under the cap is passed through unchanged (and the typed word is not even computed)', () => {
    const list = { isIncomplete: false, items: [{ label: 'a' }, { label: 'b' }] };
    assert.equal(
      boundedCompletion(list, () => assert.fail('not needed')),
      list,
    );
  });
});
