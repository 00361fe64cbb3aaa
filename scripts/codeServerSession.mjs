// Shared steps of `npm start` and `npm run screenshots`: install the tools when missing, package the .vsix, and run
// a private code-server with that .vsix installed, stopped by killing its process group.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** The CommonJS helpers the e2e launcher uses (test/e2e/launcher/codeServer.js). */
export const cs = require('../test/e2e/launcher/codeServer.js');

export function ensureTools() {
  const state = cs.toolsState();
  if (state === 'installed') return;
  console.log(
    state === 'incomplete'
      ? 'The VS Code tools in tools/e2e are half-installed (an earlier install did not finish); repairing (≈ 2–3 min)…'
      : 'Installing the VS Code tools (tools/e2e, once, ≈ 2–3 min)…',
  );
  if (cs.installTools() !== 0) throw new Error('tools/e2e/install.sh failed (see above); run it again to retry');
}

/** Builds and packages (progress on stderr); returns the path of the .vsix. */
export function packageVsix() {
  const res = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`build and package failed (${res.status ?? res.signal})`);
  return res.stdout.trim();
}

/**
 * Starts code-server with the .vsix installed and returns { url, base, dirs, server, stop }.
 * `stop()` kills code-server's process group and removes the private dirs; it is safe to call twice.
 */
export async function startSession({ vsix, folder, port, prefix = 'biome-session-' }) {
  const dirs = cs.makeSessionDirs(prefix);
  let server;
  try {
    cs.writeUserSettings(dirs, {
      'git.enabled': false,
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    });
    cs.installExtensions(dirs, [vsix]);
    server = await cs.startCodeServer({ dirs, port, folder });
  } catch (err) {
    // No session: its private folders must not outlive the failure.
    cs.removeDirs(dirs);
    throw err;
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    server.stop();
    cs.removeDirs(dirs);
  };
  return { url: cs.workbenchUrl(server.base, { folder }), base: server.base, dirs, server, stop };
}

/**
 * Workbench actions as a keyboard user does them, on a Playwright `page`: open a workspace file through
 * Quick Open (Ctrl+P) and wait until it is the active tab (and `expectText`, if given, is on screen); go to
 * a line and column (Ctrl+G).
 */
export function workbenchActions(page, wait) {
  return {
    async openFile(relativePath, expectText) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', ...wait });
      await input.fill(relativePath);
      const name = relativePath.split('/').pop();
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor(wait);
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor(wait);
      if (expectText) await page.locator('.editor-instance .view-line', { hasText: expectText }).first().waitFor(wait);
    },
    async goto(line, column = 1) {
      await page.keyboard.press('Control+G');
      await page.keyboard.type(`${line}:${column}`);
      await page.keyboard.press('Enter');
    },
  };
}
