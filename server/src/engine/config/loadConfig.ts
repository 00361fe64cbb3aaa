/** Finds the `.biome-manifests.yaml` that applies to a path (the nearest in it or a parent folder) and reads it. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from './configTypes';
import { parseProjectConfig, type ParsedConfig } from './parseConfig';
import type { RuleCatalog } from './ruleOptions';

/** A config file larger than this is not a config file someone wrote: refused, not parsed. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The nearest config file in `dir` or its parents, or undefined. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; ) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    const stat = await fs.stat(candidate).catch(() => undefined);
    if (stat?.isFile()) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads and validates a config file; an unreadable file is one error at its start. */
export async function loadProjectConfig(file: string, catalog: RuleCatalog): Promise<ParsedConfig> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES} bytes`);
    return parseProjectConfig(await fs.readFile(file, 'utf8'), file, catalog);
  } catch (error) {
    const parsed = parseProjectConfig('', file, catalog);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    parsed.errors.push({ message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}`, range });
    return parsed;
  }
}
