// Runs the e2e suites inside a real VS Code through @vscode/test-electron's runTests.
// Default: code-server + headless Chromium through our launcher (no VS Code download is possible here).
// BIOME_E2E_DESKTOP=1: desktop VS Code, downloaded by test-electron as usual.
// Usage: node out/test/e2e/runTest.js [--suite dev|vsix|all] [--vsix <file.vsix>]
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const desktop = process.env.BIOME_E2E_DESKTOP === '1';
const launcher = path.join(repoRoot, 'test', 'e2e', 'launcher', 'code-server-launcher.sh');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function defaultVsix(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return path.join(repoRoot, `biome-manifests-${version}.vsix`);
}

/** A fresh temp copy of the sample, so tests may add files and examples/ stays untouched. */
function copySample(): { workspace: string; dispose: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-e2e-ws-'));
  const workspace = path.join(root, 'biome-sample');
  fs.cpSync(path.join(repoRoot, 'examples', 'biome-sample'), workspace, { recursive: true });
  return { workspace, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}

async function runSuite(name: string, testsPath: string, devPath: string, vsix?: string): Promise<void> {
  const { workspace, dispose } = copySample();
  console.log(`\n=== e2e suite "${name}" (${desktop ? 'desktop VS Code' : 'code-server'}) on ${workspace}`);
  try {
    const common = { extensionDevelopmentPath: devPath, extensionTestsPath: testsPath };
    if (desktop) {
      const vscodeExecutablePath = await downloadAndUnzipVSCode();
      if (vsix) {
        const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
        if (!cli) throw new Error(`no VS Code CLI next to ${vscodeExecutablePath}`);
        cp.execFileSync(cli, [...args, '--install-extension', vsix, '--force'], { stdio: 'inherit' });
      }
      // The dev run disables other installed extensions; the vsix run needs its installed package.
      const launchArgs = vsix ? [workspace] : [workspace, '--disable-extensions'];
      await runTests({ ...common, vscodeExecutablePath, launchArgs });
    } else {
      fs.chmodSync(launcher, 0o755); // in case a checkout lost the executable bit
      const launchArgs = [workspace, ...(vsix ? [`--install-extension=${vsix}`] : [])];
      await runTests({ ...common, vscodeExecutablePath: launcher, launchArgs });
    }
  } finally {
    dispose();
  }
}

async function main(): Promise<void> {
  const suite = option('suite') ?? 'all';
  const outE2e = path.join(repoRoot, 'out', 'test', 'e2e');
  const failed: string[] = [];
  const attempt = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      console.error(`e2e suite "${name}" failed: ${err instanceof Error ? err.message : String(err)}`);
      failed.push(name);
    }
  };
  if (suite === 'dev' || suite === 'all') {
    await attempt('dev', () => runSuite('dev', path.join(outE2e, 'suite', 'index.js'), repoRoot));
  }
  if (suite === 'vsix' || suite === 'all') {
    const vsix = path.resolve(option('vsix') ?? defaultVsix());
    const host = path.join(repoRoot, 'test', 'e2e', 'vsix', 'host');
    await attempt('vsix', async () => {
      if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\` first.`);
      await runSuite('vsix', path.join(outE2e, 'vsix', 'index.js'), host, vsix);
    });
  }
  if (failed.length) {
    console.error(`e2e: failed suites: ${failed.join(', ')}`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(`e2e failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
