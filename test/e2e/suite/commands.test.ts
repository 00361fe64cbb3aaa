import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, createInWorkspace, fileWrites, openInWorkspace, positionOf, waitFor, workspaceRoot } from '../helpers';

/** The commands return what they did; these are the shapes the tests read. */
interface Preview {
  uri: string;
  renderer: string;
  text: string;
}
type Grafana = { status: string; url?: string; grafanaService?: string; portForward?: string; reason?: string; dashboard?: string };

function run<T>(command: string, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(`biomeManifests.${command}`, ...args);
}

function fileOf(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), relative);
}

function diskText(relative: string): string {
  return fs.readFileSync(fileOf(relative).fsPath, 'utf8');
}

/** What the tests read of the extension's API: the index status the server sends, and its event. */
interface IndexStatusApi {
  indexStatus: { status?: { manifests: number }; onDidUpdate: vscode.Event<unknown> };
}

/** Fires when the server reports a changed index (a file opened, created or removed was indexed). */
async function indexUpdates(): Promise<vscode.Event<unknown>> {
  return ((await activeExtension()).exports as IndexStatusApi).indexStatus.onDidUpdate;
}

/** Waits, on `writes` of the file, until `relative` on disk differs from `before`; returns the new text. */
function changedOnDisk(relative: string, before: string, writes: ReturnType<typeof fileWrites>): Promise<string> {
  const changed = (): string | undefined => {
    const now = diskText(relative);
    return now !== before ? now : undefined;
  };
  return waitFor(`${relative} to change on disk`, changed, { event: writes.event }).finally(() => writes.dispose());
}

