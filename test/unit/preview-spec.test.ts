/** The rendered preview's URI spec and header. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { previewHeader, previewLabel, specFromQuery, specToQuery, type PreviewSpec } from '../../client/src/preview/previewSpec';

const spec: PreviewSpec = { target: { kind: 'folder', uri: 'file:///w/biome' }, mode: 'full', reveal: false, root: 'file:///w' };

describe('preview spec', () => {
  it('round-trips through the URI query and rejects anything malformed', () => {
    assert.deepEqual(specFromQuery(specToQuery(spec)), spec);
    assert.equal(specFromQuery('{'), undefined);
    assert.equal(specFromQuery(JSON.stringify({ target: { kind: 'shell', uri: 'x' }, mode: 'full' })), undefined);
  });

  it('labels previews like files', () => {
    assert.equal(previewLabel(spec), 'biome.rendered.yaml');
    assert.equal(previewLabel({ ...spec, mode: 'base' }), 'biome.base.yaml');
    assert.equal(previewLabel({ target: { kind: 'service', name: 'main-app' }, mode: 'full', reveal: true }), 'service-main-app.rendered.revealed.yaml');
    assert.equal(previewLabel({ target: { kind: 'file', uri: 'file:///w/a%20b.yaml' }, mode: 'full', reveal: false }), 'a_b.rendered.yaml');
  });

  it('says which renderer was used and how Secrets are shown', () => {
    assert.equal(
      previewHeader({ spec, renderer: 'biome', objectCount: 3, patchCount: 0 }),
      [
        '# Rendered manifests for folder biome/',
        '# Renderer: Biome Manifests (strategic merge of every patch over its base)',
        '# No patches here: every object is shown as written.',
        '# 3 objects.',
        '# Secret values appear as in the source (base64).',
        '# Read-only; updates as the sources change.',
        '',
      ].join('\n'),
    );
    assert.match(previewHeader({ spec, renderer: 'kubectl', objectCount: 0, patchCount: 0 }), /# Renderer: kubectl kustomize/);
    assert.match(previewHeader({ spec: { ...spec, reveal: true }, renderer: 'biome', objectCount: 1, patchCount: 1 }), /DECODED/);
  });
});
