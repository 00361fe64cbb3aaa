import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext, type CursorContext } from '../../server/src/engine/document/cursorPath';
import { yaml } from './schemaFixtures';
import { caret } from '../helpers/caret';

/** The context at the `^` of a marked document. */
function at(marked: string): CursorContext {
  const { text, position } = caret(marked);
  return cursorContext(text.split('\n'), position.line, position.character);
}

describe('cursorContext', () => {
  it('is the top level on an empty document', () => {
    assert.deepEqual(at('^'), {
      parentPath: [],
      key: undefined,
      path: [],
      position: 'key',
      prefix: '',
      prefixStart: 0,
      keyColumn: 0,
      startsItem: false,
      siblingKeys: [],
    });
  });

  it('follows indentation on the half-typed line of a probe', () => {
    const ctx = at(yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers:
              - name: app
                livenessProbe:
                  httpGet:
                    port: 80
                  per^
    `);
    assert.deepEqual(ctx.parentPath, ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe']);
    assert.equal(ctx.position, 'key');
    assert.equal(ctx.prefix, 'per');
    assert.equal(ctx.prefixStart, 12);
    assert.equal(ctx.keyColumn, 12);
    assert.deepEqual(ctx.siblingKeys, ['httpGet']);
  });

  it('gives the full path in a value', () => {
    const ctx = at(yaml`
      spec:
        template:
          spec:
            containers:
              - name: app
                livenessProbe:
                  periodSeconds: 1^
    `);
    assert.deepEqual(ctx.path, ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'periodSeconds']);
    assert.equal(ctx.key, 'periodSeconds');
    assert.equal(ctx.position, 'value');
    assert.equal(ctx.prefix, '1');
    assert.equal(ctx.prefixStart, 27);
  });

  it('counts sequence items and keeps keys of the item on its dash line', () => {
    const ctx = at(yaml`
      containers:
        - name: a
          image: a
        - name: b
          ^
    `);
    assert.deepEqual(ctx.parentPath, ['containers', 1]);
    assert.equal(ctx.keyColumn, 4);
    assert.deepEqual(ctx.siblingKeys, ['name']);
  });

  it('starts a new item on a `- ` line, with no siblings from the previous item', () => {
    const ctx = at(yaml`
      containers:
        - name: a
          image: a
        - ^
    `);
    assert.deepEqual(ctx.parentPath, ['containers', 1]);
    assert.equal(ctx.startsItem, true);
    assert.equal(ctx.keyColumn, 4);
    assert.deepEqual(ctx.siblingKeys, []);
  });

  it('accepts items written at the column of their key', () => {
    const ctx = at(yaml`
      spec:
        containers:
        - name: a
        - name: b
          im^
    `);
    assert.deepEqual(ctx.parentPath, ['spec', 'containers', 1]);
    assert.equal(ctx.prefix, 'im');
  });

  it('returns to an outer mapping when the cursor is dedented', () => {
    const ctx = at(yaml`
      spec:
        containers:
        - name: a
          image: a
        ^
    `);
    assert.deepEqual(ctx.parentPath, ['spec']);
    assert.deepEqual(ctx.siblingKeys, ['containers']);
  });

  it('skips comments and block scalar bodies', () => {
    const ctx = at(yaml`
      data:
        script: |
          key: not a key
            deeper: text
        # comment: ignored
        other: x
      metadata:
        ^
    `);
    assert.deepEqual(ctx.parentPath, ['metadata']);
  });

  it('lists sibling keys above and below the cursor', () => {
    const ctx = at(yaml`
      metadata:
        name: x
        labels:
          app: x
        ^
        namespace: y
      spec: {}
    `);
    assert.deepEqual(ctx.parentPath, ['metadata']);
    assert.deepEqual(ctx.siblingKeys.sort(), ['labels', 'name', 'namespace']);
  });

  it('names the key under the cursor for hover', () => {
    const ctx = at(yaml`
      spec:
        repl^icas: 3
    `);
    assert.deepEqual(ctx.path, ['spec', 'replicas']);
    assert.equal(ctx.key, 'replicas');
  });

  it('handles nested sequences and quoted keys', () => {
    const ctx = at(yaml`
      a:
        - - "x y": 1
            ^
    `);
    assert.deepEqual(ctx.parentPath, ['a', 0, 0]);
    assert.deepEqual(ctx.siblingKeys, ['x y']);
  });

  it('ignores the document marker and works after one', () => {
    const ctx = at(yaml`
      ---
      spec:
        rep^
    `);
    assert.deepEqual(ctx.parentPath, ['spec']);
    assert.equal(ctx.prefix, 'rep');
  });
});
