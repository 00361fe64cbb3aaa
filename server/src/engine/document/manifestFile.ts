/** A file of one or more YAML documents, parsed per document and cached per version. */
import { ManifestDocument } from './manifestDocument';
import { ParsedChunk, parseDocumentSteps } from './parsedChunk';
import { splitDocumentSteps } from './split';
import { LineIndex, STEP_CHARS } from './lineIndex';
import { resplit } from './resplit';
import { fileNameOf } from './fileName';

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

export { fileNameOf } from './fileName';

/**
 * Every document of a file that is a resource or may hold one: each document, followed by its List
 * items when it is a List. What the index, the linter and the symbols iterate.
 */
export function* withItems(documents: readonly ManifestDocument[]): Generator<ManifestDocument> {
  for (const doc of documents) {
    yield doc;
    // Most documents are not Lists: no delegated iterator for their empty item list.
    if (doc.class.type !== 'kubernetes') continue;
    const items = doc.items;
    if (items.length > 0) yield* items;
  }
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
  /** Chunks parsed elsewhere, by text (see parseManifestFileSteps). */
  parsed?: Map<string, ParsedChunk>,
): ManifestFile {
  const steps = parseManifestFileSteps(uri, text, version, previous, parsed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `parseManifestFile` in steps: yields after each document it had to parse, so a caller can spread
 * a large cold parse over many event-loop turns (and abandon it when a newer text arrives).
 * `parsed` is shared between runs for one file: chunks an abandoned run parsed are found there
 * by the next one, and every chunk parsed here is added to it (the caller clears it once a run
 * completes, so it holds at most one file's documents).
 */
/** Documents longer than this are parsed with parseDocumentSteps. */
const LARGE_DOCUMENT_CHARS = 256 * 1024;

export function* parseManifestFileSteps(
  uri: string,
  text: string,
  version: number | undefined,
  previous?: ManifestFile,
  parsed: Map<string, ParsedChunk> = new Map(),
  /** Called with each chunk parsed here (not reused), right after its parse. */
  onParsed?: (chunk: ParsedChunk) => void,
): Generator<void, ManifestFile, void> {
  // The same text again (a file opened in the editor as it is on disk): keep the indexed string,
  // which the reused chunks slice, instead of holding two copies of the file.
  if (previous && previous.text === text) text = previous.text;
  const around = previous ? resplit(previous.text, previous.lines, previous.documents, text) : undefined;
  // A cold text is scanned in steps: for a 5 MB file the line index and the split are 20-40 ms of work.
  const lines = around?.lines ?? (yield* LineIndex.steps(text));
  const slices = around?.slices ?? (yield* splitDocumentSteps(text, STEP_CHARS));
  const reusable = new Map<string, ParsedChunk[]>();
  for (const doc of around?.replaced ?? previous?.documents ?? []) {
    const list = reusable.get(doc.text);
    if (list) list.push(doc.chunk);
    else reusable.set(doc.text, [doc.chunk]);
  }
  const fileName = fileNameOf(uri);
  const documents: ManifestDocument[] = [...(around?.before ?? [])];
  const changedDocuments: ManifestDocument[] = [];
  const taken = new Set<ParsedChunk>();
  for (const slice of slices) {
    const chunkText = text.slice(slice.start, slice.end);
    const reused = reusable.get(chunkText)?.shift();
    let chunk = reused;
    if (!chunk) {
      const earlier = parsed.get(chunkText);
      // A text twice in one file gets two chunks: findings are cached per chunk and placed once.
      if (earlier && !taken.has(earlier)) chunk = earlier;
      else {
        // A very large document is parsed in steps too, not in one event-loop turn.
        const yamlDoc = chunkText.length > LARGE_DOCUMENT_CHARS ? yield* parseDocumentSteps(chunkText) : undefined;
        chunk = new ParsedChunk(chunkText, fileName, yamlDoc);
        onParsed?.(chunk);
        if (!earlier) parsed.set(chunkText, chunk);
        yield;
      }
    }
    taken.add(chunk);
    const startLine = lines.positionAt(slice.start).line;
    const doc = new ManifestDocument(uri, documents.length, slice.start, startLine, chunk);
    documents.push(doc);
    if (!reused) changedDocuments.push(doc);
  }
  for (const doc of around?.after ?? []) {
    const moved = around!.offsetDelta !== 0 || around!.lineDelta !== 0 || doc.index !== documents.length;
    documents.push(moved ? new ManifestDocument(uri, documents.length, doc.start + around!.offsetDelta, doc.startLine + around!.lineDelta, doc.chunk) : doc);
  }
  return { uri, version, text, lines, documents, changedDocuments };
}
