/**
 * The custom resource schemas the workspace's CRDs give: every CustomResourceDefinition document in
 * the index (its own files and those of `crds.paths`), each served version of its kind. Rebuilt only
 * when a CRD document changes (the index bumps CRD_SCHEMAS_KEY); each CRD's versions are compiled
 * on first use, once per parsed chunk.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { SchemaNode } from '../schema/schemaTypes';
import { kindKey } from '../workspace/dependencyKeys';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { compiledVersion, crdOf, CRD_KIND, type CrdDefinition, type CrdVersion } from './crdDefinition';
import type { CustomResourceSchema, CustomResourceSchemaSource, ServedKind } from './customResourceSchemas';

/** Bumped by the index whenever a CRD document is added, edited or removed. */
export const CRD_SCHEMAS_KEY = kindKey(CRD_KIND);

interface Served {
  readonly doc: ManifestDocument;
  readonly crd: CrdDefinition;
  readonly version: CrdVersion;
}

export class WorkspaceCrdSchemas implements CustomResourceSchemaSource {
  readonly origin = 'workspace';
  /** `group/version/kind` → the CRD version that serves it; `group/kind` → its versions. */
  private byKey = new Map<string, Served>();
  private versionsByKind = new Map<string, string[]>();
  private builtAt = -1;

  constructor(
    private readonly index: () => WorkspaceIndex,
    private readonly objectMeta: () => SchemaNode,
  ) {}

  schemaFor(group: string, version: string, kind: string): CustomResourceSchema | undefined {
    this.refresh();
    const served = this.byKey.get(`${group}/${version}/${kind}`);
    if (!served) return undefined;
    const compiled = compiledVersion(served.doc, served.crd, served.version, this.objectMeta());
    return compiled.ok
      ? { schema: compiled.schema, source: { type: 'workspace', location: served.doc.uri }, openAPIV3Schema: served.version.rawSchema }
      : undefined;
  }

  servedVersions(group: string, kind: string): readonly string[] {
    this.refresh();
    return this.versionsByKind.get(`${group}/${kind}`) ?? [];
  }

  kinds(): ServedKind[] {
    this.refresh();
    return [...this.versionsByKind].map(([key, versions]) => {
      const slash = key.lastIndexOf('/');
      return { group: key.slice(0, slash), kind: key.slice(slash + 1), versions };
    });
  }

  /** The CRD document that defines `kind` of `group` (the first by URI when several do). */
  definitionOf(group: string, kind: string): ManifestDocument | undefined {
    this.refresh();
    for (const served of this.byKey.values()) if (served.crd.group === group && served.crd.kind === kind) return served.doc;
    return undefined;
  }

  private refresh(): void {
    const index = this.index();
    const version = index.versions.get(CRD_SCHEMAS_KEY);
    if (version === this.builtAt) return;
    this.builtAt = version;
    this.byKey = new Map();
    this.versionsByKind = new Map();
    // By URI, then position: when two files define the same kind, the same one wins every time.
    const docs = index.documentsOfKind(CRD_KIND).sort((a, b) => (a.uri === b.uri ? a.index - b.index : a.uri < b.uri ? -1 : 1));
    for (const doc of docs) {
      const crd = crdOf(doc);
      if (!crd) continue;
      for (const version of crd.versions) {
        const key = `${crd.group}/${version.name}/${crd.kind}`;
        if (!version.served || this.byKey.has(key)) continue;
        this.byKey.set(key, { doc, crd, version });
        const kindKeyText = `${crd.group}/${crd.kind}`;
        this.versionsByKind.set(kindKeyText, [...(this.versionsByKind.get(kindKeyText) ?? []), version.name].sort());
      }
    }
  }
}
