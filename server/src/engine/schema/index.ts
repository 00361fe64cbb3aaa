/** The schema layer's public surface: store, validation, required fields of rendered objects. */
import { missingRequired } from './required';
import type { SchemaChecker } from './schemaChecker';
import { loadSchemaStore, type SchemaStore } from './store';
import { validateDocument } from './validate';

export { defaultSchemaDir, loadSchemaStore, readSchemaStore, SchemaStore, type KindEntry } from './store';
export { SCHEMA_CODES, validateDocument, type SchemaValidationOptions } from './validate';
export { missingRequired } from './required';
export type { MissingField, SchemaChecker } from './schemaChecker';

/** The linter's SchemaChecker over a schema store (kustomizeAware.ts adds `adjust` around it). */
export function createSchemaChecker(store: SchemaStore = loadSchemaStore()): SchemaChecker {
  return {
    validateDocument: (doc, partial) => validateDocument(doc, store, { partial }),
    missingRequired: (value, apiVersion, kind) => missingRequired(value, apiVersion, kind, store),
  };
}
