/** The schema layer's public surface: store, validation, required fields of rendered objects. */
import { missingRequired } from './required';
import type { SchemaChecker } from './schemaChecker';
import { loadSchemaStore, type SchemaStore } from './store';
import { validateDocument } from './validate';
import { validateKustomization } from './kustomize';

export { defaultSchemaDir, loadSchemaStore, readSchemaStore, SchemaStore, type KindEntry } from './store';
export { SCHEMA_CODES, validateDocument, type SchemaValidationOptions } from './validate';
export { missingRequired } from './required';
export { loadKustomizeStore, kustomizeIdentity, KUSTOMIZATION_DEFAULTS } from './kustomize';
export type { MissingField, SchemaChecker } from './schemaChecker';

/** The linter's SchemaChecker over a schema store. */
export function createSchemaChecker(store: SchemaStore = loadSchemaStore()): SchemaChecker {
  return {
    // Kustomization files are validated against the kustomize API (schemas/kustomize.json).
    validateDocument: (doc, partial) => (doc.class.type === 'kustomization' ? validateKustomization(doc) : validateDocument(doc, store, { partial })),
    missingRequired: (value, apiVersion, kind) => missingRequired(value, apiVersion, kind, store),
  };
}
