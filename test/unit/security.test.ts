/**
 * Security properties of the client's pure parts: workspace trust decisions, the Grafana opener's
 * scheme check and encoding of every part, kubectl run without a shell with a timeout and an output
 * cap (proved with a fake kubectl), and the resource map webview built from hostile manifests.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kubectlToRun, restrictedValue } from '../../client/src/trust';
import { checkBaseUrl, dashboardUrl, exploreUrl, isOpenableUrl } from '../../client/src/grafana/url';
import { findServiceDashboard } from '../../client/src/grafana/dashboards';
import { kubectlKustomize, KUBECTL_MAX_OUTPUT_BYTES } from '../../client/src/preview/kubectl';
import { layoutGraph } from '../../client/src/resourceMap/layout';
import { resourceGraph } from '../../server/src/lsp/graph';
import { resourceMapHtml } from '../../client/src/resourceMap/html';
import { RestartPolicy } from '../../client/src/restartPolicy';
import { engineWith } from '../helpers/engineHarness';
import { REPO_ROOT } from '../helpers/paths';

describe('workspace trust', () => {
  const planted = { effective: '/tmp/evil/kubectl', userValue: undefined };

  it('package.json declares limited support and restricts the Grafana URL and kubectl path', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations: string[] } };
    };
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.deepEqual([...trust.restrictedConfigurations].sort(), ['biomeManifests.grafana.url', 'biomeManifests.kubectlPath']);
  });

  it('untrusted: no kubectl runs at all, whatever the settings say', () => {
    assert.equal(kubectlToRun(false, planted), undefined);
    assert.equal(kubectlToRun(false, { effective: '/usr/bin/kubectl', userValue: '/usr/bin/kubectl' }), undefined);
  });

  it('trusted: the configured kubectl, else kubectl on the PATH', () => {
    assert.equal(kubectlToRun(true, { effective: ' /opt/kubectl ', userValue: undefined }), '/opt/kubectl');
    assert.equal(kubectlToRun(true, { effective: '', userValue: undefined }), 'kubectl');
  });

  it('untrusted: a restricted setting comes only from the user settings, never from the workspace', () => {
    assert.equal(restrictedValue(false, { effective: 'http://attacker.example', userValue: undefined }), undefined);
    assert.equal(restrictedValue(false, { effective: 'http://attacker.example', userValue: 'http://localhost:3000' }), 'http://localhost:3000');
    assert.equal(restrictedValue(true, { effective: 'http://grafana.internal', userValue: 'http://localhost:3000' }), 'http://grafana.internal');
    assert.equal(restrictedValue(true, { effective: 42, userValue: undefined }), undefined);
  });
});

describe('Grafana opener', () => {
  it('refuses command:, javascript:, file: and other schemes in the setting, with a message naming the scheme', () => {
    for (const raw of [
      'command:workbench.action.terminal.new?%5B%22rm%22%5D',
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      ' command:x',
      'file:///etc/passwd',
      'vscode:extension/x',
    ]) {
      const check = checkBaseUrl(raw);
      assert.equal(check.ok, false, raw);
      assert.match((check as { reason: string }).reason, /uses "[a-z]+:", but only http: and https: links are opened/, raw);
    }
  });

  it('a dashboard file planted in the repository cannot change the scheme or the host: its uid and variable are encoded', () => {
    const planted = {
      uri: 'file:///w/evil.json',
      text: JSON.stringify({ uid: '../../../@evil.example/x?y#z', templating: { list: [{ name: 'service&redirect=javascript:alert(1)' }] } }),
    };
    const found = findServiceDashboard([planted], 'service&redirect=javascript:alert(1)')!;
    const url = dashboardUrl({ base: 'http://localhost:3000', uid: found.uid, variable: found.variable, value: 'job"<x>', orgId: 1 });
    const parsed = new URL(url);
    assert.equal(parsed.origin, 'http://localhost:3000');
    assert.equal(parsed.pathname, '/d/..%2F..%2F..%2F%40evil.example%2Fx%3Fy%23z');
    assert.equal(parsed.searchParams.get('var-service&redirect=javascript:alert(1)'), 'job"<x>');
    assert.equal(parsed.hash, '');
    assert.ok(isOpenableUrl(url));
  });

  it('a job name from a manifest is encoded in Explore links and quoted in PromQL', () => {
    const url = new URL(exploreUrl({ base: 'https://g.example/sub', job: 'a"}&orgId=9#frag', orgId: 1, format: 'panes' }));
    assert.equal(url.origin, 'https://g.example');
    assert.equal(url.searchParams.get('orgId'), '1');
    assert.equal(url.hash, '');
    const panes = JSON.parse(url.searchParams.get('panes')!) as { a: { queries: { expr: string }[] } };
    assert.equal(panes.a.queries[0]!.expr, 'up{job="a\\"}&orgId=9#frag"}');
  });
});

describe('kubectl as an external process', () => {
  let dir: string;
  const script = (name: string, body: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-kubectl-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is stopped after its timeout when it never ends', { skip: process.platform === 'win32' }, async () => {
    const kubectl = script('sleeps', 'exec sleep 600');
    const started = Date.now();
    const result = await kubectlKustomize(kubectl, dir, 500);
    assert.deepEqual(result, { ok: false, reason: 'kubectl did not finish within 1 s' });
    // A hang guard, not a speed target: without the kill the script would run its full 600 s.
    assert.ok(Date.now() - started < 120_000, `returned after ${Date.now() - started} ms`);
  });

  it('is cut off above the output cap when it prints 100 MB', { skip: process.platform === 'win32' }, async () => {
    const kubectl = script('floods', 'head -c 104857600 /dev/zero | tr "\\0" x');
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await kubectlKustomize(kubectl, dir, 60_000);
    assert.deepEqual(result, { ok: false, reason: `kubectl printed more than ${KUBECTL_MAX_OUTPUT_BYTES} bytes` });
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 4 * KUBECTL_MAX_OUTPUT_BYTES, 'output beyond the cap is not kept');
  });

  it('gets its arguments as an array, never through a shell', { skip: process.platform === 'win32' }, async () => {
    const kubectl = script('echoes', 'for a in "$@"; do printf "[%s]\\n" "$a"; done');
    const folder = path.join(dir, 'x; touch pwned $(touch pwned2) `touch pwned3`');
    fs.mkdirSync(folder);
    const result = await kubectlKustomize(kubectl, folder, 10_000);
    assert.deepEqual(result, { ok: true, text: `[kustomize]\n[${folder}]\n` });
    assert.deepEqual(fs.readdirSync(folder), []);
    assert.ok(!fs.existsSync(path.join(dir, 'pwned')) && !fs.existsSync(path.join(folder, 'pwned2')));
  });

  it('a missing kubectl is a message naming the setting', async () => {
    const result = await kubectlKustomize(path.join(dir, 'no-such-kubectl'), dir, 5000);
    assert.deepEqual(result, { ok: false, reason: `kubectl was not found at "${path.join(dir, 'no-such-kubectl')}" (setting biomeManifests.kubectlPath)` });
  });
});

describe('resource map webview from hostile manifests', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const engine = engineWith({
    'svc.yaml': [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: "${hostile}"`,
      `  namespace: "</script><script>alert(2)</script>"`,
      'spec:',
      '  selector:',
      `    app: "${hostile}"`,
      '  ports: [{port: 80}]',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: "x\\" onload=\\"alert(3)"`,
      `  namespace: "</script><script>alert(2)</script>"`,
      'spec:',
      `  selector: {matchLabels: {app: "${hostile}"}}`,
      '  template:',
      `    metadata: {labels: {app: "${hostile}"}}`,
      '    spec:',
      '      containers:',
      `        - {name: app, image: "nginx:1", env: [{name: A, valueFrom: {secretKeyRef: {name: "${hostile}", key: "<b>k</b>"}}}]}`,
      '',
    ].join('\n'),
  });
  const graph = resourceGraph(engine.index);
  const html = resourceMapHtml({ layout: layoutGraph(graph), nonce: 'N0NCE', cspSource: 'vscode-webview:' });

  it('the graph carries the hostile names (they are data) …', () => {
    assert.ok(graph.nodes.some((n) => n.name === hostile));
  });

  it('… and the HTML has none of them unescaped, no inline handler, no remote content, one nonce-bearing script', () => {
    assert.ok(!html.includes(hostile));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(!html.includes('<b>k</b>'));
    assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="N0NCE">']);
    assert.match(html, /default-src 'none'/);
  });
});

describe('server restarts after a crash', () => {
  it('restarts up to 4 times in 3 minutes, telling the user each time, then stops and says how to restart', () => {
    const policy = new RestartPolicy();
    const t0 = 1_000_000;
    const decisions = [0, 1, 2, 3, 4].map((i) => policy.onCrash(t0 + i * 1000));
    assert.deepEqual(
      decisions.map((d) => d.restart),
      [true, true, true, true, false],
    );
    assert.equal(
      decisions[0]!.message,
      'Biome Manifests: the language server stopped unexpectedly and was restarted (1 of 4 restarts allowed in 3 minutes). The "Biome Manifests" output has the details.',
    );
    assert.equal(
      decisions[4]!.message,
      'Biome Manifests: the language server stopped 5 times in 3 minutes and will not be restarted, so diagnostics and hovers are off. Check the "Biome Manifests" output, then run "Biome Manifests: Restart Language Server".',
    );
  });

  it('crashes older than the window are forgotten', () => {
    const policy = new RestartPolicy(2, 60_000);
    assert.equal(policy.onCrash(0).restart, true);
    assert.equal(policy.onCrash(1000).restart, true);
    assert.equal(policy.onCrash(120_000).restart, true);
    assert.equal(policy.onCrash(121_000).restart, true);
    assert.equal(policy.onCrash(122_000).restart, false);
  });
});
