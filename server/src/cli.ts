/** `biome-manifests`: the command-line front end on the same engine as the language server. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, USAGE, type CheckArgs } from './cli/args';
import type { FileFindings } from './cli/format';
import { internalErrorMessage, writeReport, type ReportOutcome } from './cli/report';
import { canStream, streamingReport } from './cli/stream';
import { baselineStep } from './cli/baseline';
import { changedKeys, changesSince, type ChangeSet } from './cli/changedSince';
import { createEngine, type Engine } from './setup';
import { expandCrdPaths } from './engine/crd/crdPaths';
import { loadFilesSync } from './engine/workspace/load';
import { NOT_A_DASHBOARD } from './engine/workspace/readFile';
import { DEFAULT_EXCLUDE, findYamlFiles, YAML_FILE } from './engine/workspace/scan';
import { globErrors, isExcluded } from './engine/workspace/glob';
import type { Finding } from './engine/types';
import { VERSION } from './version';
import { resolveConfigs, type CliConfigs } from './cli/config';
import { writeStarterConfig } from './cli/init';
import { CONFIG_FILE_NAME } from './engine/config/configTypes';

interface Targets {
  /** Files to report on. */
  report: Set<string>;
  /** Files read for context only (siblings of a named file: bases of its patches, referenced Secrets). */
  context: Set<string>;
  /** Folders that could not be listed, with the reason. */
  unreadable: Map<string, string>;
  /** FIFOs, devices and sockets the scan found (never opened), with the reason. */
  special: Map<string, string>;
}

/**
 * The YAML files beside a named file, read for context. Only regular files or links (a link to a
 * device or FIFO is refused by the read), and never an excluded one: `--exclude` holds here too.
 */
async function siblingsOf(file: string, exclude: readonly string[]): Promise<string[]> {
  const dir = path.dirname(file);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && YAML_FILE.test(e.name))
    .map((e) => path.join(dir, e.name))
    .filter((full) => !isExcluded(cwdRelative(full), exclude) && !isExcluded(path.basename(full), exclude));
}

/** A path relative to the working directory, `/`-separated, as excludes are written. */
function cwdRelative(full: string): string {
  return path.relative(process.cwd(), full).split(path.sep).join('/');
}

async function collectTargets(paths: readonly string[], exclude: readonly string[]): Promise<Targets | string> {
  const report = new Set<string>();
  const context = new Set<string>();
  const unreadable = new Map<string, string>();
  const special = new Map<string, string>();
  const onUnreadable = (dir: string, reason: string): void => void unreadable.set(dir, reason);
  const onSpecialFile = (file: string, reason: string): void => void special.set(file, reason);
  for (const given of paths) {
    const full = path.resolve(given);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) return `no such file or folder: ${given}`;
    if (stat.isDirectory()) {
      for (const file of await findYamlFiles(full, { exclude, onUnreadable, onSpecialFile, dashboards: true })) report.add(file);
    } else {
      report.add(full);
      for (const sibling of await siblingsOf(full, exclude)) context.add(sibling);
    }
  }
  for (const file of report) context.delete(file);
  return { report, context, unreadable, special };
}

function skippedFinding(uri: string, reason: string, what = 'File'): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { code: 'file-skipped', severity: 'warning', message: `${what} ${reason}.`, uri, range };
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

async function check(args: CheckArgs): Promise<number> {
  const exclude = args.exclude.length > 0 ? args.exclude : [...DEFAULT_EXCLUDE];
  const invalid = globErrors(exclude);
  if (invalid.length > 0) {
    process.stderr.write(`biome-manifests: invalid --exclude: ${invalid.join('; ')}.\n`);
    return 2;
  }
  const targets = await collectTargets(args.paths, exclude);
  if (typeof targets === 'string') {
    process.stderr.write(`biome-manifests: ${targets}\n`);
    return 2;
  }
  const configs = await resolveConfigs(targets.report, args);
  if (Array.isArray(configs)) {
    for (const line of configs) process.stderr.write(`${line}\n`);
    process.stderr.write(`biome-manifests: invalid configuration (${configs.length} ${configs.length === 1 ? 'error' : 'errors'}).\n`);
    return 2;
  }
  for (const file of [...targets.report]) {
    // The config file is checked above by its own schema, not as a manifest.
    if (configs.excluded(file) || path.basename(file) === CONFIG_FILE_NAME) targets.report.delete(file);
  }
  // CRDs of `crds.paths`: read for their schemas (context), reported only when named too.
  const crdProblem = (file: string, reason: string): void => void process.stderr.write(`biome-manifests: crds.paths: ${displayPath(file)}: ${reason}\n`);
  for (const file of await expandCrdPaths(configs.crdPaths, exclude, crdProblem)) if (!targets.report.has(file)) targets.context.add(file);
  const engine = createEngine({
    onRuleError: (id, error) => process.stderr.write(`biome-manifests: rule ${id} failed: ${String(error)}\n`),
  });
  const changes = args.changedSince === undefined ? undefined : await changesSince(args.changedSince, process.cwd());
  if (typeof changes === 'string') {
    process.stderr.write(`biome-manifests: ${changes}\n`);
    return 2;
  }
  // Why a file to report was not read (a context file that cannot be read is simply not there).
  const skipped = new Map<string, string>();
  const onSkipped = (file: string, reason: string): void => {
    // A .json file that is not a Grafana dashboard is not ours: neither checked nor counted.
    if (reason === NOT_A_DASHBOARD) targets.report.delete(file);
    else if (targets.report.has(file)) skipped.set(file, reason);
  };
  loadFilesSync(engine.index, (uri) => engine.linter.precheckAndRelease(uri), [...targets.report, ...targets.context], onSkipped);
  const checked = [...targets.report].sort();
  const lint = (): Iterable<FileFindings> => lintEach(engine, checked, skipped, configs);
  const outcome = canStream(args) ? streamReport(args, lint(), targets) : await batchReport(args, engine, [...lint()], checked, changes, targets);
  if (typeof outcome === 'number') return outcome;
  for (const note of outcome.notes) process.stderr.write(`biome-manifests: ${note}\n`);
  if (nothingRead(targets, skipped)) {
    process.stderr.write('biome-manifests: nothing could be read.\n');
    return 2;
  }
  return outcome.exitCode;
}

