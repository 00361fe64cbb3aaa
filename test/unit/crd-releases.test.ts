/**
 * Versions of an operator's kinds that the bundled catalog (one release of each operator) lacks: an alpha/beta
 * version of an older release (cert-manager.io/v1alpha2, removed in cert-manager 1.7) gets its metadata checked and
 * a note that says so, never an error; a workspace CRD still decides what is served.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, uriOf } from '../helpers/engineHarness';

const lines = (files: Record<string, string>, file: string): string[] =>
  lintAll(engineWith(files))
    .filter((f) => f.uri === uriOf(file))
    .map((f) => `${f.range.start.line + 1} ${f.severity} ${f.code} ${f.message}`);

const certificate = (apiVersion: string, metadata = '{name: web, namespace: apps}'): string =>
  `apiVersion: ${apiVersion}\nkind: Certificate\nmetadata: ${metadata}\nspec:\n  secretName: web-tls\n  dnsNames: [example.com]\n  issuerRef: {name: letsencrypt}\n  keyAlgorithm: rsa # a v1alpha2 field, not in v1\n`;

describe('versions the bundled catalog lacks', () => {
  it('an alpha version of an older release: a note saying only apiVersion, kind and metadata are checked', () => {
    assert.deepEqual(lines({ 'cert.yaml': certificate('cert-manager.io/v1alpha2') }, 'cert.yaml'), [
      '1 info no-crd-schema Certificate cert-manager.io/v1alpha2 is from an older release of its operator: the bundled catalog has Certificate only as cert-manager.io/v1, so only its apiVersion, kind and metadata are checked. Add the CRD of the release you run to the workspace or to biomeManifests.crds.paths to check the rest.',
    ]);
  });

  it('its metadata is still checked as ObjectMeta, and the note comes once per apiVersion and kind in a file', () => {
    const two = `${certificate('cert-manager.io/v1alpha2', '{name: a, namespce: apps}')}---\n${certificate('cert-manager.io/v1alpha2', '{name: b}')}`;
    assert.deepEqual(
      lines({ 'cert.yaml': two }, 'cert.yaml').map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['1 info no-crd-schema', '3 error schema-unknown-field'],
    );
  });

  it('the version the catalog has is checked whole (v1 has no keyAlgorithm)', () => {
    assert.deepEqual(
      lines({ 'cert.yaml': certificate('cert-manager.io/v1') }, 'cert.yaml').map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['8 error schema-unknown-field'],
    );
  });

  it('a version name no Kubernetes API uses is an error naming the served versions', () => {
    assert.deepEqual(lines({ 'cert.yaml': certificate('cert-manager.io/v1alpah2') }, 'cert.yaml'), [
      '1 error schema-api-version The CRD of Certificate serves cert-manager.io/v1, not cert-manager.io/v1alpah2: change apiVersion.',
    ]);
  });

  it('a workspace CRD decides: a version it does not serve is an error, whatever other releases serve', () => {
    const crd = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: certificates.cert-manager.io}',
      'spec:',
      '  group: cert-manager.io',
      '  names: {kind: Certificate, plural: certificates}',
      '  scope: Namespaced',
      '  versions:',
      '    - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}',
      '',
    ].join('\n');
    assert.deepEqual(lines({ 'crd.yaml': crd, 'cert.yaml': certificate('cert-manager.io/v1alpha2') }, 'cert.yaml'), [
      '1 error schema-api-version The CRD of Certificate serves cert-manager.io/v1, not cert-manager.io/v1alpha2: change apiVersion.',
    ]);
  });
});
