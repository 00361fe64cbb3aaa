/** A file of one or more YAML documents, parsed per document and cached per version. */
import { ManifestDocument } from './manifestDocument';
import { ParsedChunk } from './parsedChunk';
import { splitDocuments } from './split';
import { LineIndex } from './lineIndex';

export interface ManifestFile {
  readonly uri: string;
  /** Editor version of the text, or undefined for a file read from disk. */
  readonly version: number | undefined;
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: readonly ManifestDocument[];
  /** Documents whose chunk was parsed for this version (not reused from the previous one). */
  readonly changedDocuments: readonly ManifestDocument[];
}

function fileNameOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return decodeURIComponent(slash >= 0 ? uri.slice(slash + 1) : uri);
}

/**
 * Parses `text`, reusing every chunk of `previous` whose text is unchanged: an edit inside one
 * document of a 5,000-document file re-parses that one document.
 */
export function parseManifestFile(
  uri: string,
  text: string,
  version: number | undefined,
  previous?: ManifestFile,
): ManifestFile {
  const reusable = new Map<string, ParsedChunk[]>();
  for (const doc of previous?.documents ?? []) {
    const list = reusable.get(doc.text);
    if (list) list.push(doc.chunk);
    else reusable.set(doc.text, [doc.chunk]);
  }
  const fileName = fileNameOf(uri);
  const lines = new LineIndex(text);
  const documents: ManifestDocument[] = [];
  const changedDocuments: ManifestDocument[] = [];
  for (const slice of splitDocuments(text)) {
    const chunkText = text.slice(slice.start, slice.end);
    const candidates = reusable.get(chunkText);
    const reused = candidates?.shift();
    const chunk = reused ?? new ParsedChunk(chunkText, fileName);
    const startLine = lines.positionAt(slice.start).line;
    const doc = new ManifestDocument(uri, documents.length, slice.start, startLine, chunk);
    documents.push(doc);
    if (!reused) changedDocuments.push(doc);
  }
  return { uri, version, text, lines, documents, changedDocuments };
}
