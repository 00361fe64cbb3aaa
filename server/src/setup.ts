/** Builds the engine (index + linter + schema + rules) the same way for the server, the CLI and tests. */
import { WorkspaceIndex } from './engine/workspace/workspaceIndex';
import { Linter } from './engine/lint/linter';
import type { Rule } from './engine/lint/rule';
import type { SchemaChecker } from './engine/schema/schemaChecker';
import type { ManifestDocument } from './engine/document/manifestDocument';
import { allRules } from './rules';
import { createSchemaChecker } from './engine/schema';
import { standsAlone } from './engine/workspace/kustomizeAware';

export interface Engine {
  index: WorkspaceIndex;
  linter: Linter;
  schema: SchemaChecker | undefined;
}

export interface EngineOptions {
  rules?: readonly Rule[];
  schema?: SchemaChecker | undefined;
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const schema = 'schema' in options ? options.schema : defaultSchemaChecker();
  // Completeness reads the index for a document's file, so it takes it lazily.
  const indexRef = (): WorkspaceIndex => index;
  const index: WorkspaceIndex = new WorkspaceIndex(schema ? standsAlone(indexRef, completeness(schema)) : undefined);
  const linter = new Linter(index, options.rules ?? allRules, schema, options.onRuleError);
  return { index, linter, schema };
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
