/** What the parse worker computes for one document: its parts, with the findings of the AST checks. */
import { ManifestDocument } from '../document/manifestDocument';
import { ParsedChunk, type ChunkParts, type PrecomputedFindings } from '../document/parsedChunk';
import type { SchemaChecker } from '../schema/schemaChecker';
import { hasSyntaxErrors, syntaxFindings } from '../lint/syntaxFindings';

/**
 * The findings the linter computes for the document of `chunk` when it starts at line 0 of `uri`;
 * the schema's as a whole object (a patch is validated again by the linter, which knows it is one).
 */
export function precomputedFindings(chunk: ParsedChunk, uri: string, schema: SchemaChecker | undefined): PrecomputedFindings {
  const doc = new ManifestDocument(uri, 0, 0, 0, chunk);
  const syntax = syntaxFindings(doc);
  if (!schema || doc.class.type !== 'kubernetes' || hasSyntaxErrors(doc)) return { syntax };
  return { syntax, schema: schema.validateDocument(doc, false) };
}

/** Parses `text` and returns everything the main thread needs but the AST. */
export function parseToParts(text: string, fileName: string, uri: string, schema: SchemaChecker | undefined): ChunkParts {
  const chunk = new ParsedChunk(text, fileName);
  return chunk.toParts(precomputedFindings(chunk, uri, schema));
}
