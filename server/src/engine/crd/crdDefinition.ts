/**
 * What a CustomResourceDefinition document says (apiextensions.k8s.io/v1), read from its plain value,
 * and each version's schema compiled on first use (once per parsed chunk: an unchanged CRD is never
 * compiled again).
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { ParsedChunk } from '../document/parsedChunk';
import { ANY, type SchemaNode } from '../schema/schemaTypes';
import type { SchemaStore } from '../schema/store';
import { convertCrdSchema, UnusableSchemaError, type ConvertedSchema } from './convertSchema';

const CRD_API_VERSION = 'apiextensions.k8s.io/v1';
export const CRD_KIND = 'CustomResourceDefinition';

export interface CrdVersion {
  readonly name: string;
  /** Its position in `spec.versions` (for findings). */
  readonly index: number;
  readonly served: boolean;
  readonly storage: boolean;
  /** `schema.openAPIV3Schema` as written; undefined when absent. */
  readonly rawSchema: unknown;
}

export interface CrdDefinition {
  readonly name: string | undefined;
  readonly group: string;
  readonly kind: string;
  readonly plural: string | undefined;
  readonly versions: readonly CrdVersion[];
}

/** A version's schema, or why it cannot be used. */
export type CompiledVersion = ({ ok: true } & ConvertedSchema) | { ok: false; reason: string; path: readonly (string | number)[] };

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The built-in ObjectMeta, which every custom resource's `metadata` is checked as (the API server does too). */
export function objectMetaOf(store: SchemaStore): SchemaNode {
  return store.lookup('v1', 'ConfigMap')?.schema.properties.get('metadata')?.type ?? ANY;
}

export function isCrdDocument(doc: ManifestDocument): boolean {
  const c = doc.class;
  return c.type === 'kubernetes' && c.kind === CRD_KIND && c.apiVersion === CRD_API_VERSION;
}

/** The definition, or undefined when the document lacks a group or kind (the schema check reports those). */
function readCrd(value: unknown): CrdDefinition | undefined {
  const spec = record(record(value)?.spec);
  const names = record(spec?.names);
  const group = text(spec?.group);
  const kind = text(names?.kind);
  if (!spec || !group || !kind) return undefined;
  const versions: CrdVersion[] = [];
  const listed = Array.isArray(spec.versions) ? (spec.versions as unknown[]) : [];
  listed.forEach((entry, index) => {
    const v = record(entry);
    const name = text(v?.name);
    if (!v || !name) return;
    versions.push({ name, index, served: v.served === true, storage: v.storage === true, rawSchema: record(v.schema)?.openAPIV3Schema });
  });
  return { name: text(record(record(value)?.metadata)?.name), group, kind, plural: text(names?.plural), versions };
}

const definitions = new WeakMap<ParsedChunk, CrdDefinition | null>();
const compiled = new WeakMap<ParsedChunk, Map<string, CompiledVersion>>();

/** The document's definition, read once per chunk. */
export function crdOf(doc: ManifestDocument): CrdDefinition | undefined {
  let found = definitions.get(doc.chunk);
  if (found === undefined) {
    found = isCrdDocument(doc) && !doc.plain().error ? (readCrd(doc.plain().value) ?? null) : null;
    definitions.set(doc.chunk, found);
  }
  return found ?? undefined;
}

/** A version's compiled schema, once per chunk and version. */
export function compiledVersion(doc: ManifestDocument, crd: CrdDefinition, version: CrdVersion, objectMeta: SchemaNode): CompiledVersion {
  let byVersion = compiled.get(doc.chunk);
  if (!byVersion) compiled.set(doc.chunk, (byVersion = new Map()));
  let result = byVersion.get(version.name);
  if (!result) {
    result = compile(crd, version, objectMeta);
    byVersion.set(version.name, result);
  }
  return result;
}

function compile(crd: CrdDefinition, version: CrdVersion, objectMeta: SchemaNode): CompiledVersion {
  if (version.rawSchema === undefined) return { ok: false, reason: `version ${version.name} has no \`schema.openAPIV3Schema\``, path: [] };
  try {
    return { ok: true, ...convertCrdSchema(version.rawSchema, crd.kind, `${crd.group}/${version.name}`, objectMeta) };
  } catch (error) {
    if (error instanceof UnusableSchemaError) return { ok: false, reason: error.message, path: error.path };
    // A stack overflow is the only other way a walk this bounded can fail; it is a reason, not a crash.
    if (error instanceof RangeError) return { ok: false, reason: `the schema could not be read (${error.message})`, path: [] };
    throw error;
  }
}
