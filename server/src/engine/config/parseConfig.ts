/**
 * Reads `.biome-manifests.yaml` text into a ProjectConfig. Every unknown key or bad value is an error
 * with its place in the file (never a silent default): the CLI exits 2 on it, the editor underlines it.
 */
import { LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from '../document/yamlGuards';
import { isRuleLevel, type RuleLevel } from '../lint/settings';
import { canonicalRuleId } from '../lint/ruleAliases';
import { closestMatch } from '../schema/suggest';
import { KUBERNETES_MINOR_MAX, KUBERNETES_MINOR_MIN, type ConfigError, type ConfigOverride, type ProjectConfig } from './configTypes';
import { knownCodes, optionProblem, type RuleCatalog } from './ruleOptions';
import { isMonitoringFormat } from '../monitoring/formats';

export const TOP_LEVEL_KEYS = ['kubernetesVersion', 'rules', 'exclude', 'crds', 'files', 'overrides'] as const;
const LEVELS = 'error, warning, info, hint or off';
const MAX_YAML_ERRORS = 20;

export interface ParsedConfig {
  config: ProjectConfig;
  errors: ConfigError[];
}

class Reader {
  readonly errors: ConfigError[] = [];
  constructor(
    private readonly lines: LineCounter,
    readonly catalog: RuleCatalog,
  ) {}

  error(node: Node | null | undefined, message: string): void {
    const [start, end] = node?.range ?? [0, 0];
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(end);
    this.errors.push({ message, range: { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } } });
  }

  /** The pairs of a map with string keys; anything else is reported. */
  entries(node: Node | null | undefined, what: string): [string, Pair<Node, Node | null>][] {
    if (!isMap(node)) {
      this.error(node, `${what} must be a map.`);
      return [];
    }
    const out: [string, Pair<Node, Node | null>][] = [];
    for (const pair of (node as YAMLMap<Node, Node | null>).items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string') out.push([pair.key.value, pair]);
      else this.error(pair.key, `keys of ${what} must be strings.`);
    }
    return out;
  }

  unknownKey(pair: Pair<Node, Node | null>, key: string, known: readonly string[], where: string): void {
    const near = closestMatch(key, known);
    this.error(pair.key, `unknown key \`${key}\` in ${where}${near ? ` (did you mean \`${near}\`?)` : ''}; known keys: ${known.join(', ')}.`);
  }

  strings(node: Node | null | undefined, what: string): string[] {
    if (!isSeq(node)) {
      this.error(node, `${what} must be a list of strings.`);
      return [];
    }
    const out: string[] = [];
    for (const item of node.items as (Node | null)[]) {
      if (isScalar(item) && typeof item.value === 'string' && item.value !== '') out.push(item.value);
      else this.error(item, `${what} must be a list of non-empty strings.`);
    }
    return out;
  }
}

export function parseProjectConfig(text: string, file: string, catalog: RuleCatalog): ParsedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const reader = new Reader(lines, catalog);
  const config: ProjectConfig = {
    file,
    rules: {},
    ruleOptions: {},
    kubernetesVersion: undefined,
    crdPaths: [],
    fileAssociations: {},
    exclude: [],
    overrides: [],
  };
  // The first few: a file nested 100,000 levels deep has as many errors, and the first says it.
  for (const e of doc.errors.slice(0, MAX_YAML_ERRORS)) {
    const a = lines.linePos(e.pos[0]);
    const b = lines.linePos(e.pos[1]);
    reader.errors.push({
      message: `YAML: ${e.message.split('\n')[0] ?? e.code}`,
      range: { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } },
    });
  }
  if (doc.errors.length > 0) return { config, errors: reader.errors };
  // An empty file is a valid config that sets nothing.
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return { config, errors: [] };
  for (const [key, pair] of reader.entries(doc.contents, 'the configuration')) readTopLevel(reader, config, key, pair);
  return { config, errors: reader.errors };
}

function readTopLevel(reader: Reader, config: ProjectConfig, key: string, pair: Pair<Node, Node | null>): void {
  const value = pair.value;
  switch (key) {
    case 'kubernetesVersion':
      config.kubernetesVersion = readVersion(reader, value);
      return;
    case 'rules':
      readRules(reader, value, config.rules, config.ruleOptions, '`rules`');
      return;
    case 'exclude':
      config.exclude = reader.strings(value, '`exclude`');
      return;
    case 'crds':
      for (const [k, p] of reader.entries(value, '`crds`')) {
        if (k === 'paths') config.crdPaths = reader.strings(p.value, '`crds.paths`');
        else reader.unknownKey(p, k, ['paths'], '`crds`');
      }
      return;
    case 'files':
      for (const [k, p] of reader.entries(value, '`files`')) {
        if (k === 'associations') config.fileAssociations = readAssociations(reader, p.value);
        else reader.unknownKey(p, k, ['associations'], '`files`');
      }
      return;
    case 'overrides':
      config.overrides = readOverrides(reader, value);
      return;
    default:
      reader.unknownKey(pair, key, TOP_LEVEL_KEYS, 'the configuration');
  }
}

function readVersion(reader: Reader, node: Node | null): string | undefined {
  // The source text, not the value: YAML reads an unquoted 1.30 as the number 1.3.
  const written = isScalar(node) ? (node.source ?? String(node.value)) : undefined;
  const minor = written !== undefined ? /^1\.(\d{2})$/.exec(written)?.[1] : undefined;
  if (minor !== undefined && Number(minor) >= KUBERNETES_MINOR_MIN && Number(minor) <= KUBERNETES_MINOR_MAX) return written;
  reader.error(
    node,
    `\`kubernetesVersion\` must be a version from 1.${KUBERNETES_MINOR_MIN} to 1.${KUBERNETES_MINOR_MAX}, like "1.30"${written !== undefined ? `, not \`${written}\`` : ''}.`,
  );
  return undefined;
}

function readLevel(reader: Reader, node: Node | null, id: string): RuleLevel | undefined {
  const value: unknown = isScalar(node) ? node.value : undefined;
  if (isRuleLevel(value)) return value;
  reader.error(node, `the level of \`${id}\` must be ${LEVELS}${isScalar(node) ? `, not \`${String(node.value)}\`` : ''}.`);
  return undefined;
}

/** `id: level` or `id: { level, options }` (options only at the top level, not in overrides). */
function readRules(
  reader: Reader,
  node: Node | null,
  levels: Record<string, RuleLevel>,
  options: Record<string, Record<string, unknown>> | undefined,
  where: string,
): void {
  const known = knownCodes(reader.catalog);
  for (const [written, pair] of reader.entries(node, where)) {
    const id = canonicalRuleId(written); // a renamed rule's old id still configures it
    if (!known.includes(id)) {
      const near = closestMatch(id, known);
      reader.error(pair.key, `unknown rule \`${id}\` in ${where}${near ? ` (did you mean \`${near}\`?)` : ''}.`);
      continue;
    }
    if (!isMap(pair.value) || !options) {
      const level = readLevel(reader, pair.value, id);
      if (level) levels[id] = level;
      continue;
    }
    for (const [k, p] of reader.entries(pair.value, `\`${id}\``)) {
      if (k === 'level') {
        const level = readLevel(reader, p.value, id);
        if (level) levels[id] = level;
      } else if (k === 'options') options[id] = readOptions(reader, id, p.value);
      else reader.unknownKey(p, k, ['level', 'options'], `\`${id}\``);
    }
  }
}

