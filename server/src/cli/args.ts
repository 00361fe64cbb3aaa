/** Command-line parsing for `biome-manifests`. */
import { isRuleLevel, type RuleLevel } from '../engine/lint/settings';
import { canonicalRuleId } from '../engine/lint/ruleAliases';
import { NEWEST_KUBERNETES_VERSION, parseKubernetesVersion, SUPPORTED_KUBERNETES_VERSIONS } from '../engine/schema/apiLifecycle';
import { BUGS_URL } from '../links';
import { FORMATS, isFormat, type Format } from './format';

export const USAGE = `Usage: biome-manifests check <paths…> [options]
       biome-manifests init [folder]   write a commented starter .biome-manifests.yaml (never overwrites)

Checks Kubernetes manifests (files or folders of .yaml/.yml) with the same engine as the
Biome Manifests VS Code extension: YAML syntax, Kubernetes schemas and deployment rules.

Example:
  biome-manifests check examples/biome-sample
  biome-manifests check . --format sarif --output-file biome-manifests.sarif

Options:
  --format <name>         ${FORMATS.join('|')} (default: stylish)
  --output-file <file>    write the --format output to <file>; stylish still goes to the terminal
  --max-warnings <n>      exit 1 when there are more than <n> warnings
  --quiet                 report errors only (warnings still count for --max-warnings)
  --report-unused-suppressions  report ignore comments that suppress nothing
  --baseline-write <file> record today's findings in <file> (a baseline) and exit 0
  --baseline <file>       report only findings not in the baseline; list entries that no longer occur
  --changed-since <ref>   report only files changed since the git ref and the files whose findings depend on them
  --exclude <glob>        skip matching paths (repeatable; default: node_modules, .git, dist)
  --rule <id>=<level>     set a rule's level: error, warning, info, hint or off (repeatable)
  --kubernetes-version <1.N>  the Kubernetes release to check apiVersions against
                          (${SUPPORTED_KUBERNETES_VERSIONS[0]}–${NEWEST_KUBERNETES_VERSION}; default: the config file's, else ${NEWEST_KUBERNETES_VERSION})
  --config <file>         use this config file instead of the nearest .biome-manifests.yaml
  --help                  show this help
  --version               show the version

Exit status: 0 no errors, 1 findings at error level or more warnings than --max-warnings,
2 bad usage (an invalid --exclude glob included), a config error, nothing could be read, an unreadable baseline or
an output file that cannot be written, 3 internal error (please report it at ${BUGS_URL}).`;

export interface CheckArgs {
  command: 'check';
  paths: string[];
  format: Format;
  outputFile?: string;
  maxWarnings?: number;
  quiet: boolean;
  reportUnusedSuppressions: boolean;
  baseline?: string;
  baselineWrite?: string;
  changedSince?: string;
  exclude: string[];
  rules: Record<string, RuleLevel>;
  /** Undefined: the config file's `kubernetesVersion`, else the newest supported. */
  kubernetesVersion?: string;
  /** `--config`: one config file for every path (else the nearest `.biome-manifests.yaml` per file). */
  config?: string;
}

export type ParsedArgs = CheckArgs | { command: 'init'; dir: string } | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

type OptionResult = string | undefined;

type OptionHandler = (args: CheckArgs, value: string | undefined, flag: string) => OptionResult;

const fileOption =
  (set: (args: CheckArgs, file: string) => void, what = 'a file name'): OptionHandler =>
  (args, file, flag) => {
    if (!file) return `${flag} needs ${what}.`;
    set(args, file);
    return undefined;
  };

/** Each option that takes a value: it checks the value and records it, or returns an error message. */
const OPTION_HANDLERS: Record<string, OptionHandler> = {
  '--format': (args, format) => {
    if (!isFormat(format)) return `--format takes ${FORMATS.join(', ')}, not \`${format ?? ''}\`.`;
    args.format = format;
    return undefined;
  },
  '--output-file': fileOption((args, file) => (args.outputFile = file)),
  '--baseline': fileOption((args, file) => (args.baseline = file)),
  '--baseline-write': fileOption((args, file) => (args.baselineWrite = file)),
  '--changed-since': (args, ref) => {
    if (!ref || ref.startsWith('-')) return '--changed-since needs a git ref (a branch, tag or commit).';
    args.changedSince = ref;
    return undefined;
  },
  '--max-warnings': (args, text = '') => {
    if (!/^\d+$/.test(text)) return `--max-warnings takes a whole number of 0 or more, not \`${text}\`.`;
    args.maxWarnings = Number(text);
    return undefined;
  },
  '--exclude': fileOption((args, glob) => args.exclude.push(glob), 'a glob'),
  '--rule': (args, spec = '') => {
    const [id, level] = spec.split('=');
    if (!id || !isRuleLevel(level)) return `--rule takes <id>=<error|warning|info|hint|off>, not \`${spec}\`.`;
    args.rules[canonicalRuleId(id)] = level; // a renamed rule's old id still works
    return undefined;
  },
  '--config': fileOption((args, file) => (args.config = file), 'a file'),
  '--kubernetes-version': (args, given) => {
    const version = parseKubernetesVersion(given);
    if (!version) return `--kubernetes-version takes one of ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}, not \`${given ?? ''}\`.`;
    args.kubernetesVersion = version;
    return undefined;
  },
};

/** Applies one option with its value; returns an error message or undefined. */
function applyOption(args: CheckArgs, flag: string, value: () => string | undefined): OptionResult {
  const handler = Object.hasOwn(OPTION_HANDLERS, flag) ? OPTION_HANDLERS[flag] : undefined;
  return handler ? handler(args, value(), flag) : `unknown option \`${flag}\`.`;
}

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
  const args: CheckArgs = { command: 'check', paths: [], format: 'stylish', quiet: false, reportUnusedSuppressions: false, exclude: [], rules: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--quiet' || arg === '--report-unused-suppressions') {
      if (arg === '--quiet') args.quiet = true;
      else args.reportUnusedSuppressions = true;
      continue;
    }
    if (!arg.startsWith('-')) {
      args.paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq >= 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const error = applyOption(args, flag, () => inline ?? rest[++i]);
    if (error) return fail(error);
  }
  if (args.paths.length === 0) return fail('no paths to check. Name files or folders, e.g. `biome-manifests check examples/biome-sample`.');
  return args;
}
