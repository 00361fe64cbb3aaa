/**
 * Projection keys: a result that reads one projection of every object of a kind (names, command
 * lines, pod labels) is re-checked when that projection changes, not on any edit of such an object.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, summarize, uriOf } from '../helpers/engineHarness';
import { closest } from '../../server/src/rules/helpers/refCheck';
import { editDistance } from '../../server/src/engine/schema/suggest';
import { MAX_FINE_KEYS } from '../../server/src/engine/workspace/projectionKeys';

const deployment = (name: string, extra: { configMap?: string; annotation?: string; args?: string } = {}) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  annotations: {example.com/note: "${extra.annotation ?? 'none'}"}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: ${name}
          image: ${name}:1.0
${extra.args ? `          args: [${extra.args}]\n` : ''}${extra.configMap ? `          envFrom:\n            - configMapRef: {name: ${extra.configMap}}\n` : ''}`;

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {a: "1"}\n`;

function workspace() {
  return engineWith({
    'api.yaml': deployment('api', { configMap: 'settings' }),
    'worker.yaml': deployment('worker'),
    'other-config.yaml': configMap('unrelated'),
  });
}

describe('projection keys', () => {
  it('does not re-check a missing ConfigMap when another workload changes elsewhere than its command line', () => {
    const engine = workspace();
    assert.deepEqual(summarize(engine.linter.lintFile(uriOf('api.yaml'))), ['api.yaml:15 no-missing-configmap']);
    const { changedKeys } = engine.index.setFile(uriOf('worker.yaml'), deployment('worker', { annotation: 'edited' }), 2);
    assert.ok(changedKeys.has('kind:Deployment/default'), 'the edit changes a Deployment');
    assert.ok(!engine.linter.dependentsOf(changedKeys).has(uriOf('api.yaml')));
  });

  it('re-checks it when another workload names the ConfigMap on its command line (it may create it)', () => {
    const engine = workspace();
    engine.linter.lintFile(uriOf('api.yaml'));
    const { changedKeys } = engine.index.setFile(uriOf('worker.yaml'), deployment('worker', { args: '"--create-configmap=settings"' }), 2);
    assert.ok(engine.linter.dependentsOf(changedKeys).has(uriOf('api.yaml')));
    assert.deepEqual(summarize(engine.linter.lintFile(uriOf('api.yaml'))), []);
  });

  it('does not re-check it when another command line changes but names something else', () => {
    const engine = workspace();
    engine.linter.lintFile(uriOf('api.yaml'));
    const { changedKeys } = engine.index.setFile(uriOf('worker.yaml'), deployment('worker', { args: '"--create-configmap=other"' }), 2);
    assert.ok(changedKeys.has('command-lines:default'), 'the command lines changed');
    assert.ok(!engine.linter.dependentsOf(changedKeys).has(uriOf('api.yaml')), 'not the name api reads');
    const { changedKeys: dropped } = engine.index.setFile(uriOf('worker.yaml'), deployment('worker', { args: '"--create-configmap=settings"' }), 3);
    assert.ok(engine.linter.dependentsOf(dropped).has(uriOf('api.yaml')), 'now it is');
  });

  it('re-checks a Service when a workload gains or loses a label its selector names, not another label', () => {
    const service = `apiVersion: v1\nkind: Service\nmetadata: {name: worker}\nspec:\n  selector: {app: worker}\n  ports: [{port: 80}]\n`;
    const engine = engineWith({ 'api.yaml': deployment('api'), 'worker.yaml': deployment('worker'), 'svc.yaml': service });
    engine.linter.lintFile(uriOf('svc.yaml'));
    const other = engine.index.setFile(uriOf('api.yaml'), deployment('api').replace('labels: {app: api}', 'labels: {app: api, tier: x}'), 2).changedKeys;
    assert.ok(other.has('labels:Deployment/default'), 'pod labels changed');
    assert.ok(!engine.linter.dependentsOf(other).has(uriOf('svc.yaml')), 'a label the selector does not name');
    const gained = engine.index.setFile(uriOf('api.yaml'), deployment('api').replace('labels: {app: api}', 'labels: {app: worker}'), 3).changedKeys;
    assert.ok(engine.linter.dependentsOf(gained).has(uriOf('svc.yaml')), 'api now carries app=worker');
    assert.deepEqual(
      summarize(engine.linter.lintFile(uriOf('svc.yaml'))),
      summarize(
        engineWith({
          'api.yaml': deployment('api').replace('labels: {app: api}', 'labels: {app: worker}'),
          'worker.yaml': deployment('worker'),
          'svc.yaml': service,
        }).linter.lintFile(uriOf('svc.yaml')),
      ),
    );
    const lost = engine.index.setFile(uriOf('worker.yaml'), deployment('worker').replace('labels: {app: worker}', 'labels: {app: gone}'), 4).changedKeys;
    assert.ok(engine.linter.dependentsOf(lost).has(uriOf('svc.yaml')), 'worker no longer carries app=worker');
  });

  it('re-checks a Service that selects nothing in its namespace when a workload elsewhere gains its label, not on other edits', () => {
    const service = `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`;
    const inOps = (labels: string, note = 'none') =>
      deployment('web', { annotation: note }).replace('name: web\n', 'name: web\n  namespace: ops\n').replace('labels: {app: web}', `labels: {${labels}}`);
    const files = (web: string) => ({ 'svc.yaml': service, 'web.yaml': web });
    const engine = engineWith(files(inOps('app: other')));
    assert.match(engine.linter.lintFile(uriOf('svc.yaml'))[0]!.message, /no pod template in namespace shop/);
    const note = engine.index.setFile(uriOf('web.yaml'), inOps('app: other', 'edited'), 2).changedKeys;
    assert.ok(!engine.linter.dependentsOf(note).has(uriOf('svc.yaml')), 'an annotation of a workload elsewhere');
    const gained = engine.index.setFile(uriOf('web.yaml'), inOps('app: web'), 3).changedKeys;
    assert.ok(engine.linter.dependentsOf(gained).has(uriOf('svc.yaml')), 'a workload in ops now carries app=web');
    assert.deepEqual(engine.linter.lintFile(uriOf('svc.yaml')), engineWith(files(inOps('app: web'))).linter.lintFile(uriOf('svc.yaml')));
  });

  it('re-checks it when a patch renames a container: the args it merges go elsewhere (the words stay the same)', () => {
    const patch = (container: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${container}\n          args: ["--quiet"]\n`;
    const files = (container: string) => ({
      'api.yaml': deployment('api', { configMap: 'settings' }),
      'worker.yaml': deployment('worker', { args: '"--create-configmap=settings"' }),
      'worker-patch.yaml': patch(container),
    });
    const engine = engineWith(files('worker'));
    assert.deepEqual(summarize(engine.linter.lintFile(uriOf('api.yaml'))), ['api.yaml:15 no-missing-configmap'], "the patch's args replace the base's");
    engine.index.setFile(uriOf('worker-patch.yaml'), patch('sidecar'), 2);
    assert.deepEqual(summarize(engine.linter.lintFile(uriOf('api.yaml'))), [], 'the base keeps its args, which name settings');
    assert.deepEqual(engine.linter.lintFile(uriOf('api.yaml')), engineWith(files('sidecar')).linter.lintFile(uriOf('api.yaml')));
  });

  it("re-checks a Service when a patch stops overriding a pod label: the base's value selects again", () => {
    const service = `apiVersion: v1\nkind: Service\nmetadata: {name: worker}\nspec:\n  selector: {app: worker}\n  ports: [{port: 80}]\n`;
    const patch = (labels: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker}\nspec:\n  template:\n    metadata: {labels: {${labels}}}\n`;
    const files = (labels: string) => ({ 'svc.yaml': service, 'worker.yaml': deployment('worker'), 'worker-patch.yaml': patch(labels) });
    const engine = engineWith(files('app: canary'));
    assert.deepEqual(summarize(engine.linter.lintFile(uriOf('svc.yaml'))), ['svc.yaml:5 no-unmatched-service-selector'], 'the patch relabels the pods');
    engine.index.setFile(uriOf('worker-patch.yaml'), patch('tier: x'), 2);
    assert.deepEqual(engine.linter.lintFile(uriOf('svc.yaml')), engineWith(files('tier: x')).linter.lintFile(uriOf('svc.yaml')));
    assert.deepEqual(summarize(engine.linter.lintFile(uriOf('svc.yaml'))), [], 'app=worker again');
  });

  it('stays exact for a workload with more labels and named things than get a key each (one key per namespace then)', () => {
    const many = Array.from({ length: MAX_FINE_KEYS + 10 }, (_, i) => `l${i}: v${i}`).join(', ');
    const names = Array.from({ length: MAX_FINE_KEYS + 10 }, (_, i) => `"--make=cm-${i}"`).join(', ');
    const big = (app: string, made: string) =>
      deployment('big', { args: `${names}, "--make=${made}"` }).replace('labels: {app: big}', `labels: {app: ${app}, ${many}}`);
    const service = `apiVersion: v1\nkind: Service\nmetadata: {name: worker}\nspec:\n  selector: {app: worker}\n  ports: [{port: 80}]\n`;
    const files = (app: string, made: string) => ({
      'big.yaml': big(app, made),
      'svc.yaml': service,
      'api.yaml': deployment('api', { configMap: 'settings' }),
    });
    const engine = engineWith(files('worker', 'other'));
    const all = (e: ReturnType<typeof engineWith>) => ['svc.yaml', 'api.yaml'].flatMap((f) => e.linter.lintFile(uriOf(f)));
    const before = summarize(all(engine));
    assert.ok(before.includes('api.yaml:15 no-missing-configmap'), before.join(', '));
    engine.index.setFile(uriOf('big.yaml'), big('gone', 'settings'), 2);
    assert.deepEqual(all(engine), all(engineWith(files('gone', 'settings'))));
    assert.notDeepEqual(summarize(all(engine)), before, 'the Service selects nothing now and settings is made');
  });

  it('re-checks it when a ConfigMap is renamed, and suggests the new name', () => {
    const engine = workspace();
    assert.ok(!engine.linter.lintFile(uriOf('api.yaml'))[0]!.message.includes('Did you mean'));
    const { changedKeys } = engine.index.setFile(uriOf('other-config.yaml'), configMap('setings'), 2);
    assert.ok(engine.linter.dependentsOf(changedKeys).has(uriOf('api.yaml')));
    const [finding] = engine.linter.lintFile(uriOf('api.yaml'));
    assert.match(finding!.message, /Did you mean setings\?/);
  });

  it('keeps the suggestion right when a ConfigMap changes but keeps its name', () => {
    const engine = workspace();
    engine.index.setFile(uriOf('other-config.yaml'), configMap('setings'), 2);
    assert.match(engine.linter.lintFile(uriOf('api.yaml'))[0]!.message, /Did you mean setings\?/);
    const { changedKeys } = engine.index.setFile(uriOf('other-config.yaml'), configMap('setings').replace('"1"', '"2"'), 3);
    assert.ok(!engine.linter.dependentsOf(changedKeys).has(uriOf('api.yaml')), 'names unchanged: no re-check');
    assert.match(engine.linter.lintFile(uriOf('api.yaml'))[0]!.message, /Did you mean setings\?/);
  });
});

describe('bounded edit distance', () => {
  it('equals the full distance up to the bound, and exceeds the bound beyond it', () => {
    const words = [
      '',
      'a',
      'ab',
      'settings',
      'setings',
      'Settings',
      'app-config',
      'app-confg',
      'api-config',
      'cart-12-config',
      'cart-21-config',
      'x'.repeat(30),
    ];
    for (const a of words) {
      for (const b of words) {
        const full = editDistance(a, b);
        for (const bound of [0, 1, 2, 5]) {
          const bounded = editDistance(a, b, bound);
          if (full <= bound) assert.equal(bounded, full, `${a} → ${b} within ${bound}`);
          else assert.ok(bounded > bound, `${a} → ${b} beyond ${bound}`);
        }
      }
    }
  });

  it('suggests what the unbounded search suggested: the first closest within two edits, case-insensitive first', () => {
    assert.equal(closest('setings', ['app', 'settings', 'setting']), 'settings');
    assert.equal(closest('SETTINGS', ['settingz', 'settings']), 'settings');
    assert.equal(closest('abc', ['xyz', 'abcdef']), undefined);
  });
});

describe('re-running only the rules whose reads changed', () => {
  const service = `apiVersion: v1
kind: Service
metadata: {name: worker}
spec:
  selector: {app: worker}
  ports:
    - {name: http, port: 80, targetPort: 8080}
`;
  const files = (worker: string): Record<string, string> => ({
    'api.yaml': deployment('api', { configMap: 'settings' }).replace('api:1.0', 'api:latest'),
    'svc.yaml': service,
    'worker.yaml': worker,
    'config.yaml': configMap('settingz'),
  });
  const all = (engine: ReturnType<typeof engineWith>) =>
    ['api.yaml', 'svc.yaml', 'worker.yaml', 'config.yaml'].flatMap((name) => engine.linter.lintFile(uriOf(name)));

  it('gives what a fresh check gives, finding for finding and in the same order, after each edit', () => {
    const steps = [
      deployment('worker', { args: '"--create-configmap=settings"' }),
      deployment('worker', { args: '"--create-configmap=other"' }),
      deployment('worker').replace('labels: {app: worker}', 'labels: {app: worker, tier: x}'),
      deployment('worker').replace('    metadata: {labels: {app: worker}}\n', '    metadata: {labels: {app: worker}\n'),
      deployment('worker'),
    ];
    const engine = engineWith(files(deployment('worker')));
    assert.deepEqual(all(engine), all(engineWith(files(deployment('worker')))));
    steps.forEach((text, i) => {
      engine.index.setFile(uriOf('worker.yaml'), text, i + 2);
      assert.deepEqual(all(engine), all(engineWith(files(text))), `after step ${i + 1}`);
    });
  });
});
