/**
 * Label look-ups (`objectsOfKindByLabels`) answer with the current rendered objects, follow label
 * changes, patches and moved documents, and rebuild their postings only when pod labels change.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, uriOf } from '../helpers/engineHarness';
import { podLabels } from '../../server/src/engine/k8s/podSpec';
import type { RenderedObject } from '../../server/src/engine/render/render';

const deployment = (name: string, labels: string, image = 'api:1.0') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {${labels}}}
    spec:
      containers:
        - name: main
          image: ${image}
`;

function names(objects: readonly RenderedObject[]): string[] {
  return objects.map((o) => `${o.identity.name}@${o.sources.map((s) => s.startLine).join(',')}`);
}

describe('objectsOfKindByLabels', () => {
  it('answers with the current objects after edits of other fields, moves and label changes', () => {
    const engine = engineWith({ 'apps.yaml': [deployment('api', 'app: api'), deployment('web', 'app: web, tier: front')].join('---\n') });
    const select = (selector: Record<string, unknown>) => engine.index.objectsOfKindByLabels('Deployment', 'default', selector, podLabels);
    assert.deepEqual(names(select({ app: 'web' })), ['web@11']);
    assert.deepEqual(names(select({ app: 'web', tier: 'front' })), ['web@11']);
    assert.deepEqual(names(select({ app: 'web', tier: 'back' })), []);
    // Another field, and a comment above that moves both documents: the objects are the current ones.
    engine.index.setFile(
      uriOf('apps.yaml'),
      ['# moved\n' + deployment('api', 'app: api'), deployment('web', 'app: web, tier: front', 'web:2')].join('---\n'),
      2,
    );
    const [web] = select({ app: 'web' });
    assert.deepEqual(names(web ? [web] : []), ['web@12']);
    assert.equal((web?.value as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers[0]?.image, 'web:2');
    // A label change is followed both ways.
    engine.index.setFile(uriOf('apps.yaml'), [deployment('api', 'app: api, tier: front'), deployment('web', 'app: web')].join('---\n'), 3);
    assert.deepEqual(names(select({ tier: 'front' })), ['api@0']);
    assert.deepEqual(names(select({})), []);
  });

  it('matches the labels of the rendered object (base + patch), not of one document', () => {
    const patch = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    metadata: {labels: {app: api, track: canary}}\n`;
    const engine = engineWith({ 'api.yaml': deployment('api', 'app: api, track: stable'), 'api-patch.yaml': patch });
    const select = (selector: Record<string, unknown>) => engine.index.objectsOfKindByLabels('Deployment', 'default', selector, podLabels);
    assert.deepEqual(names(select({ track: 'canary' })), ['api@0,0']);
    // The base alone carries `track: stable`, but the patch overrides it in the object.
    assert.deepEqual(names(select({ track: 'stable' })), []);
  });

  it('reads every document for its postings only when pod labels changed, not after other edits', () => {
    const docs = Array.from({ length: 20 }, (_, n) => deployment(`d${n}`, `app: d${n}`));
    const engine = engineWith({ 'apps.yaml': docs.join('---\n') });
    let reads = 0;
    const counting = (object: RenderedObject) => {
      reads++;
      return podLabels(object);
    };
    const select = () => engine.index.objectsOfKindByLabels('Deployment', 'default', { app: 'd3' }, counting);
    assert.equal(select().length, 1);
    assert.ok(reads >= 20, `the first look-up builds the postings from every document (${reads} reads)`);
    reads = 0;
    docs[5] = deployment('d5', 'app: d5', 'other:2');
    engine.index.setFile(uriOf('apps.yaml'), docs.join('---\n'), 2);
    assert.equal(select().length, 1);
    assert.equal(reads, 1, 'only the selected object is read again');
    docs[5] = deployment('d5', 'app: d3', 'other:2');
    engine.index.setFile(uriOf('apps.yaml'), docs.join('---\n'), 3);
    assert.equal(select().length, 2);
    assert.ok(reads >= 20, 'a label change rebuilds the postings');
  });
});
