/** The schema layer's public surface: store, validation, required fields of rendered objects. */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../types';
import { missingRequired, type MissingField } from './required';
import { loadSchemaStore, type SchemaStore } from './store';
import { validateDocument } from './validate';

export { defaultSchemaDir, loadSchemaStore, readSchemaStore, SchemaStore, type KindEntry } from './store';
export { SCHEMA_CODES, validateDocument, type SchemaValidationOptions } from './validate';
export { missingRequired, type MissingField } from './required';

/** Structurally the linter's `SchemaChecker` (engine/lint/schemaChecker.ts). */
export interface SchemaCheckerImpl {
  validateDocument(doc: ManifestDocument, partial: boolean): Finding[];
  missingRequired(value: unknown, apiVersion: string, kind: string): MissingField[];
}

export function createSchemaChecker(store: SchemaStore = loadSchemaStore()): SchemaCheckerImpl {
  return {
    validateDocument: (doc, partial) => validateDocument(doc, store, { partial }),
    missingRequired: (value, apiVersion, kind) => missingRequired(value, apiVersion, kind, store),
  };
}
