/**
 * Kustomization files: the kustomize API schema (diagnostics, completion, hover) and the kustomize
 * rules, with `kubectl kustomize` as the oracle where it is installed (CI installs it; elsewhere
 * those cases are skipped with a message).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../server/src/setup';
import { completion } from '../../server/src/lsp/completion';
import { hover } from '../../server/src/lsp/hover';
import { applyEdits } from '../helpers/applyEdits';
import { folderWith, kustomize, NO_KUBECTL } from '../helpers/kustomizeOracle';
import { engineWith, lintAll, summarize } from '../helpers/engineHarness';
import { parse, REPO_ROOT, store, yaml } from './schemaFixtures';
import { caret } from '../helpers/caret';

/** Findings of the engine over the files of a folder on disk (so generator inputs and folders resolve). */
function lintFolder(root: string, names: readonly string[]) {
  const engine = createEngine();
  for (const name of names) engine.index.setFile(pathToFileURL(join(root, name)).href, readFileSync(join(root, name), 'utf8'));
  return lintAll(engine).map((f) => `${f.uri.slice(pathToFileURL(root).href.length + 1)}:${f.range.start.line + 1} ${f.code}`);
}

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: main-app\ndata:\n  a: "1"\n';
const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: main-app
  spec:
    selector:
      matchLabels: { app: main-app }
    template:
      metadata:
        labels: { app: main-app }
      spec:
        containers:
          - name: main-app
            image: nginx:1.27
