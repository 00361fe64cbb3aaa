/**
 * The quick fix of `no-deprecated-kustomize-field` must not change what kustomize builds: for each deprecated
 * field, in block and flow style, with and without the replacement already present, `kubectl kustomize` gives the
 * same objects before and after the fix (and no deprecation warning after). A fix that changed the build would
 * silently change what users deploy.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits } from '../helpers/applyEdits';
import { folderWith, kustomize, NO_KUBECTL } from '../helpers/kustomizeOracle';
import { createEngine } from '../../server/src/setup';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.25
`;
const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n';
const SUPPORT: Record<string, string> = {
  'overlay/deployment.yaml': DEPLOYMENT,
  'overlay/configmap.yaml': CONFIGMAP,
  'overlay/replicas-patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
  'overlay/image-op.yaml': '- op: replace\n  path: /spec/template/spec/containers/0/image\n  value: nginx:1.27\n',
  'base/kustomization.yaml': 'resources:\n  - service.yaml\n',
  'base/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n',
};

/** Kustomizations (overlay/kustomization.yaml) that use deprecated fields, in the styles users write. */
const CASES: Record<string, string> = {
  'bases, block, before resources': 'bases:\n  - ../base\nresources:\n  - deployment.yaml\n  - configmap.yaml\n',
  'bases, flow': 'resources: [deployment.yaml]\nbases: [../base]\n',
  'commonLabels, block, with a comment above': '# the shop\nresources:\n  - deployment.yaml\ncommonLabels:\n  team: shop\n  tier: web\n',
  'commonLabels, flow': 'resources:\n  - deployment.yaml\ncommonLabels: {team: shop}\n',
  'patchesStrategicMerge, a path and an inline patch':
    'resources:\n  - deployment.yaml\npatchesStrategicMerge:\n  - replicas-patch.yaml\n  - |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      template:\n        metadata:\n          annotations: {note: patched}\n',
  'patchesStrategicMerge added to existing patches':
    'resources:\n  - deployment.yaml\npatches:\n  - path: image-op.yaml\n    target: {kind: Deployment, name: web}\npatchesStrategicMerge:\n  - replicas-patch.yaml\n',
  patchesJson6902:
    'resources:\n  - deployment.yaml\npatchesJson6902:\n  - target: {group: apps, version: v1, kind: Deployment, name: web}\n    path: image-op.yaml\n',
  imageTags: 'resources:\n  - deployment.yaml\nimageTags:\n  - name: nginx\n    newTag: "1.26"\n',
};

/** kubectl kustomize of the overlay folder of `files`. */
function build(files: Record<string, string>): { ok: boolean; out: string; err: string } {
  const root = folderWith(files);
  try {
    return kustomize(join(root, 'overlay'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The kustomization after applying every fix of the rule, one at a time (each on the text the last one left). */
function fixed(text: string): { text: string; fixes: number } {
  let current = text;
  let fixes = 0;
  for (let round = 0; round < 8; round++) {
    const engine = createEngine();
    const uri = pathToFileURL('/w/overlay/kustomization.yaml').href;
    engine.index.setFile(uri, current);
    const finding = engine.linter.lintFile(uri).find((f) => f.code === 'no-deprecated-kustomize-field' && f.data?.fixes?.length);
    const fix = finding?.data?.fixes?.[0];
    if (!fix) break;
    current = applyEdits(
      current,
      fix.edits.flatMap((e) => e.edits),
    );
    fixes++;
  }
  return { text: current, fixes };
}

describe('no-deprecated-kustomize-field: the fix keeps what kubectl kustomize builds', { skip: NO_KUBECTL }, () => {
  for (const [name, kustomization] of Object.entries(CASES)) {
    it(name, () => {
      const before = build({ ...SUPPORT, 'overlay/kustomization.yaml': kustomization });
      assert.ok(before.ok, `the case builds before the fix: ${before.err}`);
      assert.match(before.err, /deprecated/i, 'kubectl warns about the field before the fix');
      const after = fixed(kustomization);
      assert.ok(after.fixes > 0, 'the rule offers a fix');
      const built = build({ ...SUPPORT, 'overlay/kustomization.yaml': after.text });
      assert.ok(built.ok, `the fixed kustomization builds:\n${after.text}\n${built.err}`);
      assert.equal(built.out, before.out, `the same objects after the fix:\n${after.text}`);
      assert.doesNotMatch(built.err, /deprecated/i, `no deprecation warning after the fix:\n${after.text}`);
    });
  }
});
