// `node scripts/explore.mjs [--dir <dir>] [--no-package]`: a long-lived, hand-driven code-server session for trying
// the product as a user would. It opens a temp copy of examples/biome-sample with the packaged .vsix installed, then
// runs each step file dropped in <dir>/in/ (an ES module whose default export receives { page, session, folder,
// helpers } and may return text) and writes its result to <dir>/out/<name>.txt; steps save screenshots where they
// like. A step named `stop.mjs` ends the session. Throwaway screenshots stay out of the repository.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cs, ensureTools, packageVsix, root, startSession, workbenchActions } from './codeServerSession.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dir = resolve(arg('--dir') ?? join(tmpdir(), 'biome-explore'));
const inDir = join(dir, 'in');
const outDir = join(dir, 'out');
const doneDir = join(dir, 'done');
for (const d of [inDir, outDir, doneDir]) mkdirSync(d, { recursive: true });

ensureTools();
const vsix = process.argv.includes('--no-package') ? join(root, 'biome-manifests-0.1.0.vsix') : packageVsix();
const wsRoot = mkdtempSync(join(tmpdir(), 'biome-explore-ws-'));
const folder = join(wsRoot, 'biome-sample');
cpSync(join(root, 'examples', 'biome-sample'), folder, { recursive: true });
const session = await startSession({ vsix, folder, prefix: 'biome-explore-' });
const { context, page } = await cs.launchBrowser(session.dirs, { viewport: { width: 1440, height: 900 } });
const wait = { timeout: 30_000 };

/** Small helpers every step uses: palette, quick open, screenshots, the cursor. */
const helpers = {
  async shot(name) {
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    return file;
  },
  async runCommand(title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', ...wait });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title.split(': ').pop() }).waitFor(wait);
    await page.keyboard.press('Enter');
  },
  ...workbenchActions(page, wait),
};

await page.goto(session.url);
await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
console.log(`explore: ready; folder ${folder}; drop steps in ${inDir}`);

let running = true;
while (running) {
  const steps = readdirSync(inDir)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  for (const step of steps) {
    const from = join(inDir, step);
    const to = join(doneDir, `${Date.now()}-${step}`);
    renameSync(from, to);
    if (step === 'stop.mjs') {
      running = false;
      break;
    }
    let text;
    try {
      const mod = await import(pathToFileURL(to).href);
      text = String((await mod.default({ page, session, folder, helpers })) ?? 'ok');
    } catch (err) {
      text = `FAILED: ${err.stack ?? err}`;
      await helpers.shot(`${step}-failure`).catch(() => {});
    }
    writeFileSync(join(outDir, `${step.replace(/\.mjs$/, '')}.txt`), text);
  }
  if (running) await new Promise((r) => setTimeout(r, 300));
}

await context.close().catch(() => {});
session.stop();
if (existsSync(wsRoot)) rmSync(wsRoot, { recursive: true, force: true });
