import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { completion } from '../../server/src/lsp/completion';
import { expandSnippet, SKELETONS } from '../../server/src/engine/schema/skeletons';
import { validateDocument } from '../../server/src/engine/schema/validate';
import { parse, store, yaml } from './schemaFixtures';
import { caret } from '../helpers/caret';

function complete(marked: string): CompletionItem[] {
  const { text, position } = caret(marked);
  return completion(parse(text), position, store()).items;
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const byLabel = (items: CompletionItem[], label: string) => items.find((i) => i.label === label)!;
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
/** Labels in the order an editor shows them (by sortText). */
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);

describe('completion', () => {
  it('offers the keys of the object at the cursor, required first, present ones left out', () => {
    const items = complete(yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers:
              - name: web
                ^
                image: web
    `);
    const shown = sorted(items);
    assert.ok(!shown.includes('name') && !shown.includes('image'));
    assert.equal(shown[0], 'args');
    assert.ok(shown.includes('livenessProbe'));
    const probe = byLabel(items, 'livenessProbe');
    assert.equal(probe.detail, 'Probe');
    assert.match((probe.documentation as { value: string }).value, /Periodic probe of container liveness/);
  });

  it('puts required fields first', () => {
    const items = complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  ^\n');
    assert.deepEqual(sorted(items).slice(0, 2), ['selector', 'template']);
    assert.equal(byLabel(items, 'selector').detail, 'LabelSelector (required)');
  });

  it('inserts `key: ` for scalars, a new indented line for objects and a `- ` item for lists', () => {
    const items = complete(yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers:
              - name: web
                liv^
    `);
    assert.deepEqual(edit(byLabel(items, 'livenessProbe')), {
      range: { start: { line: 7, character: 10 }, end: { line: 7, character: 13 } },
      newText: 'livenessProbe:\n            ',
    });
    assert.equal(edit(byLabel(items, 'ports')).newText, 'ports:\n            - ');
    assert.equal(edit(byLabel(items, 'image')).newText, 'image: ');
  });

  it('offers resource names under requests and limits (a map of quantities), those present left out', () => {
    const items = complete(yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers:
              - name: web
                resources:
                  requests:
                    memory: 128Mi
                    ^
    `);
    assert.deepEqual(labels(items), ['cpu', 'ephemeral-storage']);
    assert.equal(edit(byLabel(items, 'cpu')).newText, 'cpu: ');
    assert.equal(byLabel(items, 'cpu').detail, 'quantity');
    assert.deepEqual(labels(complete('apiVersion: v1\nkind: ConfigMap\ndata:\n  ^\n')), []);
  });

  it('completes keys on a new `- ` item line', () => {
    const items = complete('apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - ^\n');
    assert.deepEqual(sorted(items)[0], 'port');
    assert.deepEqual(edit(byLabel(items, 'targetPort')).range, { start: { line: 4, character: 6 }, end: { line: 4, character: 6 } });
  });

  it('offers the kinds of the apiVersion for `kind:`', () => {
    const items = complete('apiVersion: apps/v1\nkind: ^\n');
    assert.deepEqual(labels(items), ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
  });

  it('offers the apiVersions serving the kind for `apiVersion:`', () => {
    assert.deepEqual(labels(complete('apiVersion: ^\nkind: HorizontalPodAutoscaler\n')), ['autoscaling/v1', 'autoscaling/v2']);
  });

  it('offers enum values and booleans', () => {
    const doc = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      imagePullPolicy: ^\n';
    assert.deepEqual(labels(complete(doc)), ['Always', 'IfNotPresent', 'Never']);
    assert.deepEqual(labels(complete('apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: ^\n')), ['true', 'false']);
  });

  it('offers skeletons of the main kinds in an empty document', () => {
    const items = complete('^');
    const deployment = byLabel(items, 'Deployment (apps/v1)');
    assert.equal(deployment.insertTextFormat, 2);
    assert.ok(labels(items).includes('Service (v1)'));
    assert.ok(labels(items).includes('apiVersion'));
  });

  it('offers the whole-manifest snippets (k8s-…) only where a document can start', () => {
    const snippetLabels = (items: CompletionItem[]) => labels(items).filter((l) => String(l).startsWith('k8s-'));
    const all = [
      'k8s-configmap',
      'k8s-daemonset',
      'k8s-deployment',
      'k8s-hpa',
      'k8s-namespace',
      'k8s-probes',
      'k8s-secret',
      'k8s-service',
      'k8s-service-bundle',
    ];
    assert.deepEqual(snippetLabels(complete('^')).sort(), all);
    assert.deepEqual(snippetLabels(complete('k8s^')).sort(), all);
    assert.deepEqual(snippetLabels(complete('apiVersion: v1\nkind: ConfigMap\n---\n^\n')).sort(), all);
    assert.equal(byLabel(complete('^'), 'k8s-deployment').insertTextFormat, 2);
    const nested = [
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          resources:\n            ^\n',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          resources:\n            requests:\n              ^\n',
      'apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - port: ^\n',
      'apiVersion: v1\nkind: Service\n^\n',
      'apiVersion: v1\n^\n',
      'metadata:\n  ^\n',
      'kind: Foo\nspec:\n  ^\n',
    ];
    for (const doc of nested) {
      const items = complete(doc);
      assert.deepEqual(snippetLabels(items), [], doc);
      assert.ok(!items.some((i) => i.kind === 15 /* Snippet */), doc);
    }
  });

  it('offers nothing inside CRDs', () => {
    assert.deepEqual(complete('apiVersion: example.com/v1\nkind: Foo\nspec:\n  ^\n'), []);
  });

  for (const skeleton of SKELETONS) {
    it(`skeleton ${skeleton.kind} is a valid manifest`, () => {
      const file = parse(expandSnippet(skeleton.body));
      assert.equal(file.documents.length, 1);
      assert.deepEqual(
        validateDocument(file.documents[0]!, store()).map((f) => f.message),
        [],
      );
    });
  }
});