async function setGrafana(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('biomeManifests.grafana').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('commands', () => {
  before(async () => {
    await openInWorkspace('biome/main-app-deployment.yaml');
    await activeExtension();
  });

  it('registers every contributed command', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string; category: string }[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command, category } of pkg.contributes.commands) {
      assert.ok(registered.has(command), `${command} is not registered`);
      assert.equal(category, 'Biome Manifests');
    }
  });

  describe('Preview Rendered Manifests', () => {
    it('renders the active file with its probes patch merged, naming both sources', async () => {
      await openInWorkspace('biome/main-app-deployment.yaml');
      const preview = await run<Preview>('previewRendered');
      assert.equal(vscode.Uri.parse(preview.uri).scheme, 'biome-rendered');
      assert.equal(preview.renderer, 'biome');
      assert.match(preview.text, /# Renderer: Biome Manifests/);
      assert.match(preview.text, /# from: biome\/main-app-deployment\.yaml \(base\), biome\/main-app-probes\.yaml \(patch\)/);
      assert.match(preview.text, /readinessProbe:/);
      assert.match(preview.text, /# Secret values appear as in the source \(base64\)/);
    });

    it('updates live when a patch changes', async () => {
      await openInWorkspace('biome/main-app-deployment.yaml');
      const preview = await run<Preview>('previewRendered');
      const probes = (await openInWorkspace('biome/main-app-probes.yaml')).document;
      const edit = new vscode.WorkspaceEdit();
      const at = positionOf(probes, 'initialDelaySeconds: 30', 'initialDelaySeconds: '.length);
      edit.replace(probes.uri, new vscode.Range(at, at.translate(0, 2)), '31');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === preview.uri)!;
      await waitFor('the preview to show the edited delay', () => (doc.getText().includes('initialDelaySeconds: 31') ? true : undefined), {
        event: vscode.workspace.onDidChangeTextDocument,
      });
      await vscode.commands.executeCommand('workbench.action.files.revert', probes.uri);
      // The next test reads this preview: wait until it shows the reverted patch again.
      await waitFor('the preview to show the reverted delay', () => (doc.getText().includes('initialDelaySeconds: 30') ? true : undefined), {
        event: vscode.workspace.onDidChangeTextDocument,
      });
    });

    it('says so for a folder with no patches', async () => {
      await createInWorkspace('plain/config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "1"\n');
      const preview = await waitFor(
        'a preview listing the ConfigMap',
        async () => {
          const p = await run<Preview>('previewRendered', fileOf('plain'));
          return p.text.includes('ConfigMap plain') ? p : undefined;
        },
        { event: await indexUpdates() },
      );
      assert.match(preview.text, /# Rendered manifests for folder plain\//);
      assert.match(preview.text, /# No patches here: every object is shown as written\./);
    });

    it('shows the diff against base and copies the rendered text', async () => {
      await openInWorkspace('biome/main-app-deployment.yaml');
      const preview = await run<Preview>('previewRendered');
      const diff = await run<{ left: string; right: string }>('previewDiff', vscode.Uri.parse(preview.uri));
      assert.match(diff.left, /main-app-deployment\.base\.yaml/);
      assert.equal(diff.right, preview.uri);
      const copied = await run<{ characters: number }>('copyRendered', vscode.Uri.parse(preview.uri));
      assert.equal(await vscode.env.clipboard.readText(), preview.text);
      assert.equal(copied.characters, preview.text.length);
    });

    it('renders a chosen service, Secrets base64 unless revealed', async () => {
      const preview = await run<Preview>('previewRendered', { service: 'main-app' });
      assert.match(preview.text, /kind: HorizontalPodAutoscaler/);
      assert.match(preview.text, /JWT_SECRET: c3VwZXJzZWNyZXQ=/);
      const revealed = await run<Preview>('previewRendered', { service: 'main-app', reveal: true });
      assert.match(revealed.text, /JWT_SECRET: supersecret/);
    });
  });

  describe('Grafana', () => {
    afterEach(async () => {
      await setGrafana('url', undefined);
      await setGrafana('urlFormat', undefined);
    });

    it('with no Grafana URL, shows the workspace Grafana Service and the port-forward command', async () => {
      const result = await run<Grafana>('openGrafana', { service: 'main-app' });
      assert.deepEqual(result, {
        status: 'no-grafana-url',
        grafanaService: 'grafana.monitoring:3000',
        portForward: 'kubectl port-forward -n monitoring svc/grafana 3000:3000',
      });
    });

    it('after "Set Grafana URL…", saves the URL in user settings and goes on to open Grafana (issue #15)', async () => {
      // The user's answers and the browser, stubbed on the vscode API object the extension shares with the tests.
      const window = vscode.window as { showWarningMessage: unknown; showInputBox: typeof vscode.window.showInputBox };
      const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
      const originals = { warning: window.showWarningMessage, input: window.showInputBox, open: env.openExternal };
      const warnings: string[] = [];
      const offered: (string | undefined)[] = [];
      const opened: (vscode.Uri | string)[] = [];
      const browserOpened = new vscode.EventEmitter<void>();
      window.showWarningMessage = async (message: string, ...actions: string[]) => {
        warnings.push(message);
        return actions.includes('Set Grafana URL…') ? 'Set Grafana URL…' : undefined;
      };
      window.showInputBox = async (options?: vscode.InputBoxOptions) => (offered.push(options?.value), 'http://localhost:3000');
      env.openExternal = async (target: vscode.Uri | string) => (opened.push(target), browserOpened.fire(), true);
      try {
        const first = await run<Grafana>('openGrafana', { service: 'main-app' });
        assert.equal(first.status, 'no-grafana-url');
        await waitFor('Grafana to open once the URL is set', () => (opened.length > 0 ? true : undefined), { event: browserOpened.event, timeoutMs: 15_000 });
        assert.equal(warnings.length, 1, warnings.join('\n'));
        assert.deepEqual(offered, ['http://localhost:3000'], "the workspace Grafana's port-forward address is offered");
        const saved = vscode.workspace.getConfiguration('biomeManifests.grafana').inspect<string>('url');
        assert.equal(saved?.globalValue, 'http://localhost:3000');
        assert.deepEqual(opened.map(String), ['http://localhost:3000/d/service-overview?var-service=main-app&from=now-1h&to=now&orgId=1']);
      } finally {
        window.showWarningMessage = originals.warning;
        window.showInputBox = originals.input;
        env.openExternal = originals.open;
        browserOpened.dispose();
      }
    });

    it('links the dashboard discovered in the workspace with the Prometheus job', async () => {
      await setGrafana('url', 'http://localhost:3000/');
      const result = await run<Grafana>('copyGrafanaLink', { service: 'main-app' });
      assert.equal(result.status, 'copied');
      assert.equal(result.url, 'http://localhost:3000/d/service-overview?var-service=main-app&from=now-1h&to=now&orgId=1');
      assert.equal(await vscode.env.clipboard.readText(), result.url);
    });

    it('uses the Service at the cursor (code lens arguments)', async () => {
      await setGrafana('url', 'http://localhost:3000');
      const doc = (await openInWorkspace('biome/ai-personalization-deployment.yaml')).document;
      const line = positionOf(doc, 'kind: Service').line;
      const result = await run<Grafana>('copyGrafanaLink', { uri: doc.uri.toString(), line });
      assert.match(result.url ?? '', /var-service=ai-personalization&/);
    });

    it('falls back to Explore when no dashboard exists', async () => {
      await setGrafana('url', 'http://localhost:3000');
      const dashboard = 'infrastructure/monitoring/grafana/dashboards/service-overview.json';
      const saved = diskText(dashboard);
      await vscode.workspace.fs.delete(fileOf(dashboard));
      try {
        const result = await run<Grafana>('copyGrafanaLink', { service: 'grafana' });
        const url = new URL(result.url!);
        assert.equal(url.pathname, '/explore');
        assert.equal(url.searchParams.get('schemaVersion'), '1');
        assert.match(url.searchParams.get('panes')!, /up\{job=\\"grafana\\"\}/);
        await setGrafana('urlFormat', 'legacy');
        const legacy = await run<Grafana>('copyGrafanaLink', { service: 'grafana' });
        assert.ok(new URL(legacy.url!).searchParams.get('left'));
      } finally {
        await vscode.workspace.fs.writeFile(fileOf(dashboard), new TextEncoder().encode(saved));
      }
    });

    it('opens the link with its encoding kept: a job name cannot inject query parameters (issue #16)', async () => {
      await setGrafana('url', 'http://localhost:3000');
      const name = 'main-app&orgId=666&var-service=other';
      await createInWorkspace('biome/injected-service.yaml', `apiVersion: v1\nkind: Service\nmetadata:\n  name: "${name}"\nspec:\n  ports:\n    - port: 80\n`);
      const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
      const original = env.openExternal;
      const targets: (vscode.Uri | string)[] = [];
      // Recorded, not opened: no browser tab from a test. The extension shares this vscode API object.
      env.openExternal = async (target: vscode.Uri | string) => (targets.push(target), true);
      try {
        const result = await waitFor(
          'the injected Service to be indexed',
          async () => {
            const r = await run<Grafana>('openGrafana', { service: name });
            return r.status === 'opened' ? r : undefined;
          },
          { event: await indexUpdates() },
        );
        assert.equal(targets.length, 1);
        // What VS Code's OpenerService hands the browser: a string as given, a Uri as encodeURI(toString(true)).
        const target = targets[0]!;
        const opened = typeof target === 'string' ? target : encodeURI(target.toString(true));
        const expected = 'http://localhost:3000/d/service-overview?var-service=main-app%26orgId%3D666%26var-service%3Dother&from=now-1h&to=now&orgId=1';
        assert.equal(result.url, expected);
        assert.equal(opened, expected);
        assert.deepEqual(new URL(opened).searchParams.getAll('var-service'), [name]);
        assert.deepEqual(new URL(opened).searchParams.getAll('orgId'), ['1']);
      } finally {
        env.openExternal = original;
        await vscode.workspace.fs.delete(fileOf('biome/injected-service.yaml'));
      }
    });

    it("opens Explore with a rule's expr value from its code lens and from the cursor (issue #13)", async () => {
      await setGrafana('url', 'http://localhost:3000');
      // A rule file inside a ConfigMap key whose expr is a block scalar with quotes, braces and `&`, `#`, `+`.
      const expr = 'sum(rate(http_requests_total{path!="/a&b#c", code=~"5.+"}[5m]))\n  > 0.1\n';
      const text = [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: e2e-rules',
        '  namespace: monitoring',
        'data:',
        '  alerts.rules.yml: |',
        '    groups:',
        '      - name: e2e',
        '        rules:',
        '          - alert: E2eErrors',
        '            expr: |',
        '              sum(rate(http_requests_total{path!="/a&b#c", code=~"5.+"}[5m]))',
        '                > 0.1',
        '',
      ].join('\n');
      const editor = await createInWorkspace('biome/e2e-rules-configmap.yaml', text);
      const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
      const original = env.openExternal;
      const targets: (vscode.Uri | string)[] = [];
      env.openExternal = async (target: vscode.Uri | string) => (targets.push(target), true);
      try {
        const lens = await waitFor(
          'the rule lens',
          async () => {
            const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
            return lenses.find((l) => l.command?.title === 'Open in Grafana');
          },
          { event: await indexUpdates() },
        );
        assert.equal(lens.range.start.line, 10, 'on the `- alert:` line');
        const fromLens = await run<Grafana & { rule?: string; expr?: string }>(
          lens.command!.command.replace('biomeManifests.', ''),
          ...(lens.command!.arguments ?? []),
        );
        assert.equal(fromLens.status, 'opened');
        assert.equal(fromLens.rule, 'E2eErrors');
        assert.equal(fromLens.expr, expr);
        // The cursor inside the expr, no arguments: the same rule.
        const inExpr = positionOf(editor.document, '> 0.1');
        editor.selection = new vscode.Selection(inExpr, inExpr);
        const fromCursor = await run<Grafana>('openGrafana');
        assert.equal(fromCursor.url, fromLens.url);
        assert.equal(targets.length, 2);
        // What the browser receives: a string as given, a Uri as encodeURI(toString(true)) (see the issue #16 test).
        for (const target of targets) {
          const opened = typeof target === 'string' ? target : encodeURI(target.toString(true));
          assert.equal(opened, fromLens.url);
          const url = new URL(opened);
          assert.equal(url.pathname, '/explore');
          assert.deepEqual([...url.searchParams.keys()], ['schemaVersion', 'panes', 'orgId']);
          const panes = JSON.parse(url.searchParams.get('panes')!) as { a: { queries: { expr: string }[] } };
          assert.deepEqual(
            panes.a.queries.map((q) => q.expr),
            [expr],
          );
        }
        await setGrafana('urlFormat', 'legacy');
        const legacy = await run<Grafana>('copyGrafanaLink', ...(lens.command!.arguments ?? []));
        const left = JSON.parse(new URL(legacy.url!).searchParams.get('left')!) as { queries: { expr: string }[] };
        assert.deepEqual(
          left.queries.map((q) => q.expr),
          [expr],
        );
      } finally {
        env.openExternal = original;
        await vscode.workspace.fs.delete(fileOf('biome/e2e-rules-configmap.yaml'));
      }
    });

    it('refuses non-http Grafana URLs', async () => {
      await setGrafana('url', 'javascript:alert(1)');
      const result = await run<Grafana>('openGrafana', { service: 'main-app' });
      assert.equal(result.status, 'refused');
      assert.match(result.reason ?? '', /only http: and https:/);
    });
  });

  describe('Secrets', () => {
    it('offers Decode above each Secret and Open in Grafana above Services and Deployments', async () => {
      const secret = (await openInWorkspace('biome/app-secrets.yaml')).document;
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', secret.uri);
      assert.deepEqual(
        lenses.map((l) => l.command?.title),
        ['Decode'],
      );
      const deployment = (await openInWorkspace('biome/main-app-deployment.yaml')).document;
      const more = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', deployment.uri);
      assert.deepEqual(more.filter((l) => l.command?.title === 'Open in Grafana').length, 2);
    });

    it('decodes, and saving one edited value changes exactly one line of the source', async () => {
      const before = diskText('biome/app-secrets.yaml');
      const writes = fileWrites('biome/app-secrets.yaml');
      await openInWorkspace('biome/app-secrets.yaml');
      const result = await run<{ status: string; uri: string; keys: string[] }>('decodeSecret', {
        uri: fileOf('biome/app-secrets.yaml').toString(),
        name: 'app-secrets',
      });
      assert.equal(result.status, 'opened');
      assert.deepEqual(result.keys, ['JWT_SECRET', 'DATABASE_URL']);
      const view = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
      assert.match(view.getText(), /^JWT_SECRET: supersecret$/m);
      assert.match(view.getText(), /^DATABASE_URL: postgres:\/\/user:pass@host\/db$/m);
      const edit = new vscode.WorkspaceEdit();
      const at = positionOf(view, 'supersecret');
      edit.replace(view.uri, new vscode.Range(at, at.translate(0, 'supersecret'.length)), 'rotated');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await view.save());
      const after = await changedOnDisk('biome/app-secrets.yaml', before, writes);
      const a = before.split('\n');
      const b = after.split('\n');
      assert.equal(b.length, a.length);
      assert.deepEqual(
        a.flatMap((line, i) => (line === b[i] ? [] : [`${line} → ${b[i]}`])),
        ['  JWT_SECRET: c3VwZXJzZWNyZXQ= →   JWT_SECRET: cm90YXRlZA=='],
      );
    });

    it('refuses a Secret with invalid base64, naming the key and position, and changes nothing', async () => {
      const text = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: broken\ndata:\n  GOOD: YQ==\n  BAD: YWJj!A==\n';
      await createInWorkspace('biome/broken-secret.yaml', text);
      const result = await run<{ status: string; key: string; position: number }>('decodeSecret', {
        uri: fileOf('biome/broken-secret.yaml').toString(),
        name: 'broken',
      });
      assert.deepEqual({ status: result.status, key: result.key, position: result.position }, { status: 'invalid-base64', key: 'BAD', position: 5 });
      assert.equal(diskText('biome/broken-secret.yaml'), text);
    });

    it('encodes the value at the cursor through an undoable edit', async () => {
      const editor = await createInWorkspace('biome/encode-me.yaml', 'data:\n  KEY: hello\n');
      editor.selection = new vscode.Selection(1, 4, 1, 4);
      const result = await run<{ encoded: string }>('encodeSecretValue');
      assert.equal(result.encoded, 'aGVsbG8=');
      assert.equal(editor.document.lineAt(1).text, '  KEY: aGVsbG8=');
      const decoded = await run<{ status: string; text: string }>('decodeSecretValue');
      assert.deepEqual({ status: decoded.status, text: decoded.text }, { status: 'decoded', text: 'hello' });
    });

    it('encodes the YAML value, not its source text: quotes, escapes and a # inside quotes', async () => {
      const editor = await createInWorkspace('biome/encode-quoted.yaml', "data:\n  P: \"abc #def\" # note\n  Q: 'it''s'\n");
      editor.selection = new vscode.Selection(1, 4, 1, 4);
      assert.equal((await run<{ encoded: string }>('encodeSecretValue')).encoded, Buffer.from('abc #def').toString('base64'));
      editor.selection = new vscode.Selection(2, 4, 2, 4);
      assert.equal((await run<{ encoded: string }>('encodeSecretValue')).encoded, Buffer.from("it's").toString('base64'));
      assert.equal(
        editor.document.getText(),
        `data:\n  P: ${Buffer.from('abc #def').toString('base64')} # note\n  Q: ${Buffer.from("it's").toString('base64')}\n`,
      );
    });

    it('saving the decoded view of a flow data map removes only the deleted key', async () => {
      const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: flowy}\ndata: {a: YQ==, b: Yg==}\n';
      await createInWorkspace('biome/flow-secret.yaml', text);
      const writes = fileWrites('biome/flow-secret.yaml');
      const result = await run<{ status: string; uri: string }>('decodeSecret', { uri: fileOf('biome/flow-secret.yaml').toString(), name: 'flowy' });
      const view = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
      const line = view.getText().split('\n').indexOf('a: a');
      const edit = new vscode.WorkspaceEdit();
      edit.delete(view.uri, new vscode.Range(line, 0, line + 1, 0));
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await view.save());
      const after = await changedOnDisk('biome/flow-secret.yaml', text, writes);
      assert.equal(after, text.replace('{a: YQ==, b: Yg==}', '{b: Yg==}'));
    });
  });

  describe('New Service', () => {
    const answers = {
      name: 'billing',
      image: 'registry.example.com/billing:1.0.0',
      port: 8080,
      healthPath: '/health',
      minReplicas: 2,
      maxReplicas: 4,
      cpuTarget: 60,
    };

    it('writes the three files and opens them; a second time refuses to overwrite', async () => {
      const folder = fileOf('biome').toString();
      const created = await run<{ status: string; files: string[] }>('newService', { ...answers, folder });
      assert.equal(created.status, 'created');
      assert.deepEqual(
        created.files.map((f) => f.slice(f.lastIndexOf('/') + 1)),
        ['billing-deployment.yaml', 'billing-hpa.yaml', 'billing-probes.yaml'],
      );
      assert.match(diskText('biome/billing-hpa.yaml'), /averageUtilization: 60/);
      const again = await run<{ status: string; files: string[] }>('newService', { ...answers, folder });
      assert.equal(again.status, 'exists');
      assert.deepEqual(again.files, ['biome/billing-deployment.yaml', 'biome/billing-hpa.yaml', 'biome/billing-probes.yaml']);
    });

    it('rejects a name that is not a DNS label', async () => {
      const result = await run<{ status: string; problems: string[] }>('newService', { ...answers, name: 'Bad_Name', folder: fileOf('biome').toString() });
      assert.equal(result.status, 'invalid');
      assert.match(result.problems[0]!, /not a DNS label/);
    });
  });

  describe('Resource Map, rule docs, status', () => {
    it('draws the workspace graph with the broken Prometheus targets and the scrape of an unexposed port', async () => {
      const result = await run<{ nodes: number; edges: number; broken: number; warnings: number }>('showResourceMap');
      assert.ok(result.nodes > 15, `nodes: ${result.nodes}`);
      assert.ok(result.broken >= 3, `broken: ${result.broken}`);
      assert.equal(result.warnings, 1, 'main-app:3000 is scraped but Service main-app exposes 80');
    });

    it('opens a rule’s documentation when it exists', async function () {
      const ext = await activeExtension();
      if (!fs.existsSync(path.join(ext.extensionPath, 'docs', 'rules', 'no-latest-tag.md'))) this.skip();
      const result = await run<{ uri: string }>('showRuleDoc', 'no-latest-tag');
      assert.match(result.uri, /docs\/rules\/no-latest-tag\.md$/);
    });

    it('reports the number of indexed manifests', async () => {
      const { indexStatus } = (await activeExtension()).exports as IndexStatusApi;
      const status = await waitFor('an index status notification', () => indexStatus.status, { event: indexStatus.onDidUpdate });
      assert.ok(status.manifests >= 15, `manifests: ${status.manifests}`);
    });
  });
});
