/**
 * Loads schemas/kubernetes.json once and answers: which schema serves apiVersion + kind, which
 * apiVersions serve a kind, which kinds an apiVersion serves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileDefinitions, type JsonSchema } from './compile';
import type { ObjectSchema, SchemaNode } from './schemaTypes';

export const SCHEMA_FILE = 'kubernetes.json';

export interface KindEntry {
  readonly apiVersion: string;
  readonly kind: string;
  readonly schema: ObjectSchema;
  /** A custom resource's schema source (its CRD's file URI, or a catalog id), shown in hovers; unset for built-in kinds. */
  readonly source?: string;
}

export class SchemaStore {
  private readonly byKey = new Map<string, KindEntry>();
  private readonly versionsByKind = new Map<string, string[]>();
  private readonly kindsByVersion = new Map<string, string[]>();
  private readonly groups = new Set<string>();
  private readonly compiled: ReadonlyMap<string, SchemaNode>;

  constructor(definitions: Record<string, JsonSchema>) {
    const compiled = compileDefinitions(definitions);
    this.compiled = compiled;
    for (const [id, def] of Object.entries(definitions)) {
      const schema = compiled.get(id);
      if (schema?.kind !== 'object') continue;
      for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
        const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
        this.byKey.set(`${apiVersion}\n${gvk.kind}`, { apiVersion, kind: gvk.kind, schema });
        push(this.versionsByKind, gvk.kind, apiVersion);
        push(this.kindsByVersion, apiVersion, gvk.kind);
        this.groups.add(gvk.group);
      }
    }
    for (const list of [...this.versionsByKind.values(), ...this.kindsByVersion.values()]) list.sort();
  }

  /** The schema of a built-in kind, or undefined for CRDs and unknown versions. */
  lookup(apiVersion: string, kind: string): KindEntry | undefined {
    return this.byKey.get(`${apiVersion}\n${kind}`);
  }

  /** A compiled definition by id (`io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`). */
  definition(id: string): SchemaNode | undefined {
    return this.compiled.get(id);
  }

  /** apiVersions serving `kind`, sorted; empty for kinds Kubernetes does not define. */
  apiVersionsOf(kind: string): readonly string[] {
    return this.versionsByKind.get(kind) ?? [];
  }

  /** Kinds served by `apiVersion`, sorted. */
  kindsOf(apiVersion: string): readonly string[] {
    return this.kindsByVersion.get(apiVersion) ?? [];
  }

  /**
   * Whether `apiVersion` is a version of a group that serves `kind` newer than every version the
   * schema knows (`resource.k8s.io/v1` ResourceClaim, GA in 1.34, against the schema's v1alpha2):
   * such a document is valid on a newer cluster, so it cannot be judged, not reported.
   */
  isNewerThanKnown(apiVersion: string, kind: string): boolean {
    const [group, version] = splitApiVersion(apiVersion);
    const rank = versionRank(version);
    if (!rank) return false;
    const known = this.apiVersionsOf(kind)
      .map(splitApiVersion)
      .filter(([g]) => g === group);
    return known.length > 0 && known.every(([, v]) => compareRanks(rank, versionRank(v)) > 0);
  }

  allApiVersions(): readonly string[] {
    return [...this.kindsByVersion.keys()].sort();
  }

  allKinds(): readonly string[] {
    return [...this.versionsByKind.keys()].sort();
  }

  /**
   * Whether an apiVersion belongs to Kubernetes itself (core, a built-in group, a retired one such
   * as `extensions`, or any `*.k8s.io` group) rather than to a CRD that may reuse a built-in kind
   * name (Knative's `serving.knative.dev/v1` Service).
   */
  isKubernetesApiVersion(apiVersion: string): boolean {
    const slash = apiVersion.indexOf('/');
    if (slash < 0) return true;
    const group = apiVersion.slice(0, slash);
    return this.groups.has(group) || group === 'extensions' || group.endsWith('.k8s.io');
  }
}

function splitApiVersion(apiVersion: string): [string, string] {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

type VersionRank = readonly [stability: number, major: number, minor: number];

/** Kubernetes' version priority (apimachinery CompareKubeAwareVersionStrings): GA > beta > alpha, then by number. */
function versionRank(version: string): VersionRank | undefined {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!match) return undefined;
  const stability = match[2] === undefined ? 2 : match[2] === 'beta' ? 1 : 0;
  return [stability, Number(match[1]), Number(match[3] ?? 0)];
}

function compareRanks(a: VersionRank, b: VersionRank | undefined): number {
  if (!b) return 1;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function readSchemaStore(schemaDir: string): SchemaStore {
  const parsed = JSON.parse(readFileSync(join(schemaDir, SCHEMA_FILE), 'utf8')) as { definitions: Record<string, JsonSchema> };
  return new SchemaStore(parsed.definitions);
}

/**
 * Finds the schemas/ directory: next to the bundle (dist/../schemas) or, when running compiled
 * sources from out/server/src/engine/schema, up at the repository root.
 */
export function defaultSchemaDir(from: string = __dirname): string {
  // Asked for on every loadSchemaStore() call (rules call it per object): the file system is searched once.
  const known = schemaDirs.get(from);
  if (known !== undefined) return known;
  const found = findSchemaDir(from);
  schemaDirs.set(from, found);
  return found;
}

const schemaDirs = new Map<string, string>();

function findSchemaDir(from: string): string {
  let dir = from;
  for (let depth = 0; depth < 8; depth++) {
    const candidate = join(dir, 'schemas');
    if (existsSync(join(candidate, SCHEMA_FILE))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`schemas/${SCHEMA_FILE} not found above ${from}`);
}

const loaded = new Map<string, SchemaStore>();

/** The store for a directory (default: the extension's schemas/), loaded and compiled once. */
export function loadSchemaStore(schemaDir: string = defaultSchemaDir()): SchemaStore {
  let store = loaded.get(schemaDir);
  if (!store) {
    store = readSchemaStore(schemaDir);
    loaded.set(schemaDir, store);
  }
  return store;
}
