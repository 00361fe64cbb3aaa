/** Command-line parsing for `biome-manifests`. */
import { isRuleLevel, type RuleLevel } from '../engine/lint/settings';

export const USAGE = `Usage: biome-manifests check <paths…> [options]
       biome-manifests init [folder]   write a commented starter .biome-manifests.yaml (never overwrites)

Checks Kubernetes manifests (files or folders of .yaml/.yml) with the same engine as the
Biome Manifests VS Code extension: YAML syntax, Kubernetes schemas and deployment rules.

Example:
  biome-manifests check examples/biome-sample

Options:
  --format stylish|json   output format (default: stylish)
  --exclude <glob>        skip matching paths (repeatable; default: node_modules, .git, dist)
  --rule <id>=<level>     set a rule's level: error, warning, info, hint or off (repeatable)
  --config <file>         use this config file instead of the nearest .biome-manifests.yaml
  --help                  show this help
  --version               show the version

Exit status: 0 no errors, 1 findings at error level, 2 bad usage or config error.`;

export interface CheckArgs {
  command: 'check';
  paths: string[];
  format: 'stylish' | 'json';
  exclude: string[];
  rules: Record<string, RuleLevel>;
  /** `--config`: one config file for every path (else the nearest `.biome-manifests.yaml` per file). */
  config?: string;
}

export type ParsedArgs = CheckArgs | { command: 'init'; dir: string } | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

function fail(message: string): ParsedArgs {
  return { command: 'error', message };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  if (argv.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined) return fail('no command given.');
  if (command === 'init') return rest.length <= 1 ? { command: 'init', dir: rest[0] ?? '.' } : fail('init takes at most one folder.');
  if (command !== 'check') return fail(`unknown command \`${command}\`.`);
  const args: CheckArgs = { command: 'check', paths: [], format: 'stylish', exclude: [], rules: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === '--format') {
      const format = value();
      if (format !== 'stylish' && format !== 'json') return fail(`--format takes stylish or json, not \`${format ?? ''}\`.`);
      args.format = format;
    } else if (flag === '--exclude') {
      const glob = value();
      if (!glob) return fail('--exclude needs a glob.');
      args.exclude.push(glob);
    } else if (flag === '--rule') {
      const spec = value() ?? '';
      const [id, level] = spec.split('=');
      if (!id || !isRuleLevel(level)) return fail(`--rule takes <id>=<error|warning|info|hint|off>, not \`${spec}\`.`);
      args.rules[id] = level;
    } else if (flag === '--config') {
      const file = value();
      if (!file) return fail('--config needs a file.');
      args.config = file;
    } else if (flag.startsWith('-')) return fail(`unknown option \`${flag}\`.`);
    else args.paths.push(arg);
  }
  if (args.paths.length === 0) return fail('no paths to check. Name files or folders, e.g. `biome-manifests check examples/biome-sample`.');
  return args;
}
