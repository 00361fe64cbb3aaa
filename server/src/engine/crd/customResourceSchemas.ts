/**
 * Where custom resources get their schemas: one look-up by (group, version, kind) over a list of
 * sources, the first that knows the kind answering for all its versions. The workspace's CRDs (workspaceCrds.ts) come
 * first; a bundled catalog of operator CRDs plugs in after them, so a CRD in the workspace always
 * wins over the catalog's copy. See docs/ARCHITECTURE.md, "Custom resources".
 */
import type { ObjectSchema } from '../schema/schemaTypes';

export interface CustomResourceSchema {
  /** The converted schema of the kind at that version (validated, completed and described like a built-in one). */
  readonly schema: ObjectSchema;
  /** Where it came from, for messages and hovers. */
  readonly source: SchemaOrigin;
  /** The raw `openAPIV3Schema` it was converted from: what only it holds (the CEL rules, celCheck.ts) is read there. */
  readonly openAPIV3Schema?: unknown;
}

export interface SchemaOrigin {
  /** `workspace`: a CRD file indexed in the workspace (or listed in `crds.paths`); `catalog`: bundled. */
  readonly type: 'workspace' | 'catalog';
  /** The CRD's file for `workspace`; the catalog's own id (e.g. its package) for `catalog`. */
  readonly location: string;
}

export interface CustomResourceSchemaSource {
  /**
   * `catalog`: a copy of one release of an operator's CRDs, so a version it lacks may be served by another release;
   * `workspace` (the default): the CRDs the cluster gets, so a version they lack is not served.
   */
  readonly origin?: SchemaOrigin['type'];
  /** The schema of `kind` in `group` at `version`, or undefined when this source does not serve it. */
  schemaFor(group: string, version: string, kind: string): CustomResourceSchema | undefined;
  /** The versions this source serves `kind` of `group` at, sorted; empty when it does not know the kind. */
  servedVersions(group: string, kind: string): readonly string[];
  /** Every kind the source serves, for `apiVersion`/`kind` completion; optional (a large catalog may omit it). */
  kinds?(): readonly ServedKind[];
}

export interface ServedKind {
  readonly group: string;
  readonly kind: string;
  readonly versions: readonly string[];
}

/** The chain of sources, in priority order (workspace first). */
export class CustomResourceSchemas implements CustomResourceSchemaSource {
  private readonly sources: CustomResourceSchemaSource[];

  constructor(sources: readonly CustomResourceSchemaSource[] = []) {
    this.sources = [...sources];
  }

  /** Adds a source after the existing ones (a catalog after the workspace: the workspace keeps winning). */
  addSource(source: CustomResourceSchemaSource): void {
    this.sources.push(source);
  }

  /**
   * The schema from the first source that knows the kind at all: that source decides for every version
   * (a workspace CRD without v2 means the cluster serves no v2, whatever a catalog's newer copy has).
   */
  schemaFor(group: string, version: string, kind: string): CustomResourceSchema | undefined {
    for (const source of this.sources) {
      if (source.servedVersions(group, kind).length > 0) return source.schemaFor(group, version, kind);
    }
    return undefined;
  }

  /** Every kind of every source that lists them, each from the first source that knows it. */
  kinds(): ServedKind[] {
    const seen = new Map<string, ServedKind>();
    for (const source of this.sources) {
      for (const served of source.kinds?.() ?? []) {
        const key = `${served.group}/${served.kind}`;
        if (!seen.has(key)) seen.set(key, served);
      }
    }
    return [...seen.values()];
  }

  /** Where the first source that knows the kind comes from (see `origin`); undefined when none knows it. */
  originOf(group: string, kind: string): SchemaOrigin['type'] | undefined {
    const source = this.sources.find((s) => s.servedVersions(group, kind).length > 0);
    return source ? (source.origin ?? 'workspace') : undefined;
  }

  /** The versions of the first source that knows the kind (the one whose schemas `schemaFor` answers with). */
  servedVersions(group: string, kind: string): readonly string[] {
    for (const source of this.sources) {
      const versions = source.servedVersions(group, kind);
      if (versions.length > 0) return versions;
    }
    return [];
  }
}

/** `group/version` → [group, version]; the core group is ''. */
export function splitApiVersion(apiVersion: string): [group: string, version: string] {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}
