/** Monitoring files inside ConfigMap values: parsed once per text (a small cache shared by all rules). */
import type { Document, Node } from 'yaml';
import { parseWithYaml, MAX_ALIAS_COUNT } from '../document/parsedChunk';
import { isMap, isPair, isScalar, isSeq } from '../document/yamlGuards';
import type { ValuePath } from '../types';
import { formatOfValue, mayHoldMonitoringKeys, type MonitoringFormat } from './formats';

export interface EmbeddedFile {
  format: MonitoringFormat;
  yaml: Document.Parsed;
  value: unknown;
}

/** Above this a ConfigMap value is not parsed as a monitoring file (ConfigMaps hold at most 1 MiB). */
const MAX_TEXT = 1_048_576;
const CACHE_SIZE = 32;
const cache = new Map<string, EmbeddedFile | null>();

/**
 * Where objects keep files as plain text: a ConfigMap's `data`, a Secret's `stringData`. A Secret's base64 `data` is
 * left out on purpose: the checks' messages quote the content, and diagnostics are not redacted from the LSP trace.
 */
export function plainFileFields(kind: unknown): readonly ('data' | 'stringData')[] {
  return kind === 'ConfigMap' ? ['data'] : kind === 'Secret' ? ['stringData'] : [];
}

/** The monitoring file a ConfigMap key holds, or undefined (other content, or YAML with errors). */
export function embeddedFile(key: string, text: string): EmbeddedFile | undefined {
  if (text.length > MAX_TEXT || !/\.ya?ml$/i.test(key) || !mayHoldMonitoringKeys(text)) return undefined;
  const cacheKey = `${key}\u0000${text}`;
  let entry = cache.get(cacheKey);
  if (entry === undefined) {
    entry = parseEmbedded(key, text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, entry);
  }
  return entry ?? undefined;
}

function parseEmbedded(key: string, text: string): EmbeddedFile | null {
  try {
    const yaml = parseWithYaml(text);
    if (yaml.errors.length > 0) return null;
    const value: unknown = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const format = formatOfValue(value, key);
    return format ? { format, yaml, value } : null;
  } catch {
    return null; // an alias bomb or a structure yaml refuses: not checked as a monitoring file
  }
}

/** The node at `path` in a parsed document, or for `key`, the key node of the entry the path ends at. */
export function nodeAtPath(yaml: Document.Parsed, path: ValuePath, part: 'key' | 'value'): Node | undefined {
  let node: unknown = yaml.contents;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return undefined;
      if (i === path.length - 1 && part === 'key') return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}
