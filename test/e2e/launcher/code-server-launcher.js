// Stands in for the VS Code executable in @vscode/test-electron's runTests({ vscodeExecutablePath }).
// test-electron spawns `<this> <folder> … --extensionTestsPath=… --extensionDevelopmentPath=…`; we run the tests in
// code-server's extension host through headless Chromium and exit with the code the workbench reports.
// Extra flag of ours: --install-extension=<file.vsix> (repeatable) installs a package before the workbench opens.
// Env: BIOME_E2E_TIMEOUT_MS (default 600000) bounds the whole run; BIOME_E2E_KEEP=1 keeps the temp dirs;
// BIOME_E2E_WORKBENCH_PROFILE=<dir> profiles the workbench's page (workbenchWatch.js).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const cs = require('./codeServer');
const { appendLine, startWorkbenchProfile, workbenchLogFor } = require('./workbenchWatch');

const overallTimeoutMs = Number(process.env.BIOME_E2E_TIMEOUT_MS || 600_000);

function parseArgs(argv) {
  const out = { folder: undefined, extensionDevelopmentPaths: [], extensionTestsPath: undefined, vsix: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      out.folder ??= arg;
      continue;
    }
    const [, name, inline] = m;
    const takesValue = ['extensionTestsPath', 'extensionDevelopmentPath', 'install-extension'].includes(name);
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    if (name === 'extensionTestsPath') out.extensionTestsPath = value;
    else if (name === 'extensionDevelopmentPath') out.extensionDevelopmentPaths.push(value);
    else if (name === 'install-extension') out.vsix.push(value);
    // Desktop-only flags (--no-sandbox, --user-data-dir, --extensions-dir, …) are ignored: every run is private.
  }
  if (!out.extensionTestsPath) throw new Error('missing --extensionTestsPath');
  return out;
}

/** Extension-host log files: the browser's (handed over with codeAutomationExit) and the server's (on disk). */
function hostLogs(dirs, browserLogs) {
  const found = (browserLogs || []).map(({ relativePath, contents }) => ({ name: `browser/${relativePath}`, contents }));
  const logsDir = path.join(dirs.userData, 'logs');
  for (const rel of fs.existsSync(logsDir) ? fs.readdirSync(logsDir, { recursive: true }) : []) {
    const file = path.join(logsDir, rel);
    if (fs.statSync(file).isFile()) found.push({ name: `server/${rel}`, contents: fs.readFileSync(file, 'utf8') });
  }
  // The extension host's own log and our extension's output channels; built-in extensions' logs are noise.
  return found.filter((l) => /remoteexthost\.log$|biome-manifests/i.test(l.name) && l.contents.trim());
}

function printHostLogs(logs) {
  for (const { name, contents } of logs) {
    console.log(`\n----- ${name} -----\n${contents.trimEnd()}\n----- end ${name} -----`);
  }
}

// The gallery points at a closed loopback port on purpose, so its connection errors are noise; so is the workbench's
// chatter about connecting to its own server. What is left is the tests' output and real errors.
const isNoise = (line) =>
  /127\.0\.0\.1:9\b/.test(line) ||
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin extensions|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])/.test(
    line,
  );

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dirs = cs.makeSessionDirs();
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.context.close().catch(() => {});
    server?.stop();
    cs.removeDirs(dirs);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.error(`[e2e] ${signal}: stopping code-server`);
      cleanup().finally(() => process.exit(130));
    });
  }

  const started = Date.now();
  const timer = setTimeout(() => {
    console.error(`[e2e] timed out after ${overallTimeoutMs} ms; code-server log tail:\n${cs.readTail(dirs.log)}`);
    cleanup().finally(() => process.exit(124));
  }, overallTimeoutMs);

  try {
    // The built-in Git extension would only log that the temp workspace is no repository.
    cs.writeUserSettings(dirs, { 'git.enabled': false });
    if (opts.vsix.length) cs.installExtensions(dirs, opts.vsix);
    const workbenchLog = workbenchLogFor(dirs);
    server = await cs.startCodeServer({ dirs, smokeTestDriver: true });
    browser = await cs.launchBrowser(dirs);
    const { page } = browser;

    let finish;
    const exitCode = new Promise((resolve) => (finish = resolve));
    // Both must exist before the workbench loads: it looks them up once when the extension host ends.
    // The extension host's console arrives printf-style: (level, [format, ...args]).
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = Array.isArray(args) ? util.format(...args) : String(args);
      appendLine(workbenchLog, type, line);
      if (isNoise(line)) return;
      (type === 'error' ? console.error : console.log)(line);
    });
    const stopProfile = await startWorkbenchProfile(page);
    await page.exposeFunction('codeAutomationExit', async (code, logs) => {
      await stopProfile(logs).catch((err) => console.error(`[e2e] the workbench profile was not written: ${err}`));
      if (code !== 0 || process.env.BIOME_E2E_VERBOSE) printHostLogs(hostLogs(dirs, logs));
      finish(code);
    });
    page.on('pageerror', (err) => console.error(`[e2e] page error: ${err.message}`));
    page.on('crash', () => {
      console.error('[e2e] the browser tab crashed');
      finish(1);
    });

    const url = cs.workbenchUrl(server.base, opts);
    console.log(`[e2e] code-server ${server.base} ready in ${Date.now() - started} ms; opening ${opts.folder ?? '(no folder)'}`);
    await page.goto(url);
    const code = await exitCode;
    console.log(`[e2e] tests finished with code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (code !== 0) console.log(`[e2e] code-server log tail:\n${cs.readTail(dirs.log, 4000)}`);
    return code;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(typeof code === 'number' ? code : 1),
  (err) => {
    console.error(`[e2e] launcher failed: ${err && err.stack ? err.stack : err}`);
    process.exit(1);
  },
);
