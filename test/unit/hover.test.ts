import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../server/src/lsp/hover';
import { statedDefault } from '../../server/src/engine/schema/describe';
import { apiReferenceUrl, kebabKind } from '../../server/src/engine/schema/apiReference';
import { parse, store, yaml } from './schemaFixtures';
import { caret } from '../helpers/caret';

function hoverAt(marked: string) {
  const { text, position } = caret(marked);
  return hover(parse(text), position, store());
}

const PROBE = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: web }
  spec:
    template:
      spec:
        containers:
          - name: web
            livenessProbe:
              peri^odSeconds: 10
`;

describe('hover', () => {
  it('describes a field: type, required, description, default and the API reference of the kind', () => {
    const result = hoverAt(PROBE);
    assert.deepEqual(result?.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 25 } });
    const value = (result?.contents as { value: string }).value;
    assert.equal(
      value,
      [
        '**periodSeconds** `integer` — optional, in Probe',
        'How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1.',
        'Default: 10 seconds',
        '[Deployment (apps/v1) API reference](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/)',
      ].join('\n\n'),
    );
  });

  it('says when a field is required', () => {
    const result = hoverAt('apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - po^rt: 80\n');
    assert.match((result?.contents as { value: string }).value, /^\*\*port\*\* `integer` — required, in ServicePort/);
  });

  it('is null on CRDs, values of free-form maps and blank lines', () => {
    assert.equal(hoverAt('apiVersion: example.com/v1\nkind: Foo\nsp^ec: {}\n'), null);
    assert.equal(hoverAt('apiVersion: v1\nkind: ConfigMap\ndata:\n  ke^y: v\n'), null);
    assert.equal(hoverAt('apiVersion: v1\nkind: ConfigMap\n^\n'), null);
  });

  it('works in the second document of a file', () => {
    const result = hoverAt('apiVersion: v1\nkind: ConfigMap\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  maxRe^plicas: 3\n');
    assert.equal(result?.range?.start.line, 6);
    assert.match((result?.contents as { value: string }).value, /horizontal-pod-autoscaler-v2\/\)$/);
  });

  it('reads defaults stated in descriptions', () => {
    assert.equal(statedDefault('Number of desired pods. Defaults to 1.'), '1');
    assert.equal(statedDefault('Value can be an absolute number (ex: 5). Defaults to 25%.'), '25%');
    assert.equal(statedDefault('No default here.'), undefined);
  });

  it('links kinds to their reference section', () => {
    assert.equal(kebabKind('CSIDriver'), 'csi-driver');
    assert.equal(
      apiReferenceUrl('v1', 'PersistentVolumeClaim'),
      'https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/',
    );
    assert.equal(apiReferenceUrl('networking.k8s.io/v1', 'Ingress'), 'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/ingress-v1/');
  });
});
