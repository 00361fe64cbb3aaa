/** What the linter needs from the schema layer: the schema store implements it (setup.ts wires them). */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../types';
import type { MissingField } from './required';

export type { MissingField };

export interface SchemaChecker {
  /**
   * Schema findings for one document; `partial` skips required-field checks (patches). A function
   * of the document's text, `partial` and the facts `dependencyKeys` names: the linter caches it per
   * parsed chunk until one of those keys is bumped.
   */
  validateDocument(doc: ManifestDocument, partial: boolean): Finding[];
  /**
   * Dependency keys (engine/workspace/dependencyKeys.ts) of facts outside the document that its
   * `validateDocument` findings read: a custom resource's CRDs. None (or absent) for built-in kinds.
   */
  dependencyKeys?(doc: ManifestDocument): readonly string[];
  /** Required fields missing from a rendered object. */
  missingRequired(value: unknown, apiVersion: string, kind: string): MissingField[];
}
