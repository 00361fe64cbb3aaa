/** `biome-manifests`: the command-line front end on the same engine as the language server. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, USAGE, type CheckArgs } from './cli/args';
import type { FileFindings } from './cli/format';
import { internalErrorMessage, writeReport } from './cli/report';
import { baselineStep } from './cli/baseline';
import { changedKeys, changesSince } from './cli/changedSince';
import { createEngine } from './setup';
import { loadFiles } from './cli/load';
import { isMainThread } from 'node:worker_threads';
import { DEFAULT_EXCLUDE, findYamlFiles, YAML_FILE } from './engine/workspace/scan';
import type { Finding } from './engine/types';
import { VERSION } from './version';

interface Targets {
  /** Files to report on. */
  report: Set<string>;
  /** Files read for context only (siblings of a named file: bases of its patches, referenced Secrets). */
  context: Set<string>;
}

async function collectTargets(paths: readonly string[], exclude: readonly string[]): Promise<Targets | string> {
  const report = new Set<string>();
  const context = new Set<string>();
  for (const given of paths) {
    const full = path.resolve(given);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) return `no such file or folder: ${given}`;
    if (stat.isDirectory()) {
      for (const file of await findYamlFiles(full, { exclude })) report.add(file);
    } else {
      report.add(full);
      const siblings = await fs.readdir(path.dirname(full)).catch(() => [] as string[]);
      for (const name of siblings) if (YAML_FILE.test(name)) context.add(path.join(path.dirname(full), name));
    }
  }
  for (const file of report) context.delete(file);
  return { report, context };
}

function skippedFinding(uri: string, reason: string): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { code: 'file-skipped', severity: 'warning', message: `File ${reason}.`, uri, range };
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

async function check(args: CheckArgs): Promise<number> {
  const exclude = args.exclude.length > 0 ? args.exclude : [...DEFAULT_EXCLUDE];
  const targets = await collectTargets(args.paths, exclude);
  if (typeof targets === 'string') {
    process.stderr.write(`biome-manifests: ${targets}\n`);
    return 2;
  }
  const engine = createEngine({
    onRuleError: (id, error) => process.stderr.write(`biome-manifests: rule ${id} failed: ${String(error)}\n`),
  });
  const changes = args.changedSince === undefined ? undefined : await changesSince(args.changedSince, process.cwd());
  if (typeof changes === 'string') {
    process.stderr.write(`biome-manifests: ${changes}\n`);
    return 2;
  }
  const skipped = await loadFiles(engine, [...targets.report, ...targets.context], targets.report);
  const touched = changes && changedKeys(engine.index, changes);
  const results: FileFindings[] = [];
  const checked = [...targets.report].sort();
  for (const file of checked) {
    const uri = pathToFileURL(file).href;
    const reason = skipped.get(file);
    const findings = reason ? [skippedFinding(uri, reason)] : engine.linter.lintFile(uri, { rules: args.rules, ruleOptions: {}, reportUnusedSuppressions: args.reportUnusedSuppressions });
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    results.push({ path: displayPath(file), findings });
  }
  if (changes && touched) {
    // Every file was checked (that is what records which facts each one read); only the affected are reported.
    const dependents = engine.linter.dependentsOf(touched);
    const scope = checked.map((file) => changes.files.has(file) || dependents.has(pathToFileURL(file).href));
    results.splice(0, results.length, ...results.filter((_, i) => scope[i]));
  }
  const baseline = await baselineStep(args, results, engine.index, process.cwd());
  if (baseline.done) {
    (baseline.exitCode === 0 ? process.stdout : process.stderr).write(`${baseline.exitCode === 0 ? '' : 'biome-manifests: '}${baseline.message}\n`);
    return baseline.exitCode;
  }
  const outcome = await writeReport(baseline.results, args, process.cwd());
  for (const note of [...baseline.notes, ...outcome.notes]) process.stderr.write(`biome-manifests: ${note}\n`);
  return outcome.exitCode;
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
  }
}

// Not in the parse worker, which runs this same bundle (engine/parallel/parseWorker.ts).
if (require.main === module && isMainThread) {
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
