/** What the linter needs from the schema layer: the schema store implements it (setup.ts wires them). */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../types';
import type { MissingField } from './required';

export type { MissingField };

export interface SchemaChecker {
  /**
   * Schema findings for one document; `partial` skips required-field checks (patches). A function
   * of the document's text and `partial` only: the linter caches it per parsed chunk.
   */
  validateDocument(doc: ManifestDocument, partial: boolean): Finding[];
  /** Required fields missing from a rendered object. */
  missingRequired(value: unknown, apiVersion: string, kind: string): MissingField[];
}
