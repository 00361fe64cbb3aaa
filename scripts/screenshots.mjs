// `npm run screenshots`: opens a temp copy of examples/biome-sample in code-server (with the packaged .vsix) through
// headless Chromium, as a user would, and saves PNGs in docs/images/: the Problems panel, a hover on a Secret data
// value, the rendered preview (skipped with a message while the command does not exist) and the outline.
// Usage: node scripts/screenshots.mjs [--out <dir>]
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cs, ensureTools, packageVsix, root, startSession, workbenchActions } from './codeServerSession.mjs';

const outIndex = process.argv.indexOf('--out');
const outDir = resolve(outIndex >= 0 ? process.argv[outIndex + 1] : join(root, 'docs', 'images'));
const previewCommand = 'biomeManifests.previewRendered';
const wait = { timeout: 30_000 };

ensureTools();
const vsix = packageVsix();
const wsRoot = mkdtempSync(join(tmpdir(), 'biome-shots-ws-'));
const folder = join(wsRoot, 'biome-sample');
cpSync(join(root, 'examples', 'biome-sample'), folder, { recursive: true });
const session = await startSession({ vsix, folder, prefix: 'biome-shots-' });
const { context, page } = await cs.launchBrowser(session.dirs, { viewport: { width: 1440, height: 900 } });
const saved = [];
const skipped = [];

async function shot(name) {
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  saved.push(file);
}

/**
 * Waits until `measure()` returns the same value for 2 s in a row: the server indexes the whole workspace after the
 * first file, so findings that depend on other files arrive a moment later. A screenshot wants the final picture.
 */
async function settled(what, measure, { stableMs = 2000, timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = await measure();
  let since = Date.now();
  while (Date.now() - since < stableMs) {
    if (Date.now() > deadline) throw new Error(`${what} never settled`);
    await page.waitForTimeout(250);
    const now = await measure();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

/** Runs a command by its title through the command palette (F1). */
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', ...wait });
  await input.fill(`>${title}`);
  // Enter only once the filtered list has focused the right entry, not a stale one from before the filter.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title.split(': ').pop() }).waitFor(wait);
  await page.keyboard.press('Enter');
  // The palette fades out; wait until it is gone so it does not ghost into the next screenshot.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', ...wait });
}

const { openFile, goto } = workbenchActions(page, wait);

/** The palette title of a command contributed by the installed package (not the working tree's package.json). */
function commandTitle(id) {
  const installed = readdirSync(session.dirs.extensions).find((d) => d.startsWith('biome-manifests.biome-manifests-'));
  const pkg = JSON.parse(readFileSync(join(session.dirs.extensions, installed, 'package.json'), 'utf8'));
  const cmd = (pkg.contributes?.commands ?? []).find((c) => c.command === id);
  return cmd && (cmd.category ? `${cmd.category}: ${cmd.title}` : cmd.title);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  await page.goto(session.url);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });

  // 1. Problems panel with the server's findings on the main Deployment.
  await openFile('biome/main-app-deployment.yaml', 'kind: Deployment');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 60_000 });
  await settled('the Problems panel', () => page.locator('.markers-panel .monaco-list-row').count());
  await shot('problems');

  // 2. Hover on a Secret data value.
  await openFile('biome/app-secrets.yaml', 'kind: Secret');
  const value = page.locator('.editor-instance .view-line span', { hasText: 'c3VwZXJzZWNyZXQ=' }).last();
  await value.waitFor(wait);
  // The editor shows a hover after a few mouse moves over a word, as a hand would make; one jump is not enough.
  const box = await value.boundingBox();
  await page.mouse.move(box.x - 40, box.y + box.height / 2);
  await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2, { steps: 10 });
  const hover = page.locator('.monaco-hover:not(.hidden) .rendered-markdown').first();
  try {
    await hover.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    // Headless pointers do not always trigger the hover: place the cursor on the value (line 7) and
    // ask for the hover with the keyboard (Ctrl+K Ctrl+I), as a keyboard user would.
    await goto(7, 20);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
  }
  try {
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    await shot('hover-secret');
  } catch {
    skipped.push('hover-secret: no hover appeared on the Secret data value in 20 s');
  }
  await page.keyboard.press('Escape');

  // 3. Rendered preview, when the command exists.
  const previewTitle = commandTitle(previewCommand);
  if (!previewTitle) {
    skipped.push(`preview: command ${previewCommand} is not contributed yet`);
  } else {
    await openFile('biome/main-app-deployment.yaml', 'kind: Deployment');
    const tabs = await page.locator('.tabs-container .tab').count();
    await runCommand(previewTitle);
    try {
      await page.waitForFunction((n) => document.querySelectorAll('.tabs-container .tab').length > n, tabs, wait);
      await shot('preview');
    } catch {
      skipped.push(`preview: "${previewTitle}" opened no editor in 30 s`);
    }
  }

  // 4. Resource map webview: resources and their references, broken ones in red.
  const mapTitle = commandTitle('biomeManifests.showResourceMap');
  if (!mapTitle) {
    skipped.push('resource-map: command biomeManifests.showResourceMap is not contributed');
  } else {
    // Give the map the whole editor area: no other editors, no panel.
    await runCommand('View: Close All Editors');
    await runCommand('View: Toggle Panel Visibility');
    await runCommand(mapTitle);
    try {
      // The webview lives in nested iframes; wait until its SVG has drawn nodes.
      await page.waitForFunction(() => document.querySelectorAll('iframe.webview').length > 0, null, wait);
      const outer = page.frameLocator('iframe.webview').first();
      await outer.frameLocator('iframe').first().locator('svg g, svg rect').first().waitFor(wait);
      await shot('resource-map');
    } catch {
      skipped.push(`resource-map: "${mapTitle}" drew no graph in 30 s`);
    }
    await runCommand('View: Close All Editors');
    await runCommand('View: Toggle Panel Visibility');
  }

  // 5. Outline of the Deployment file, with room to show it: no panel, explorer folders collapsed.
  await openFile('biome/main-app-deployment.yaml', 'kind: Deployment');
  await runCommand('View: Toggle Panel Visibility');
  await page.locator('.markers-panel').waitFor({ state: 'hidden', ...wait });
  await page.locator('.pane-header', { hasText: 'biome-sample' }).click(); // collapse the folders view
  await runCommand('Explorer: Focus on Outline View');
  await page.locator('.outline-pane .monaco-list-row, .pane-body.outline .monaco-list-row').first().waitFor(wait);
  await shot('outline');
}

try {
  await main();
} catch (err) {
  const file = join(outDir, 'failure.png');
  await page.screenshot({ path: file }).catch(() => {});
  console.error(`screenshots failed: ${err.message} (last screen: ${file})`);
  process.exitCode = 1;
} finally {
  await context.close().catch(() => {});
  session.stop();
  rmSync(wsRoot, { recursive: true, force: true });
}
for (const f of saved) console.log(`saved ${f}`);
for (const s of skipped) console.log(`skipped ${s}`);
