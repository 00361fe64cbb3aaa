/**
 * Rendering: strategic merge of patches over their base, with provenance; which documents are
 * patches; and kubectl kustomize as an outside oracle for the merge.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { engineWith, uriOf } from '../helpers/engineHarness';
import { SAMPLE_DIR } from '../helpers/paths';

function sampleFiles(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(SAMPLE_DIR, 'biome', n), 'utf8')]));
}

function renderedDeployment(files: Record<string, string>, name: string) {
  const engine = engineWith(files);
  const object = engine.index.lookup('Deployment', 'default', name);
  assert.ok(object, `Deployment ${name} is indexed`);
  return object;
}

describe('render', () => {
  it('merges the main-app probes patch over its base: image, ports, env and both probes', () => {
    const object = renderedDeployment(sampleFiles(['main-app-deployment.yaml', 'main-app-probes.yaml']), 'main-app');
    const container = (object.value as any).spec.template.spec.containers[0]; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads a known shape
    assert.equal(container.image, 'azora/main-app:latest');
    assert.deepEqual(container.ports, [{ containerPort: 3000 }]);
    assert.deepEqual(
      container.env.map((e: { name: string }) => e.name),
      ['NODE_ENV', 'PORT', 'JWT_SECRET', 'DATABASE_URL'],
    );
    assert.equal(container.livenessProbe.initialDelaySeconds, 30);
    assert.equal(container.readinessProbe.periodSeconds, 5);
    assert.deepEqual(
      object.sources.map((s) => path.basename(s.uri)),
      ['main-app-deployment.yaml', 'main-app-probes.yaml'],
    );
  });

  it('keeps provenance: each value points at the file and line that set it', () => {
    const object = renderedDeployment(sampleFiles(['main-app-deployment.yaml', 'main-app-probes.yaml']), 'main-app');
    const probe = object.locate(['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'periodSeconds']);
    assert.equal(path.basename(probe.doc.uri), 'main-app-probes.yaml');
    assert.equal(probe.doc.rangeOfPath(probe.path).start.line, 15);
    const image = object.locate(['spec', 'template', 'spec', 'containers', 0, 'image']);
    assert.equal(path.basename(image.doc.uri), 'main-app-deployment.yaml');
    assert.equal(image.doc.rangeOfPath(image.path).start.line, 18);
  });

  it('merges lists by their patch merge key, replaces other lists, deletes with null and $patch', () => {
    const base = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:1
          args: [a, b]
          env: [{name: A, value: "1"}, {name: B, value: "2"}]
          ports: [{containerPort: 80, name: http}]
        - name: sidecar
          image: side:1
`;
    const patch = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          args: [c]
          env: [{name: B, value: "3"}, {name: C, value: "4"}]
          ports: [{containerPort: 80, protocol: TCP}]
        - name: sidecar
          $patch: delete
`;
    const object = renderedDeployment({ 'web.yaml': base, 'web-patch.yaml': patch }, 'web');
    const containers = (object.value as any).spec.template.spec.containers; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads a known shape
    assert.deepEqual(containers, [
      {
        name: 'web',
        image: 'web:1',
        args: ['c'],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '3' },
          { name: 'C', value: '4' },
        ],
        ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
      },
    ]);
  });

  it('does not merge two complete objects of the same name: each stands alone', () => {
    const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: same}\nspec:\n  containers:\n    - name: c\n      image: ${image}\n`;
    const engine = engineWith({ 'a.yaml': pod('a:1'), 'b.yaml': pod('b:1') });
    const objects = engine.index.objectsOfKind('Pod', 'default');
    assert.deepEqual(objects.map((o) => (o.value as { spec: { containers: { image: string }[] } }).spec.containers[0]!.image).sort(), ['a:1', 'b:1']);
    assert.equal(engine.index.isPatch(engine.index.getFile(uriOf('b.yaml'))!.documents[0]!), false);
  });
});

describe('render agrees with kubectl kustomize', () => {
  const kubectl = spawnSync('kubectl', ['version', '--client=true'], { encoding: 'utf8' });
  const available = kubectl.status === 0;
  it('renders the sample Deployments like `kubectl kustomize`', { skip: available ? false : 'kubectl is not installed here: the oracle cannot run' }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-kustomize-'));
    const names = ['main-app-deployment.yaml', 'main-app-probes.yaml', 'ai-personalization-deployment.yaml', 'ai-personalization-probes.yaml'];
    const files = sampleFiles(names);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      'resources:\n  - main-app-deployment.yaml\n  - ai-personalization-deployment.yaml\npatches:\n  - path: main-app-probes.yaml\n  - path: ai-personalization-probes.yaml\n',
    );
    const out = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(out.status, 0, out.stderr);
    const expected = parseAllDocuments(out.stdout).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
    for (const name of ['main-app', 'ai-personalization']) {
      const ours = renderedDeployment(files, name).value;
      const theirs = expected.find((o) => o.kind === 'Deployment' && o.metadata.name === name);
      assert.deepEqual(ours, theirs, `Deployment ${name}`);
    }
  });
});
