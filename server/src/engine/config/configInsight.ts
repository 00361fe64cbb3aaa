/**
 * Completion and hover inside `.biome-manifests.yaml`, from the same knowledge the validator uses
 * (the keys of parseConfig.ts, the rule catalog and each rule's declared options).
 */
import { cursorContext } from '../document/cursorPath';
import type { ValuePath } from '../types';
import { KUBERNETES_MINOR_MAX, KUBERNETES_MINOR_MIN } from './configTypes';
import { knownCodes, type RuleCatalog } from './ruleOptions';

export interface ConfigCompletion {
  label: string;
  /** Inserted for the label (`key: ` for a key). */
  insertText: string;
  documentation: string;
}

const TOP_DOCS: Record<string, string> = {
  kubernetesVersion: `Kubernetes version the manifests target, quoted, from "1.${KUBERNETES_MINOR_MIN}" to "1.${KUBERNETES_MINOR_MAX}".`,
  rules: 'Rule id → level (`error`, `warning`, `info`, `hint`, `off`), or `{ level, options }`.',
  exclude: 'Globs of paths (relative to this file) that are not checked, besides node_modules, .git and dist.',
  crds: 'Custom resource definitions: `paths`, files or folders relative to this file.',
  files: 'Other YAML files to check: `associations`, glob → file type (`prometheus-config`, `prometheus-rules` or `alertmanager-config`).',
  overrides: 'A list of `{ files, rules }`: rule levels for paths matching `files` (later entries win).',
};
const NESTED_DOCS: Record<string, Record<string, string>> = {
  crds: { paths: 'CRD files or folders, relative to this file: custom resources are checked against their schemas.' },
  files: { associations: 'Glob → file type, as the `biomeManifests.files.associations` setting.' },
  override: { files: 'Globs of paths this override applies to, relative to this file.', rules: 'Rule id → level for those paths.' },
  rule: { level: '`error`, `warning`, `info`, `hint` or `off`.', options: "The rule's options (see its documentation)." },
};
const LEVELS = ['error', 'warning', 'info', 'hint', 'off'];

function ruleDoc(catalog: RuleCatalog, id: string): string {
  const rule = catalog.rules.get(id);
  return rule ? `**${id}** (default: ${rule.defaultSeverity}): ${rule.summary}` : `**${id}**: a check of the parser or the schema.`;
}

/** Keys that may go in the map at `path`, with their documentation. */
function keysAt(path: ValuePath, catalog: RuleCatalog): Record<string, string> {
  const [top, second, third] = path;
  const ruleMap = (): Record<string, string> => Object.fromEntries(knownCodes(catalog).map((id) => [id, ruleDoc(catalog, id)]));
  if (path.length === 0) return TOP_DOCS;
  if (path.length === 1 && (top === 'crds' || top === 'files')) return NESTED_DOCS[top] ?? {};
  if (top === 'rules' && path.length === 1) return ruleMap();
  if (top === 'rules' && path.length === 2) return NESTED_DOCS.rule ?? {};
  if (top === 'rules' && third === 'options' && path.length === 3) {
    const options = catalog.rules.get(String(second))?.options ?? {};
    return Object.fromEntries(Object.entries(options).map(([name, o]) => [name, `${o.description} Default: \`${JSON.stringify(o.default)}\`.`]));
  }
  if (top === 'overrides' && typeof second === 'number' && path.length === 2) return NESTED_DOCS.override ?? {};
  if (top === 'overrides' && third === 'rules' && path.length === 3) return ruleMap();
  return {};
}

/** Values that fit the field at `path`. */
function valuesAt(path: ValuePath, catalog: RuleCatalog): string[] {
  if (path.length === 1 && path[0] === 'kubernetesVersion') {
    const out: string[] = [];
    for (let minor = KUBERNETES_MINOR_MIN; minor <= KUBERNETES_MINOR_MAX; minor++) out.push(`"1.${minor}"`);
    return out;
  }
  const last = path[path.length - 1];
  const isRuleLevel = (path[0] === 'rules' && path.length === 2) || (path[0] === 'overrides' && path[2] === 'rules' && path.length === 4);
  if (isRuleLevel || (path[0] === 'rules' && last === 'level' && path.length === 3)) return LEVELS;
  const option = path[0] === 'rules' && path[2] === 'options' ? catalog.rules.get(String(path[1]))?.options?.[String(last)] : undefined;
  return typeof option?.default === 'boolean' ? ['true', 'false'] : [];
}

/** Completions at a position of the file's text; `prefixStart` is where the replaced word starts. */
export function configCompletions(text: string, line: number, character: number, catalog: RuleCatalog): { prefixStart: number; items: ConfigCompletion[] } {
  const context = cursorContext(text.split(/\r?\n/), line, character);
  if (context.position === 'value') {
    const items = valuesAt(context.path, catalog).map((v) => ({ label: v, insertText: v, documentation: '' }));
    return { prefixStart: context.prefixStart, items };
  }
  const present = new Set(context.siblingKeys);
  const items = Object.entries(keysAt(context.parentPath, catalog))
    .filter(([key]) => !present.has(key))
    .map(([key, documentation]) => ({ label: key, insertText: `${key}: `, documentation }));
  return { prefixStart: context.prefixStart, items };
}

/** Markdown for the key under the cursor, or undefined. */
export function configHover(text: string, line: number, character: number, catalog: RuleCatalog): string | undefined {
  const context = cursorContext(text.split(/\r?\n/), line, character);
  if (context.key === undefined) return undefined;
  return keysAt(context.parentPath, catalog)[context.key];
}
