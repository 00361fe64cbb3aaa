import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { activeExtension, createInWorkspace, extensionId, openInWorkspace, waitForDiagnostics } from '../helpers';

describe('the packaged .vsix, installed as users install it', () => {
  it('is the installed package, not the development folder', async () => {
    await openInWorkspace('biome/main-app-deployment.yaml');
    const ext = await activeExtension();
    const folder = path.basename(ext.extensionPath);
    assert.ok(folder.startsWith(`${extensionId}-`), `expected an installed extension folder, got ${ext.extensionPath}`);
  });

  it('starts its bundled server and publishes diagnostics on the sample', async () => {
    const editor = await createInWorkspace(
      'biome/e2e-syntax-error.yaml',
      ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: broken', 'data:', '  key: "unterminated', ''].join('\n'),
    );
    const diagnostics = await waitForDiagnostics(editor.document.uri);
    assert.ok(diagnostics.length > 0);
  });
});
