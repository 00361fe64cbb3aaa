// The extension's Details page in the real VS Code (code-server + headless Chromium): package the .vsix with its
// README images pointing at an https server (a local one here, with a throw-away certificate, standing in for the
// repository host that `npm run package -- --images-url` names when publishing), install it, open the page from the
// Extensions view as a user does, and check every README image has a non-empty `src` that loaded (naturalWidth > 0).
// VS Code's Details page drops relative and data: image sources, so a relative path shows only its alt text.
// Run by scripts/test-e2e.mjs after the suites (dist/ already built). Usage: node scripts/check-details-page.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { cs, root, startSession } from './codeServerSession.mjs';

const wait = { timeout: 60_000 };
const scratch = mkdtempSync(join(tmpdir(), 'biome-details-'));
let server;
let session;
let context;
let failure;
const requested = new Set();

/** An https server on 127.0.0.1 serving the repository's docs/images with a certificate made for this run. */
async function imageServer() {
  const [key, cert] = ['key.pem', 'cert.pem'].map((f) => join(scratch, f));
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], {
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
  const srv = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'https://x').pathname));
    if (!path.startsWith('/docs/images/') || !path.endsWith('.png')) return res.writeHead(404).end();
    requested.add(path);
    try {
      res.writeHead(200, { 'content-type': 'image/png' }).end(readFileSync(join(root, path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return srv;
}

try {
  server = await imageServer();
  const imagesUrl = `https://127.0.0.1:${server.address().port}/`;
  const vsix = join(scratch, 'details.vsix');
  const packaged = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--no-build', '--images-url', imagesUrl, '--out', vsix], {
    cwd: root,
    encoding: 'utf8',
  });
  if (packaged.status !== 0) throw new Error(`package: ${packaged.stderr}`);
  session = await startSession({ vsix, folder: scratch, prefix: 'biome-details-' });
  const browser = await cs.launchBrowser(session.dirs, { viewport: { width: 1440, height: 900 }, extraArgs: ['--ignore-certificate-errors'] });
  context = browser.context;
  const { page } = browser;
  await page.goto(session.url);
  await page.locator('.monaco-workbench').waitFor(wait);
  // The Extensions view (Ctrl+Shift+X) searched for installed extensions, then a click on ours: its Details page opens.
  await page.keyboard.press('Control+Shift+X');
  await page.locator('.extensions-viewlet .suggest-input-container').click(wait);
  await page.keyboard.type('@installed biome');
  await page.locator('.extensions-viewlet .extension-list-item', { hasText: 'Biome Manifests' }).first().click(wait);
  const details = page.frameLocator('iframe.webview').last().frameLocator('iframe').first();
  await details
    .locator('img')
    .first()
    .waitFor({ state: 'attached', ...wait });
  // Images load asynchronously: wait until none is pending, then read each one's state.
  const images = await details.locator('img').evaluateAll(async (imgs) => {
    const settled = (img) => new Promise((r) => (img.addEventListener('load', r), img.addEventListener('error', r)));
    await Promise.all(imgs.map((img) => (img.complete ? null : settled(img))));
    return imgs.map((img) => ({ alt: img.alt, src: img.getAttribute('src') ?? '', loaded: img.complete && img.naturalWidth > 0 }));
  });
  const broken = images.filter((i) => !i.src || !i.loaded).map((i) => `"${i.alt}" (src ${i.src ? i.src.slice(0, 60) : 'empty'})`);
  console.log(`details page: ${images.length} images, ${images.length - broken.length} loaded, ${requested.size} fetched from the https server`);
  if (images.length < 5) failure = `expected the README's 5 screenshots, found ${images.length} images`;
  else if (broken.length) failure = `images that did not load: ${broken.join(', ')}`;
} catch (err) {
  failure = err instanceof Error ? err.message : String(err);
} finally {
  await context?.close().catch(() => undefined);
  session?.stop();
  server?.close();
  rmSync(scratch, { recursive: true, force: true });
}
if (failure) {
  console.error(`details page: FAILED: ${failure}`);
  process.exit(1);
}
console.log('details page: every README image loads');
