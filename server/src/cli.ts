/** `biome-manifests`: the command-line front end on the same engine as the language server. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, USAGE, type CheckArgs } from './cli/args';
import { formatJson, formatStylish, type FileFindings } from './cli/format';
import { createEngine } from './setup';
import { loadFiles } from './cli/load';
import { isMainThread } from 'node:worker_threads';
import { DEFAULT_EXCLUDE, findYamlFiles, YAML_FILE } from './engine/workspace/scan';
import type { Finding } from './engine/types';
import { VERSION } from './version';
import { resolveConfigs } from './cli/config';
import { writeStarterConfig } from './cli/init';
import { CONFIG_FILE_NAME } from './engine/config/configTypes';

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
  const engine = createEngine({
    onRuleError: (id, error) => process.stderr.write(`biome-manifests: rule ${id} failed: ${String(error)}\n`),
  });
  const skipped = await loadFiles(engine, [...targets.report, ...targets.context], targets.report);
  const results: FileFindings[] = [];
  for (const file of [...targets.report].sort()) {
    const uri = pathToFileURL(file).href;
    const reason = skipped.get(file);
    const findings = reason ? [skippedFinding(uri, reason)] : engine.linter.lintFile(uri, configs.settingsFor(file));
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    results.push({ path: displayPath(file), findings });
  }
  process.stdout.write((args.format === 'json' ? formatJson(results) : formatStylish(results)) + '\n');
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
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

// Not in the parse worker, which runs this same bundle (engine/parallel/parseWorker.ts).
if (require.main === module && isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`biome-manifests: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
