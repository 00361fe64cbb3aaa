/**
 * Streaming output (issue #14 part 5): stylish and github output is written file by file, and its bytes are exactly
 * the batch report's (the batch path still serves --output-file, which writes the chosen format to the file and
 * stylish to stdout). Runs the built dist/cli.js; the writer itself is tested without a process.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { canStream, streamingReport } from '../../server/src/cli/stream';
import { parseArgs, type CheckArgs } from '../../server/src/cli/args';
import type { Finding } from '../../server/src/engine/types';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[]): { code: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout };
}

function checkArgs(argv: string[]): CheckArgs {
  const args = parseArgs(['check', 'x', ...argv]);
  assert.equal(args.command, 'check');
  return args as CheckArgs;
}

const finding = (severity: Finding['severity'], line: number): Finding => ({
  code: 'no-latest-tag',
  severity,
  message: 'm',
  uri: 'file:///a.yaml',
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
});

describe('streaming output', () => {
  it('writes each file as it is added, whole lines only, and the summary at the end', () => {
    const chunks: string[] = [];
    const stream = streamingReport(checkArgs([]), (text) => chunks.push(text));
    stream.add({ path: 'a.yaml', findings: [finding('warning', 0), finding('error', 4)] });
    assert.deepEqual(chunks, ['a.yaml:1:1 warning no-latest-tag m\na.yaml:5:1 error no-latest-tag m\n'], 'written before the next file is checked');
    stream.add({ path: 'b.yaml', findings: [] });
    stream.add({ path: 'c.yaml', findings: [finding('info', 2)] });
    assert.equal(chunks.length, 2);
    assert.deepEqual(stream.finish(), { exitCode: 1, notes: [] });
    assert.equal(chunks.at(-1), '3 problems (1 error, 1 warning, 1 info) in 3 files.\n');
  });

  it('--quiet hides warnings but --max-warnings still counts them', () => {
    const chunks: string[] = [];
    const stream = streamingReport(checkArgs(['--quiet', '--max-warnings', '0']), (text) => chunks.push(text));
    stream.add({ path: 'a.yaml', findings: [finding('warning', 0)] });
    assert.deepEqual(stream.finish(), { exitCode: 1, notes: ['1 warning, more than --max-warnings 0 allows.'] });
    assert.deepEqual(chunks, ['No problems in 1 file.\n']);
  });

  it('only line formats without a baseline, --changed-since or --output-file stream', () => {
    assert.equal(canStream(checkArgs([])), true);
    assert.equal(canStream(checkArgs(['--format', 'github'])), true);
    for (const extra of [
      ['--format', 'json'],
      ['--format', 'sarif'],
      ['--output-file', 'x'],
      ['--baseline', 'b'],
      ['--changed-since', 'main'],
    ]) {
      assert.equal(canStream(checkArgs(extra)), false, extra.join(' '));
    }
  });

  for (const target of ['examples/biome-sample', 'test/fixtures', 'test/fixtures/hostile']) {
    it(`streamed stdout is byte-identical to the batch report on ${target}`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-stream-'));
      for (const extra of [[], ['--quiet']]) {
        const stylish = run(['check', target, ...extra]);
        const batch = run(['check', target, ...extra, '--format', 'github', '--output-file', path.join(dir, 'github.txt')]);
        assert.equal(stylish.stdout, batch.stdout, `stylish ${extra.join(' ')}`);
        assert.equal(stylish.code, batch.code);
        const github = run(['check', target, ...extra, '--format', 'github']);
        assert.equal(github.stdout, fs.readFileSync(path.join(dir, 'github.txt'), 'utf8'), `github ${extra.join(' ')}`);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
});
