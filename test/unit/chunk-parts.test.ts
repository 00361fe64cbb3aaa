/**
 * The parse worker sends a document back as parts (ChunkParts: no AST). A chunk restored from its
 * parts must be indistinguishable from one parsed on the main thread: same class, plain value,
 * errors, warnings, and the syntax and schema findings of the document at line 0. Checked on every
 * document of the sample and the real-world corpus, after a structured clone (as postMessage does).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../server/src/setup';
import { ParsedChunk } from '../../server/src/engine/document/parsedChunk';
import { parseToParts } from '../../server/src/engine/parallel/chunkParts';
import { splitDocuments } from '../../server/src/engine/document/split';
import { ManifestDocument } from '../../server/src/engine/document/manifestDocument';
import { hasSyntaxErrors, syntaxFindings } from '../../server/src/engine/lint/syntaxFindings';
import { parseManifestFile } from '../../server/src/engine/document/manifestFile';
import { FIXTURES_DIR, SAMPLE_DIR } from '../helpers/paths';
import { assertSameFindings, yamlFilesUnder } from '../helpers/corpus';

const errorsOf = (chunk: ParsedChunk): unknown => [chunk.errors, chunk.warnings].map((list) => list.map((e) => [e.name, e.code, e.pos, e.message]));

describe('chunk parts (what the parse worker sends)', () => {
  it('restore every document of the sample and the real-world corpus exactly', () => {
    const engine = createEngine();
    let documents = 0;
    let withFindings = 0;
    for (const file of [...yamlFilesUnder(SAMPLE_DIR), ...yamlFilesUnder(path.join(FIXTURES_DIR, 'real-world'))]) {
      const text = fs.readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).href;
      const name = path.basename(file);
      // Each document alone as a file of its own: the findings are those of a document at line 0.
      for (const { start, end } of splitDocuments(text)) {
        const chunkText = text.slice(start, end);
        const parts = structuredClone(parseToParts(chunkText, name, uri, engine.schema));
        const restored = new ParsedChunk(chunkText, name, parts);
        const parsed = new ParsedChunk(chunkText, name);
        const where = `${file} @${start}`;
        assert.deepEqual(restored.class, parsed.class, where);
        assert.deepEqual(restored.value(), parsed.value(), where);
        assert.deepEqual(errorsOf(restored), errorsOf(parsed), where);
        const doc = new ManifestDocument(uri, 0, 0, 0, parsed);
        const schema = parsed.class.type === 'kubernetes' && !hasSyntaxErrors(doc) ? engine.schema!.validateDocument(doc, false) : undefined;
        assert.deepEqual(restored.precomputed, { syntax: syntaxFindings(doc), ...(schema ? { schema } : {}) }, where);
        withFindings += restored.precomputed!.syntax.length + (schema?.length ?? 0) > 0 ? 1 : 0;
        documents++;
      }
    }
    assert.ok(documents > 400, `${documents} documents`);
    assert.ok(withFindings > 20, `${withFindings} documents with syntax or schema findings`);
  });

  it('a workspace whose every document came from the worker gets exactly the findings of one parsed here', () => {
    const files = [...yamlFilesUnder(SAMPLE_DIR), ...yamlFilesUnder(path.join(FIXTURES_DIR, 'real-world'))];
    const plain = createEngine();
    const restored = createEngine();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).href;
      const name = path.basename(file);
      plain.index.setFile(uri, text);
      // As the worker delivers them: parts through a structured clone, into the parse's pool.
      const pool = new Map<string, ParsedChunk>();
      for (const { start, end } of splitDocuments(text)) {
        const chunkText = text.slice(start, end);
        pool.set(chunkText, new ParsedChunk(chunkText, name, structuredClone(parseToParts(chunkText, name, uri, restored.schema))));
      }
      restored.index.setParsed(parseManifestFile(uri, text, undefined, undefined, pool));
    }
    // Patches among them: their schema is checked again as patches, not taken from the parts.
    const findings = assertSameFindings(plain, restored, files);
    assert.ok(findings > 200, `${findings} findings compared`);
  });
});
