/**
 * The bundled catalog (catalog.ts) as a source of custom resource schemas: after the workspace's CRDs in the chain
 * (customResourceSchemas.ts), so a ServiceMonitor or ScaledObject is checked even when its CRD is not in the
 * repository. Each kind's schema is converted once, like a workspace CRD's (convertSchema.ts).
 */
import type { SchemaNode } from '../schema/schemaTypes';
import type { CrdCatalog } from './catalog';
import { convertCrdSchema } from './convertSchema';
import type { CustomResourceSchema, CustomResourceSchemaSource, ServedKind } from './customResourceSchemas';

export class CatalogSchemaSource implements CustomResourceSchemaSource {
  readonly origin = 'catalog';
  private readonly converted = new Map<string, CustomResourceSchema | null>();
  private versionsByKind: Map<string, string[]> | undefined;

  constructor(
    private readonly catalog: CrdCatalog,
    private readonly objectMeta: () => SchemaNode,
  ) {}

  schemaFor(group: string, version: string, kind: string): CustomResourceSchema | undefined {
    const key = `${group}/${version}/${kind}`;
    let found = this.converted.get(key);
    if (found === undefined) {
      found = this.convert(group, version, kind);
      this.converted.set(key, found);
    }
    return found ?? undefined;
  }

  servedVersions(group: string, kind: string): readonly string[] {
    return this.byKind().get(`${group}/${kind}`) ?? [];
  }

  kinds(): ServedKind[] {
    return [...this.byKind()].map(([key, versions]) => {
      const slash = key.lastIndexOf('/');
      return { group: key.slice(0, slash), kind: key.slice(slash + 1), versions };
    });
  }

  private byKind(): Map<string, string[]> {
    if (!this.versionsByKind) {
      this.versionsByKind = new Map();
      for (const { group, version, kind } of this.catalog.kinds()) {
        const key = `${group}/${kind}`;
        this.versionsByKind.set(key, [...(this.versionsByKind.get(key) ?? []), version].sort());
      }
    }
    return this.versionsByKind;
  }

  /** null when the catalog has no usable schema (a missing or broken group file is listed by catalog.problems()). */
  private convert(group: string, version: string, kind: string): CustomResourceSchema | null {
    const entry = this.catalog.schema(group, version, kind);
    if (!entry?.served) return null;
    try {
      const { schema } = convertCrdSchema(entry.openAPIV3Schema, kind, `${group}/${version}`, this.objectMeta());
      const source = { type: 'catalog', location: `the bundled catalog (schemas/catalog/${group}.json)` } as const;
      return { schema, source, openAPIV3Schema: entry.openAPIV3Schema };
    } catch {
      return null;
    }
  }
}