`;

describe('kustomization schema', () => {
  it('reports unknown fields with did-you-mean, wrong types and missing required fields', () => {
    const engine = engineWith({
      'kustomization.yaml': yaml`
        resoures:
          - deployment.yaml
        namePrefix: 3
        labels:
          - pairs: { app: web }
            includeSelector: true
        replicas:
          - name: main-app
      `,
      'deployment.yaml': DEPLOYMENT,
    });
    assert.deepEqual(
      lintAll(engine).map((f) => `${f.range.start.line + 1} ${f.code} ${f.message}`),
      [
        '1 schema-unknown-field Unknown field `resoures` in Kustomization; did you mean `resources`?',
        '3 schema-type `namePrefix` must be a string, got integer 3; quote it: "3".',
        '6 schema-unknown-field Unknown field `includeSelector` in Label; did you mean `includeSelectors`?',
        '8 schema-required Missing required field `count` in Replica at `replicas[0]`; add `count:`.',
      ],
    );
  });

  it('checks Component files (kind: Component) and leaves Flux Kustomization custom resources alone', () => {
    const engine = engineWith({
      'components/tls/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatchez: []\n',
      'flux.yaml':
        'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  interval: 10m\n  path: ./apps\n  prune: true\n  sourceRef: {kind: GitRepository, name: flux-system}\n',
    });
    // The Flux object is a custom resource, checked against the bundled catalog's flux-cd schema (and valid).
    assert.deepEqual(summarize(lintAll(engine)), ['kustomization.yaml:3 schema-unknown-field']);
  });

  it('every field of the schema is one kustomize knows, and a misspelt one is refused by both', { skip: NO_KUBECTL }, () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'kustomize.json'), 'utf8')) as {
      definitions: Record<string, { properties: Record<string, { type?: string; items?: { $ref?: string } }> }>;
    };
    // Each top-level field with an empty value, and each list of objects with one item holding every field of its type (as an empty value).
    const empty = (p: { type?: string }): unknown =>
      p.type === 'array' ? [] : p.type === 'string' ? '' : p.type === 'boolean' ? false : p.type === 'integer' ? 0 : {};
    const top = schema.definitions['kustomize.Kustomization']!.properties;
    const value: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries(top)) {
      if (name === 'apiVersion' || name === 'kind' || name === 'sortOptions') continue;
      const ref = prop.items?.$ref?.replace('#/definitions/', '');
      const item = ref ? schema.definitions[ref] : undefined;
      value[name] = item?.properties ? [Object.fromEntries(Object.entries(item.properties).map(([k, p]) => [k, empty(p)]))] : empty(prop);
    }
    const unknownFields = (text: string): string[] => {
      const root = folderWith({ 'kustomization.yaml': text });
      const run = kustomize(root);
      rmSync(root, { recursive: true, force: true });
      return [...run.err.matchAll(/unknown field \\?"([^"\\]+)/g)].map((m) => m[1]!);
    };
    const text = JSON.stringify(value);
    assert.deepEqual(unknownFields(text), []);
    assert.deepEqual(unknownFields(text.replace('"namePrefix"', '"namePrefx"')), ['namePrefx']);
    const ours = lintAll(engineWith({ 'kustomization.yaml': text })).filter((f) => f.code.startsWith('schema-'));
    assert.deepEqual(
      ours.map((f) => f.message),
      [],
    );
  });

  it('completes kustomization field names with their docs, without apiVersion or kind in the file', () => {
    const { text, position } = caret('resources:\n  - a.yaml\nname^\n');
    const labels = completion(parse(text, 'file:///w/kustomization.yaml'), position, store()).items.map((i) => i.label);
    assert.ok(labels.includes('namePrefix') && labels.includes('nameSuffix') && labels.includes('configMapGenerator'), labels.join(','));
    assert.ok(!labels.includes('resources'), 'a present field is not offered again');
    const { text: nested, position: at } = caret('patches:\n  - target:\n      ki^\n');
    const nestedLabels = completion(parse(nested, 'file:///w/kustomization.yaml'), at, store()).items.map((i) => i.label);
    assert.deepEqual(nestedLabels.filter((l) => ['kind', 'labelSelector', 'annotationSelector'].includes(l)).sort(), [
      'annotationSelector',
      'kind',
      'labelSelector',
    ]);
  });

  it('hovers a kustomization field with its description and the kustomize reference', () => {
    const { text, position } = caret('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLab^els:\n  app: web\n');
    const value = (hover(parse(text, 'file:///w/kustomization.yaml'), position, store())?.contents as { value: string }).value;
    assert.match(value, /^\*\*commonLabels\*\* `map\[string\]string` — optional, in Kustomization\n\nDeprecated: use `labels`/);
    assert.match(value, /kubectl\.docs\.kubernetes\.io\/references\/kustomize\/kustomization/);
  });
});

describe('kustomize rules against kubectl kustomize', { skip: NO_KUBECTL }, () => {
  it('a missing path, a duplicate resource and a cycle each break kubectl kustomize, and each is reported', () => {
    const cases: [Record<string, string>, string[]][] = [
      [
        { 'app/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - service.yaml\n', 'app/deployment.yaml': DEPLOYMENT },
        ['app/kustomization.yaml:3 no-missing-kustomize-path'],
      ],
      [
        { 'app/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - ./deployment.yaml\n', 'app/deployment.yaml': DEPLOYMENT },
        ['app/kustomization.yaml:3 no-duplicate-kustomize-resource'],
      ],
      [
        {
          'app/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - ..\n',
          'app/deployment.yaml': DEPLOYMENT,
          'kustomization.yaml': 'resources:\n  - app\n',
        },
        ['app/kustomization.yaml:3 no-kustomize-cycle', 'kustomization.yaml:2 no-kustomize-cycle'],
      ],
      [
        { 'a/kustomization.yaml': 'resources:\n  - ../b\n', 'b/kustomization.yaml': 'resources:\n  - ../a\n' },
        ['a/kustomization.yaml:2 no-kustomize-cycle', 'b/kustomization.yaml:2 no-kustomize-cycle'],
      ],
      [
        { 'app/kustomization.yaml': 'configMapGenerator:\n  - name: conf\n    files:\n      - app.conf=conf/app.conf\n' },
        ['app/kustomization.yaml:4 no-missing-kustomize-path'],
      ],
      [{ 'app/kustomization.yaml': 'resources:\n  - ../common\n', 'common/cm.yaml': CONFIGMAP }, ['app/kustomization.yaml:2 no-missing-kustomize-path']],
      [
        { 'app/kustomization.yaml': 'resources:\n  - ../common/cm.yaml\n', 'common/cm.yaml': CONFIGMAP },
        ['app/kustomization.yaml:2 no-kustomize-file-outside-root'],
      ],
      [
        { 'app/kustomization.yaml': 'configMapGenerator:\n  - name: x\n    envs:\n      - ../common/app.env\n', 'common/app.env': 'port=1\n' },
        ['app/kustomization.yaml:4 no-kustomize-file-outside-root'],
      ],
    ];
    for (const [files, expected] of cases) {
      const root = folderWith(files);
      try {
        const folder = join(root, Object.keys(files)[0]!.split('/')[0]!);
        assert.equal(kustomize(folder).ok, false, `kubectl kustomize accepts ${JSON.stringify(files)}`);
        assert.deepEqual(
          lintFolder(
            root,
            Object.keys(files).filter((f) => f.endsWith('.yaml')),
          ),
          expected,
        );
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  });

  it('a valid tree with remote resources, generator files on disk and an overlay yields nothing and builds', () => {
    const files = {
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: conf\n    files:\n      - app.conf=conf/app.conf\n',
      'base/deployment.yaml': DEPLOYMENT,
      'base/conf/app.conf': 'port = 80\n',
      'overlay/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: replicas.yaml\n',
      'overlay/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: main-app\nspec:\n  replicas: 3\n',
    };
    const root = folderWith(files);
    try {
      assert.equal(kustomize(join(root, 'overlay')).ok, true);
      const yamlFiles = Object.keys(files).filter((f) => f.endsWith('.yaml'));
      assert.deepEqual(lintFolder(root, yamlFiles), []);
      // A remote resource is not looked for on disk.
      const engine = engineWith({ 'kustomization.yaml': 'resources:\n  - github.com/example/platform//base?ref=v1\n  - https://example.com/cm.yaml\n' });
      assert.deepEqual(summarize(lintAll(engine)), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the deprecated-field fixes render exactly what the deprecated fields rendered', () => {
    const kustomization = yaml`
      bases:
        - ../base
      resources:
        - configmap.yaml
      commonLabels: { team: web }
      patchesStrategicMerge:
        - replicas.yaml
      patchesJson6902:
        - target: { group: apps, version: v1, kind: Deployment, name: main-app }
          path: image.json
    `;
    const files = {
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'base/deployment.yaml': DEPLOYMENT,
      'app/configmap.yaml': CONFIGMAP,
      'app/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: main-app\nspec:\n  replicas: 3\n',
      'app/image.json': '[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "nginx:1.28"}]\n',
      'app/kustomization.yaml': kustomization,
    };
    const root = folderWith(files);
    try {
      const before = kustomize(join(root, 'app'));
      assert.equal(before.ok, true, before.err);
      const deprecated = (t: string) => lintAll(engineWith({ 'kustomization.yaml': t })).filter((f) => f.code === 'no-deprecated-kustomize-field');
      let text = kustomization;
      // One fix at a time, re-linted after each (as a user applies them).
      for (let round = 0; round < 5; round++) {
        const finding = deprecated(text).find((f) => f.data?.fixes);
        if (!finding) break;
        text = applyEdits(text, finding.data!.fixes![0]!.edits[0]!.edits);
      }
      assert.deepEqual(summarize(deprecated(kustomization)), [
        'kustomization.yaml:1 no-deprecated-kustomize-field',
        'kustomization.yaml:5 no-deprecated-kustomize-field',
        'kustomization.yaml:6 no-deprecated-kustomize-field',
        'kustomization.yaml:8 no-deprecated-kustomize-field',
      ]);
      assert.deepEqual(summarize(deprecated(text)), []);
      writeFileSync(join(root, 'app', 'kustomization.yaml'), text);
      const after = kustomize(join(root, 'app'));
      assert.equal(after.ok, true, after.err);
      assert.equal(after.out, before.out);
      assert.equal(after.err, '', 'no deprecation warnings left');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('no-unmatched-patch-target', () => {
  const patch = (target: string) =>
    `resources:\n  - ../base\npatches:\n  - target: ${target}\n    patch: |-\n      - op: replace\n        path: /spec/replicas\n        value: 3\n`;
  const files = (target: string): Record<string, string> => ({
    'overlay/kustomization.yaml': patch(target),
    'base/kustomization.yaml': 'namePrefix: shop-\nresources:\n  - deployment.yaml\nlabels:\n  - pairs:\n      team: web\n',
    'base/deployment.yaml': DEPLOYMENT,
  });

  it('agrees with kubectl kustomize on which targets apply: by prefixed name, regex, added labels; not a typo', { skip: NO_KUBECTL }, () => {
    const cases: [string, boolean][] = [
      ['{ kind: Deployment, name: shop-main-app }', true],
      ['{ kind: Deploy.*, name: ".*main-app" }', true],
      ['{ group: apps, version: v1, kind: Deployment, labelSelector: "team=web" }', true],
      ['{ kind: Deployment, name: shop-main-ap }', false],
      ['{ kind: StatefulSet }', false],
      ['{ kind: Deployment, labelSelector: "team=api" }', false],
    ];
    for (const [target, applies] of cases) {
      const root = folderWith(files(target));
      try {
        const run = kustomize(join(root, 'overlay'));
        assert.equal(run.ok, true, run.err);
        assert.equal(run.out.includes('replicas: 3'), applies, `kubectl: ${target}`);
        const expected = applies ? [] : ['overlay/kustomization.yaml:4 no-unmatched-patch-target'];
        assert.deepEqual(lintFolder(root, Object.keys(files(target))), expected, target);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  });

  it('says nothing when a resource is outside the workspace (remote), so the list is not known', () => {
    const engine = engineWith({
      'kustomization.yaml': patch('{ kind: Deployment, name: nothing-like-it }').replace('../base', 'github.com/example/base?ref=v1'),
    });
    assert.deepEqual(summarize(lintAll(engine)), []);
  });

  it('names the target and the number of resources in its message', () => {
    const engine = engineWith({
      'kustomization.yaml': 'resources:\n  - deployment.yaml\npatches:\n  - target: { kind: Deployment, name: main-ap }\n    path: p.yaml\n',
      'deployment.yaml': DEPLOYMENT,
      'p.yaml': '[]\n',
    });
    assert.deepEqual(
      lintAll(engine)
        .filter((f) => f.code === 'no-unmatched-patch-target')
        .map((f) => f.message),
      [
        'patches[0].target (kind Deployment, name main-ap) selects none of the 1 resources of this kustomization: kustomize skips the patch without an error. Correct the target or remove the patch.',
      ],
    );
  });
});

describe('kustomization findings stay current', () => {
  it('a listed file added or removed re-checks the kustomization (FILES_KEY), and only then', () => {
    const engine = engineWith({ 'kustomization.yaml': 'resources:\n  - deployment.yaml\n  - service.yaml\n', 'deployment.yaml': DEPLOYMENT });
    const kustomization = 'file:///workspace/biome/kustomization.yaml';
    assert.deepEqual(summarize(engine.linter.lintFile(kustomization)), ['kustomization.yaml:3 no-missing-kustomize-path']);
    const added = engine.index.setFile('file:///workspace/biome/service.yaml', CONFIGMAP.replace('main-app', 'svc'));
    assert.ok(engine.linter.dependentsOf(added.changedKeys).has(kustomization));
    assert.deepEqual(summarize(engine.linter.lintFile(kustomization)), []);
    const edited = engine.index.setFile('file:///workspace/biome/service.yaml', CONFIGMAP.replace('main-app', 'svc2'));
    assert.equal(edited.changedKeys.has('files'), false, 'an edit is not an addition');
    const removed = engine.index.removeFile('file:///workspace/biome/service.yaml');
    assert.ok(engine.linter.dependentsOf(removed).has(kustomization));
    assert.deepEqual(summarize(engine.linter.lintFile(kustomization)), ['kustomization.yaml:3 no-missing-kustomize-path']);
  });
});

describe('kustomize rules on hostile input', () => {
  it('a catastrophic-backtracking target name and a 20,000-entry resource list stay fast', () => {
    const longName = 'a'.repeat(250);
    const started = performance.now();
    const engine = engineWith({
      'kustomization.yaml': `resources:\n  - deployment.yaml\npatches:\n  - target: { name: "(a+)+$" }\n    path: p.yaml\n`,
      'deployment.yaml': DEPLOYMENT.replace('name: main-app\n', `name: ${longName}!\n`),
      'p.yaml': '[]\n',
      'long/kustomization.yaml': `resources:\n${Array.from({ length: 20_000 }, (_, i) => `  - missing-${i}.yaml\n`).join('')}`,
    });
    const findings = lintAll(engine);
    assert.equal(findings.filter((f) => f.code === 'no-missing-kustomize-path').length, 20_000);
    // The pattern is compared literally (no regex ran on the 251-character name), so it selects nothing.
    assert.deepEqual(
      findings.filter((f) => f.code === 'no-unmatched-patch-target').map((f) => f.range.start.line),
      [3],
    );
    // Deterministic bound: far above the ~1 s this takes, far below a backtracking hang.
    assert.ok(performance.now() - started < 60_000);
  });
});

describe('kustomize path findings', () => {
  it('underline just the path of a generator `key=path` entry, quoted or not', () => {
    const engine = engineWith({
      'kustomization.yaml': 'configMapGenerator:\n  - name: c\n    files:\n      - "app.conf=conf/app.conf"\n      - k=plain/x.conf\n',
    });
    assert.deepEqual(
      lintAll(engine).map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.code}`),
      ['3:18-31 no-missing-kustomize-path', '4:10-22 no-missing-kustomize-path'],
    );
  });
});