function readOptions(reader: Reader, id: string, node: Node | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, pair] of reader.entries(node, `the options of \`${id}\``)) {
    const value: unknown = pair.value ? pair.value.toJSON() : null;
    const problem = optionProblem(reader.catalog, id, name, value);
    if (problem) reader.error(problem.startsWith('unknown') ? pair.key : pair.value, problem);
    else out[name] = value;
  }
  return out;
}

function readAssociations(reader: Reader, node: Node | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [glob, pair] of reader.entries(node, '`files.associations`')) {
    const value: unknown = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value === 'string' && isMonitoringFormat(value)) out[glob] = value;
    else reader.error(pair.value ?? pair.key, `\`files.associations\` maps a glob to \`prometheus-config\`, \`prometheus-rules\` or \`alertmanager-config\`.`);
  }
  return out;
}

function readOverrides(reader: Reader, node: Node | null): ConfigOverride[] {
  if (!isSeq(node)) {
    reader.error(node, '`overrides` must be a list of `{ files, rules }`.');
    return [];
  }
  const out: ConfigOverride[] = [];
  for (const item of node.items as (Node | null)[]) {
    const override: ConfigOverride = { files: [], rules: {} };
    let hasFiles = false;
    for (const [k, p] of reader.entries(item, 'an override')) {
      if (k === 'files') {
        override.files = reader.strings(p.value, '`files` of an override');
        hasFiles = true;
      } else if (k === 'rules') readRules(reader, p.value, override.rules, undefined, '`rules` of an override');
      else reader.unknownKey(p, k, ['files', 'rules'], 'an override');
    }
    if (!hasFiles && isMap(item)) reader.error(item, 'an override needs `files` (a list of globs).');
    out.push(override);
  }
  return out;
}