/** The findings of the named paths that could not be read (special files, unreadable folders). */
function unreadTargets(targets: Targets): FileFindings[] {
  const out: FileFindings[] = [];
  for (const [file, reason] of targets.special) out.push({ path: displayPath(file), findings: [skippedFinding(pathToFileURL(file).href, reason)] });
  for (const [dir, reason] of targets.unreadable) out.push({ path: displayPath(dir), findings: [skippedFinding(pathToFileURL(dir).href, reason, 'Folder')] });
  return out;
}

/** Stylish and github output written file by file as each is checked (see cli/stream.ts). */
function streamReport(args: CheckArgs, results: Iterable<FileFindings>, targets: Targets): ReportOutcome {
  const stream = streamingReport(args, (text) => process.stdout.write(text));
  for (const result of results) stream.add(result);
  for (const result of unreadTargets(targets)) stream.add(result);
  return stream.finish();
}

/** Every other output: all results first (for --changed-since, baselines, one-document formats, --output-file). */
async function batchReport(
  args: CheckArgs,
  engine: Engine,
  results: FileFindings[],
  checked: readonly string[],
  changes: ChangeSet | undefined,
  targets: Targets,
): Promise<ReportOutcome | number> {
  const touched = changes && changedKeys(engine.index, changes);
  if (changes && touched) {
    // Every file was checked (that is what records which facts each one read); only the affected are reported.
    const dependents = engine.linter.dependentsOf(touched);
    const scope = checked.map((file) => changes.files.has(file) || dependents.has(pathToFileURL(file).href));
    results.splice(0, results.length, ...results.filter((_, i) => scope[i]));
  }
  results.push(...unreadTargets(targets));
  const baseline = await baselineStep(args, results, engine.index, process.cwd());
  if (baseline.done) {
    (baseline.exitCode === 0 ? process.stdout : process.stderr).write(`${baseline.exitCode === 0 ? '' : 'biome-manifests: '}${baseline.message}\n`);
    return baseline.exitCode;
  }
  const outcome = await writeReport(baseline.results, args, process.cwd());
  return { exitCode: outcome.exitCode, notes: [...baseline.notes, ...outcome.notes] };
}

/** Each file to report, linted with its settings (or its skip reason), findings in line order, one at a time. */
function* lintEach(engine: Engine, files: readonly string[], skipped: ReadonlyMap<string, string>, configs: CliConfigs): Generator<FileFindings> {
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    const reason = skipped.get(file);
    const findings = reason ? [skippedFinding(uri, reason)] : engine.linter.lintFile(uri, configs.settingsFor(file));
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    yield { path: displayPath(file), findings };
  }
}

/**
 * Something was named but nothing could be read: not a pass, whatever the findings say. A binary or
 * oversized file was readable (skipped for what it holds, with a warning); a FIFO or EACCES was not.
 */
function nothingRead(targets: Targets, skipped: ReadonlyMap<string, string>): boolean {
  const unreadable = (file: string): boolean => /^(cannot read|skipped: not a regular file)/.test(skipped.get(file) ?? '');
  const readCount = [...targets.report].filter((file) => !unreadable(file)).length;
  return readCount === 0 && (skipped.size > 0 || targets.unreadable.size > 0 || targets.special.size > 0);
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'error':
      process.stderr.write(`biome-manifests: ${args.message}\n\n${USAGE}\n`);
      return 2;
    case 'check':
      return check(args);
    case 'init': {
      const written = await writeStarterConfig(args.dir);
      process[written.ok ? 'stdout' : 'stderr'].write(written.ok ? `Wrote ${written.file}\n` : `biome-manifests: ${written.message}\n`);
      return written.ok ? 0 : 2;
    }
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(internalErrorMessage(error));
      process.exitCode = 3;
    },
  );
}
