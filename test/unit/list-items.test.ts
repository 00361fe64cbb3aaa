/** `kind: List` and typed `*List` documents: each item checked, indexed and outlined as its own resource. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, uriOf } from '../helpers/engineHarness';
import type { Finding } from '../../server/src/engine/types';
import { documentSymbols, workspaceSymbols } from '../../server/src/lsp/symbols';
import { hover } from '../../server/src/lsp/hover';
import { completion } from '../../server/src/lsp/completion';
import type { TextEdit } from 'vscode-languageserver';
import { store } from './schemaFixtures';
import { caret } from '../helpers/caret';

function brief(f: Finding): string {
  const { start, end } = f.range;
  return `${f.uri.slice(f.uri.lastIndexOf('/') + 1)} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.code}`;
}

const LIST = [
  'apiVersion: v1',
  'kind: List',
  'items:',
  '- apiVersion: apps/v1',
  '  kind: Deployment',
  '  metadata:',
  '    name: web',
  '    labelz: {}',
  '  spec:',
  '    replicas: two',
  '    selector: {matchLabels: {app: web}}',
  '    template:',
  '      metadata: {labels: {app: web}}',
  '      spec:',
  '        containers:',
  '        - name: web',
  '          image: nginx:1.25',
  '- apiVersion: v1',
  '  kind: ConfigMap',
  '  metadata: {name: settings}',
  '  data: {a: "1"}',
  '',
].join('\n');

describe('List items', () => {
  it('validates each item against its own kind, at exact ranges', () => {
    const findings = lintAll(engineWith({ 'list.yaml': LIST })).filter((f) => f.code.startsWith('schema-'));
    assert.deepEqual(findings.map(brief), ['list.yaml 8:5-8:11 schema-unknown-field', 'list.yaml 10:15-10:18 schema-type']);
    assert.match(findings[0]!.message, /Unknown field `labelz` in ObjectMeta/);
  });

  it('is silent for a valid List (the List itself is not validated as a whole again)', () => {
    const valid = LIST.replace('    labelz: {}\n', '').replace('replicas: two', 'replicas: 2');
    assert.deepEqual(lintAll(engineWith({ 'list.yaml': valid })).map(brief), []);
  });

  it('checks flow-style items and typed lists (ConfigMapList) the same way', () => {
    const flow = [
      'apiVersion: v1',
      'kind: ConfigMapList',
      'items: [{apiVersion: v1, kind: ConfigMap, metadata: {name: a, namez: x}},',
      '        {apiVersion: v1, kind: ConfigMap, metadata: {name: b}, data: {k: 1}}]',
      '',
    ].join('\n');
    const findings = lintAll(engineWith({ 'flow.yaml': flow })).filter((f) => f.code.startsWith('schema-'));
    assert.deepEqual(findings.map(brief), ['flow.yaml 3:63-3:68 schema-unknown-field', 'flow.yaml 4:74-4:75 schema-type']);
  });

  it('gives the items of a typed list its kind and group when they leave them out (as the API returns them)', () => {
    const typed = 'apiVersion: v1\nkind: ConfigMapList\nitems:\n- metadata: {name: a, namez: x}\n  data: {k: 1}\n- metadata: {name: b}\n';
    const engine = engineWith({ 'typed.yaml': typed });
    assert.deepEqual(lintAll(engine).map(brief), ['typed.yaml 4:23-4:28 schema-unknown-field', 'typed.yaml 5:13-5:14 schema-type']);
    assert.equal(engine.index.lookup('ConfigMap', 'default', 'b')?.identity.apiVersion, 'v1');
    // A plain `kind: List` implies nothing: an item without kind is not a resource.
    const plain = engineWith({ 'plain.yaml': typed.replace('ConfigMapList', 'List') });
    assert.deepEqual(plain.index.getFile(uriOf('plain.yaml'))!.documents[0]!.items, []);
  });

  it('takes part in cross-file rules: a Service selects a Deployment inside a List of another file', () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
    const withList = lintAll(engineWith({ 'list.yaml': LIST, 'svc.yaml': service })).filter((f) => f.uri === uriOf('svc.yaml'));
    assert.deepEqual(withList.map(brief), []);
    const alone = lintAll(engineWith({ 'svc.yaml': service })).map(brief);
    assert.deepEqual(alone, ['svc.yaml 5:3-5:11 no-unmatched-service-selector']);
  });

  it('indexes items by identity and follows edits of the List (added, changed, removed)', () => {
    const engine = engineWith({ 'list.yaml': LIST });
    assert.equal(engine.index.lookup('ConfigMap', 'default', 'settings')?.identity.name, 'settings');
    assert.equal(engine.index.lookup('Deployment', 'default', 'web')?.identity.kind, 'Deployment');
    engine.index.setFile(uriOf('list.yaml'), LIST.replace('name: settings', 'name: renamed'));
    assert.equal(engine.index.lookup('ConfigMap', 'default', 'settings'), undefined);
    assert.equal(engine.index.lookup('ConfigMap', 'default', 'renamed')?.identity.name, 'renamed');
    engine.index.removeFile(uriOf('list.yaml'));
    assert.equal(engine.index.lookup('ConfigMap', 'default', 'renamed'), undefined);
  });

  it('moves item findings with the List when lines are inserted above it', () => {
    const engine = engineWith({ 'list.yaml': LIST });
    const before = engine.linter
      .lintFile(uriOf('list.yaml'))
      .filter((f) => f.code.startsWith('schema-'))
      .map(brief);
    engine.index.setFile(uriOf('list.yaml'), `# a comment\n# another\n---\n${LIST}`, 2);
    const after = engine.linter
      .lintFile(uriOf('list.yaml'))
      .filter((f) => f.code.startsWith('schema-'))
      .map(brief);
    assert.deepEqual(before, ['list.yaml 8:5-8:11 schema-unknown-field', 'list.yaml 10:15-10:18 schema-type']);
    assert.deepEqual(after, ['list.yaml 11:5-11:11 schema-unknown-field', 'list.yaml 13:15-13:18 schema-type']);
  });

  it('shows items in the outline under `items` and in workspace symbols (not the List)', () => {
    const engine = engineWith({ 'list.yaml': LIST });
    const [list] = documentSymbols(engine.index.getFile(uriOf('list.yaml'))!);
    assert.equal(list?.name, 'List (unnamed)');
    const items = list?.children?.find((s) => s.name === 'items');
    assert.deepEqual(
      items?.children?.map((s) => [s.name, s.selectionRange.start.line]),
      [
        ['Deployment web', 4],
        ['ConfigMap settings', 18],
      ],
    );
    assert.deepEqual(
      workspaceSymbols(engine.index, '').map((s) => s.name),
      ['Deployment web', 'ConfigMap settings'],
    );
  });

  it('hovers an item field with its kind’s schema', () => {
    const { text, position } = caret(LIST.replace('    replicas: two', '    repl^icas: two'));
    const engine = engineWith({ 'list.yaml': text });
    const result = hover(engine.index.getFile(uriOf('list.yaml'))!, position, store());
    assert.match((result?.contents as { value: string }).value, /^\*\*replicas\*\* `integer` — optional, in DeploymentSpec/);
    assert.deepEqual(result?.range, { start: { line: 9, character: 4 }, end: { line: 9, character: 12 } });
  });

  it('completes an item’s keys for its kind, inserting nested lines at the item’s indentation', () => {
    const text = ['apiVersion: v1', 'kind: List', 'items:', '  - apiVersion: apps/v1', '    kind: Deployment', '    spec:', '      ', ''].join('\n');
    const engine = engineWith({ 'list.yaml': text });
    const items = completion(engine.index.getFile(uriOf('list.yaml'))!, { line: 6, character: 6 }, store()).items;
    const selector = items.find((i) => i.label === 'selector');
    assert.ok(selector, `DeploymentSpec keys expected, got ${items.map((i) => i.label).join(', ')}`);
    const edit = selector.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 6 } });
    assert.equal(edit.newText, 'selector:\n        ');
  });

  it('reports List items that are not resources at the item, and broken Lists, without crashing', () => {
    const odd = 'apiVersion: v1\nkind: List\nitems:\n- 5\n- {kind: Pod}\n- [a]\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s}\n  type: Opaque\n';
    const engine = engineWith({
      'odd.yaml': odd,
      'bad.yaml': 'apiVersion: v1\nkind: List\nitems: 5\n',
      'broken.yaml': 'apiVersion: v1\nkind: List\nitems:\n- a: [\n',
    });
    assert.deepEqual(
      engine.index.getFile(uriOf('odd.yaml'))!.documents[0]!.items.map((d) => d.identity?.kind),
      ['Secret'],
    );
    assert.equal(engine.index.getFile(uriOf('bad.yaml'))!.documents[0]!.items.length, 0);
    assert.equal(engine.index.getFile(uriOf('broken.yaml'))!.documents[0]!.items.length, 0);
    // kubectl rejects an item without apiVersion and kind: the List reports it at the item, never silently.
    const listFindings = lintAll(engine).filter((f) => f.code.startsWith('schema-') && f.uri !== uriOf('broken.yaml'));
    assert.deepEqual(listFindings.map(brief), [
      'bad.yaml 3:8-3:9 schema-type',
      'odd.yaml 4:3-4:4 schema-type',
      'odd.yaml 5:4-5:8 schema-required',
      'odd.yaml 6:3-6:6 schema-type',
    ]);
  });
});
