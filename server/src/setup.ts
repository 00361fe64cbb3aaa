/** Builds the engine (index + linter + schema + rules) the same way for the server, the CLI and tests. */
import { WorkspaceIndex } from './engine/workspace/workspaceIndex';
import { Linter } from './engine/lint/linter';
import type { Rule } from './engine/lint/rule';
import type { SchemaChecker } from './engine/schema/schemaChecker';
import type { ManifestDocument } from './engine/document/manifestDocument';
import type { SchemaNode } from './engine/schema/schemaTypes';
import { allRules } from './rules';
import { createSchemaChecker, loadSchemaStore } from './engine/schema';
import { standsAlone } from './engine/workspace/kustomizeAware';
import { CustomResourceSchemas, type CustomResourceSchemaSource } from './engine/crd/customResourceSchemas';
import { WorkspaceCrdSchemas } from './engine/crd/workspaceCrds';
import { customResourceAwareSchema } from './engine/crd/customResourceChecker';
import { objectMetaOf } from './engine/crd/crdDefinition';
import { CatalogSchemaSource } from './engine/crd/catalogSource';
import { sharedCatalog } from './engine/crd/catalog';

export interface Engine {
  index: WorkspaceIndex;
  linter: Linter;
  schema: SchemaChecker | undefined;
  /** Custom resource schemas by (group, version, kind): the workspace's CRDs first, then `customResourceSources`. */
  customResources: CustomResourceSchemas;
}

export interface EngineOptions {
  rules?: readonly Rule[];
  schema?: SchemaChecker | undefined;
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Sources of custom resource schemas after the workspace's CRDs (a bundled catalog), in priority order. */
  customResourceSources?: readonly CustomResourceSchemaSource[];
}

export function createEngine(options: EngineOptions = {}): Engine {
  const given = 'schema' in options ? options.schema : defaultSchemaChecker();
  // The wrappers read the index for a document's file and CRDs, so they take it lazily.
  const indexRef = (): WorkspaceIndex => index;
  // Loaded on first need: an engine without a schema checker never reads kubernetes.json.
  let objectMeta: SchemaNode | undefined;
  const crds = new WorkspaceCrdSchemas(indexRef, () => (objectMeta ??= objectMetaOf(loadSchemaStore())));
  // After the workspace's CRDs: the bundled operator catalog, unless the caller names its own sources.
  const catalog = (): CustomResourceSchemaSource => new CatalogSchemaSource(sharedCatalog(), () => (objectMeta ??= objectMetaOf(loadSchemaStore())));
  const customResources = new CustomResourceSchemas([crds, ...(options.customResourceSources ?? [catalog()])]);
  const schema = given ? customResourceAwareSchema(given, loadSchemaStore(), customResources, indexRef) : undefined;
  const index: WorkspaceIndex = new WorkspaceIndex(given ? standsAlone(indexRef, completeness(given)) : undefined);
  const linter = new Linter(index, options.rules ?? allRules, schema, options.onRuleError);
  return { index, linter, schema, customResources };
}

/** A document is complete when the schema finds no required field missing (cached per parsed chunk). */
function completeness(schema: SchemaChecker): (doc: ManifestDocument) => boolean {
  const cache = new WeakMap<ManifestDocument['chunk'], boolean>();
  return (doc) => {
    let complete = cache.get(doc.chunk);
    if (complete === undefined) {
      const id = doc.identity;
      complete = !!id && schema.missingRequired(doc.plain().value, id.apiVersion, id.kind).length === 0;
      cache.set(doc.chunk, complete);
    }
    return complete;
  };
}

let sharedChecker: SchemaChecker | undefined;

/** The Kubernetes schema checker, loaded once per process (the schema file is about 1 MB). */
function defaultSchemaChecker(): SchemaChecker {
  sharedChecker ??= createSchemaChecker();
  return sharedChecker;
}
