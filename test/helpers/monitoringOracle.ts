/** promtool / amtool as oracles: which binary checks which format, and its verdict on a file. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type Format = 'prometheus' | 'rules' | 'alertmanager';

export function formatOf(name: string): Format {
  if (name.endsWith('.rules.yml')) return 'rules';
  return name.endsWith('.alertmanager.yml') ? 'alertmanager' : 'prometheus';
}

const COMMANDS: Record<Format, [string, string[]]> = {
  prometheus: ['promtool', ['check', 'config', '--syntax-only']],
  rules: ['promtool', ['check', 'rules']],
  alertmanager: ['amtool', ['check-config']],
};

/** The version line of a tool, or undefined when it is not installed. */
export function toolVersion(tool: 'promtool' | 'amtool'): string | undefined {
  try {
    return execFileSync(tool, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 }).split('\n')[0];
  } catch {
    return undefined;
  }
}

/**
 * The tools' versions and the `skip` option of a test that needs them: skipped when they are absent outside CI; in CI
 * (`.ci/run` installs them) their absence is an error, so the oracle cannot silently stop running.
 */
export function oracleTools(): { versions: { promtool?: string; amtool?: string }; skip: string | false } {
  const versions = { promtool: toolVersion('promtool'), amtool: toolVersion('amtool') };
  const missing = !versions.promtool || !versions.amtool;
  if (missing && process.env['CI']) throw new Error('promtool and amtool must be installed in CI (.ci/run installs prometheus and prometheus-alertmanager)');
  return { versions, skip: missing ? 'promtool/amtool not installed (apt-get install prometheus prometheus-alertmanager)' : false };
}

/** The tool's verdict on `text` (written to a temporary file) and its output. */
export function oracleVerdict(format: Format, text: string): { valid: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-oracle-'));
  try {
    const file = path.join(dir, format === 'rules' ? 'rules.yml' : `${format}.yml`);
    fs.writeFileSync(file, text);
    const [tool, args] = COMMANDS[format];
    const run = spawnSync(tool, [...args, file], { encoding: 'utf8', timeout: 30_000, cwd: dir });
    return { valid: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
