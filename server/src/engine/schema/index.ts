/** The schema layer's public surface: store, validation, required fields of rendered objects. */
import { missingRequired } from './required';
import type { SchemaChecker } from './schemaChecker';
import { loadSchemaStore, type SchemaStore } from './store';
import { validateDocument } from './validate';
import { validateKustomization } from './kustomize';
import { isCrdDocument, objectMetaOf } from '../crd/crdDefinition';
import { crdStructureFindings } from '../crd/crdStructure';
import { crdCelFindings } from '../crd/celCrdFindings';

export { defaultSchemaDir, loadSchemaStore, readSchemaStore, SchemaStore, type KindEntry } from './store';
export { SCHEMA_CODES, validateDocument, type SchemaValidationOptions } from './validate';
export { missingRequired } from './required';
export { loadKustomizeStore, kustomizeIdentity, KUSTOMIZATION_DEFAULTS } from './kustomize';
export type { MissingField, SchemaChecker } from './schemaChecker';

/** The linter's SchemaChecker over a schema store. */
export function createSchemaChecker(store: SchemaStore = loadSchemaStore()): SchemaChecker {
  return {
    // Kustomization files are validated against the kustomize API (schemas/kustomize.json).
    validateDocument(doc, partial) {
      if (doc.class.type === 'kustomization') return validateKustomization(doc);
      const findings = validateDocument(doc, store, { partial });
      // A CRD also gets the API server's structural rules: a function of its text, like the rest (the parse worker computes them too).
      return isCrdDocument(doc) && !partial ? [...findings, ...crdStructureFindings(doc, objectMetaOf(store)), ...crdCelFindings(doc)] : findings;
    },
    missingRequired: (value, apiVersion, kind) => missingRequired(value, apiVersion, kind, store),
  };
}
