/** What the linter needs from the schema layer (implemented in engine/schema). */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding, ValuePath } from '../types';

export interface MissingField {
  path: ValuePath;
  field: string;
  typeName: string;
}

export interface SchemaChecker {
  /** Schema findings for one document; `partial` skips required-field checks (patches). */
  validateDocument(doc: ManifestDocument, partial: boolean): Finding[];
  /** Required fields missing from a rendered object. */
  missingRequired(value: unknown, apiVersion: string, kind: string): MissingField[];
}
