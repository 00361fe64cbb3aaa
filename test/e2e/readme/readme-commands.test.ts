/**
 * The two commands of the README's "Try it" block, run as a newcomer runs them: in a scratch copy of the repository
 * (tracked and new files, no node_modules, no dist) with an environment scrubbed of npm's and this project's variables,
 * so `npm start` sets its own npm_* variables exactly as it does in a terminal. The one shortcut: the scratch copy's
 * tools/e2e/node_modules is a hard-linked copy of an installed tools folder (a real install takes ~3 min; the
 * installer itself, run from `npm start`, is tested in installer.test.ts), and `npm start` gets `--smoke` so it stops
 * once the workbench answers. Heavy (npm ci, a build, code-server), so it runs with the e2e layer
 * (scripts/test-e2e.mjs, after the suites) rather than beside the timing-sensitive node:test layers.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/paths';

const DOC = 'CONTRIBUTING.md';
const toolsDir = process.env.BIOME_E2E_TOOLS_DIR || path.join(REPO_ROOT, 'tools', 'e2e');
const toolsStamp = path.join(toolsDir, 'node_modules', '.biome-e2e-installed');
const skip = fs.existsSync(toolsStamp) ? false : `needs installed e2e tools (${toolsDir}); run bash tools/e2e/install.sh`;

/** The shell commands of the fenced block after the "Try it" heading, comments removed. */
function tryItCommands(): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, DOC), 'utf8');
  const block = /^## Try it\n[\s\S]*?```sh\n([\s\S]*?)```/m.exec(text);
  assert.ok(block, `${DOC} has a "## Try it" section with a sh block`);
  return (block[1] ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

/** A terminal's environment: no npm_* (npm sets them itself), no BIOME_* (no shared tools dir), not CI. */
function newcomerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|NPM_|BIOME_)/i.test(key) && !['NODE', 'INIT_CWD', 'CI'].includes(key)) env[key] = value;
  }
  return env;
}

/** Files a fresh clone has: tracked plus new, not ignored (the working tree under test, uncommitted edits included). */
function copyCheckout(to: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(REPO_ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(from, path.join(to, file));
  }
}

describe(`the "Try it" commands of ${DOC} in a fresh copy`, { skip, timeout: 600_000 }, () => {
  let scratch = '';
  let tmp = '';
  let commands: string[] = [];

  before(() => {
    commands = tryItCommands();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-readme-test-'));
    tmp = path.join(scratch, 'tmp');
    fs.mkdirSync(tmp);
    copyCheckout(path.join(scratch, 'repo'));
    const linked = spawnSync('cp', ['-al', path.join(toolsDir, 'node_modules'), path.join(scratch, 'repo', 'tools', 'e2e')]);
    assert.equal(linked.status, 0, `hard-link copy of ${toolsDir}/node_modules: ${linked.stderr}`);
  });

  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  function sh(command: string) {
    const res = spawnSync('bash', ['-c', command], {
      cwd: path.join(scratch, 'repo'),
      env: { ...newcomerEnv(), TMPDIR: tmp },
      encoding: 'utf8',
      timeout: 480_000,
    });
    return { code: res.status, output: `${res.stdout}${res.stderr}` };
  }

  it('has exactly the two commands: install + build + CLI check, and npm start', () => {
    assert.equal(commands.length, 2, commands.join('\n'));
    assert.match(commands[0] ?? '', /^npm ci && /);
    assert.equal(commands[1], 'npm start');
  });

  it("README.md's Contributing block shows the same two commands, then npm test", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /^## Contributing\n[\s\S]*?```sh\n([\s\S]*?)```/m.exec(readme);
    assert.ok(block, 'README.md has a "## Contributing" section with a sh block');
    const shown = (block[1] ?? '')
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    assert.deepEqual(shown, [...commands, 'npm test']);
  });

  it('the first installs without warnings and the CLI reports the sample findings (exit 1 for the one error)', () => {
    const { code, output } = sh(commands[0] ?? '');
    assert.equal(code, 1, output);
    assert.doesNotMatch(output, /npm warn/i);
    assert.match(output, /10 problems \(1 error, 6 warnings, 3 info\) in 12 files\./);
  });

  it('npm start installs the .vsix into code-server, serves the workbench, and leaves no temp folder', () => {
    const { code, output } = sh(`${commands[1]} -- --smoke`);
    assert.equal(code, 0, output);
    assert.match(output, /Open: http:\/\/127\.0\.0\.1:\d+\/\?folder=/);
    assert.match(output, /Smoke check: the workbench page answers; stopped\./);
    assert.deepEqual(
      fs.readdirSync(tmp).filter((name) => name.startsWith('biome-')),
      [],
    );
  });
});
