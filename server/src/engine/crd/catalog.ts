/**
 * The bundled catalog of operator CRD schemas (schemas/catalog/<group>.json, written by scripts/crd-catalog.mjs from
 * the `@kubernetes-models/*` packages): what a custom resource is checked against when the workspace has no CRD for
 * its kind. Which kinds exist is bundled (catalogIndex.json), so a group the catalog lacks costs no read; a group's
 * file (up to 1.3 MB) is read and parsed the first time one of its kinds is asked for, and a few groups are kept.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSchemaDir } from '../schema/store';
import catalogIndex from './catalogIndex.json';

/** An openAPIV3Schema as a CustomResourceDefinition carries it (JSONSchemaProps, structural, no `$ref`). */
export type OpenApiV3Schema = { readonly [keyword: string]: unknown };

export interface CatalogKindRef {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export interface CatalogEntry extends CatalogKindRef {
  readonly plural?: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly served: boolean;
  readonly openAPIV3Schema: OpenApiV3Schema;
}

/** Reads a group file's text; throws when it cannot (missing, unreadable, over the size limit). */
export type CatalogReader = (file: string) => string;

/** The largest group file is 1.3 MB; anything far over that is not a catalog file and is not read. */
const MAX_GROUP_FILE_BYTES = 16 * 1024 * 1024;
/** Groups kept parsed at once: a workspace uses a handful of operators; older groups are dropped first. */
const MAX_CACHED_GROUPS = 8;

function readBounded(file: string): string {
  const size = statSync(file).size;
  if (size > MAX_GROUP_FILE_BYTES) throw new Error(`${size} bytes, over the ${MAX_GROUP_FILE_BYTES}-byte limit`);
  return readFileSync(file, 'utf8');
}

const keyOf = (group: string, version: string, kind: string): string => `${group}\n${version}\n${kind}`;

export class CrdCatalog {
  private readonly index: ReadonlySet<string>;
  /** Parsed groups, least recently used first (a Map keeps insertion order); undefined: the file was unusable. */
  private readonly groups = new Map<string, ReadonlyMap<string, CatalogEntry> | undefined>();
  private readonly failures: string[] = [];

  constructor(
    private readonly kindRefs: readonly CatalogKindRef[],
    private readonly directory: () => string,
    private readonly read: CatalogReader = readBounded,
    private readonly maxGroups = MAX_CACHED_GROUPS,
  ) {
    this.index = new Set(kindRefs.map((k) => keyOf(k.group, k.version, k.kind)));
  }

  kinds(): readonly CatalogKindRef[] {
    return this.kindRefs;
  }

  /** The catalog's schema of a kind, or undefined when the catalog has none (then nothing is read). */
  schema(group: string, version: string, kind: string): CatalogEntry | undefined {
    if (!this.index.has(keyOf(group, version, kind))) return undefined;
    return this.group(group)?.get(keyOf(group, version, kind));
  }

  /** Group files that could not be read or were not catalog files, with the reason (for the server's log). */
  problems(): readonly string[] {
    return this.failures;
  }

  private group(group: string): ReadonlyMap<string, CatalogEntry> | undefined {
    if (this.groups.has(group)) {
      const cached = this.groups.get(group);
      this.groups.delete(group);
      this.groups.set(group, cached);
      return cached;
    }
    const loaded = this.load(group);
    this.groups.set(group, loaded);
    if (this.groups.size > this.maxGroups) this.groups.delete(this.groups.keys().next().value!);
    return loaded;
  }

  private load(group: string): ReadonlyMap<string, CatalogEntry> | undefined {
    let file = `${group}.json`;
    try {
      file = join(this.directory(), file);
      return entriesOf(group, JSON.parse(this.read(file)) as unknown);
    } catch (error) {
      this.failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A group file's kinds by key; entries of another group or without a schema are not catalog entries. */
function entriesOf(group: string, parsed: unknown): ReadonlyMap<string, CatalogEntry> {
  if (!isRecord(parsed) || parsed['group'] !== group || !Array.isArray(parsed['kinds'])) {
    throw new Error(`not a catalog file of group ${group}`);
  }
  const entries = new Map<string, CatalogEntry>();
  for (const item of parsed['kinds'] as unknown[]) {
    if (!isRecord(item) || typeof item['kind'] !== 'string' || typeof item['version'] !== 'string') continue;
    if (!isRecord(item['openAPIV3Schema'])) continue;
    const plural = typeof item['plural'] === 'string' ? { plural: item['plural'] } : {};
    entries.set(keyOf(group, item['version'], item['kind']), {
      group,
      version: item['version'],
      kind: item['kind'],
      ...plural,
      scope: item['scope'] === 'Cluster' ? 'Cluster' : 'Namespaced',
      served: item['served'] !== false,
      openAPIV3Schema: item['openAPIV3Schema'],
    });
  }
  return entries;
}

let shared: CrdCatalog | undefined;

/** The catalog shipped next to the bundle (schemas/catalog/, found like schemas/kubernetes.json). */
export function sharedCatalog(): CrdCatalog {
  shared ??= new CrdCatalog(catalogIndex.kinds, () => join(defaultSchemaDir(), 'catalog'));
  return shared;
}

/** The catalog's schema of (group, version, kind); undefined when the catalog has none. */
export function catalogSchema(group: string, version: string, kind: string): CatalogEntry | undefined {
  return sharedCatalog().schema(group, version, kind);
}

/** Every (group, version, kind) the catalog has, without reading any group file. */
export function catalogKinds(): readonly CatalogKindRef[] {
  return sharedCatalog().kinds();
}
