import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, createInWorkspace, waitFor, workspaceRoot } from '../helpers';
import { createEngine } from '../../../server/src/setup';

/**
 * A 1,441-document file (≈ 620 KB): the bundled server parses it cold on two threads (the parse
 * worker runs dist/server.js in a worker thread). VS Code shows exactly the findings the engine
 * computes for it on one thread.
 */
function largeFile(): string {
  const docs: string[] = ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: shared\ntype: Opaque\ndata:\n  PASSWORD: cGFzc3dvcmQ=\n'];
  for (let i = 0; i < 480; i++) {
    const image = i % 55 === 3 ? 'nginx:latest' : 'nginx:1.27.1';
    const key = i % 60 === 11 ? 'PASSWRD' : 'PASSWORD';
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big-${i}\n  labels: {app: big-${i}}\nspec:\n  replicas: ${i % 40 === 7 ? '"two"' : '2'}\n  selector:\n    matchLabels: {app: big-${i}}\n  template:\n    metadata:\n      labels: {app: big-${i}}\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n          env:\n            - name: PASSWORD\n              valueFrom:\n                secretKeyRef: {name: shared, key: ${key}}\n          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n`,
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: big-${i}\nspec:\n  selector: {app: big-${i}}\n  ports:\n    - port: 80\n      targetPort: 8080\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big-${i}-config\ndata:\n${Array.from({ length: 20 }, (_, k) => `  key${k}: "value ${k} of ${i}"\n`).join('')}`,
    );
  }
  return docs.join('---\n');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('a large file', () => {
  before(() => activeExtension());
  // Its 480 Services must not reach suites that list the workspace's services.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'biome/e2e-large.yaml'));
  });

  it('gets in VS Code exactly the findings of a single-threaded check', async () => {
    const text = largeFile();
    const engine = createEngine();
    engine.index.setFile('file:///large.yaml', text);
    const expected = engine.linter
      .lintFile('file:///large.yaml')
      .map((f) => `${f.range.start.line}:${f.range.start.character} ${f.code}`)
      .sort();
    assert.ok(expected.length >= 10, `the file has findings (${expected.length})`);
    const editor = await createInWorkspace('biome/e2e-large.yaml', text);
    const shown = await waitFor(
      'all diagnostics of the large file',
      () => {
        const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'biome-manifests');
        return found.length >= expected.length ? found : undefined;
      },
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    assert.deepEqual(shown.map((d) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)}`).sort(), expected);
  });
});
