/**
 * Parses and indexes file texts without blocking the server: small and incremental parses finish
 * at once (the caller sees the new version immediately, as before); a cold 5,000-document file is
 * parsed in slices between requests, and a newer text for the same file takes over the work,
 * reusing every document the abandoned run already parsed.
 */
import { parseManifestFileSteps, type ManifestFile } from '../engine/document/manifestFile';
import type { ParsedChunk } from '../engine/document/parsedChunk';
import type { ParseWorker } from '../engine/parallel/parseWorker';
import { precomputedFindings } from '../engine/parallel/chunkParts';
import type { SchemaChecker } from '../engine/lint/schemaChecker';
import type { FileUpdate, WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import { runSlice, runSliced } from './slices';

/** Work done synchronously before a parse goes to slices: one-document edits of any file fit. */
const FIRST_SLICE_MS = 40;

/** A parse shares its work with the worker when it has at least this many new documents… */
const WORKER_MIN_DOCUMENTS = 200;
/** …in a text at least this long (below, the worker's start-up and messages cost more than they save). */
const WORKER_MIN_CHARS = 512 * 1024;

interface Run {
  cancelled: boolean;
  /** Chunks parsed so far by this file's runs (shared with the run that replaces this one). */
  pool: Map<string, ParsedChunk>;
  /** Stops the worker's part of this run; undefined when the worker has none. */
  stopWorker: (() => void) | undefined;
}

export class SlicedParser {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly worker?: ParseWorker,
    private readonly schema?: SchemaChecker,
  ) {}

  /** True while a newer text of `uri` is being parsed (the indexed version is outdated). */
  pending(uri: string): boolean {
    return this.runs.has(uri);
  }

  cancel(uri: string): void {
    const run = this.runs.get(uri);
    if (run) {
      run.cancelled = true;
      run.stopWorker?.();
    }
    this.runs.delete(uri);
  }

  /**
   * Parses `text` and indexes it, then calls `onIndexed` (synchronously when the parse fits the
   * first slice). Resolves false when a newer text replaced this one or nothing changed.
   */
  parse(uri: string, text: string, version: number | undefined, onIndexed: (update: FileUpdate) => void): Promise<boolean> {
    const earlier = this.runs.get(uri);
    const indexed = this.index.getFile(uri);
    if (!earlier && indexed && indexed.text === text && indexed.version === version) return Promise.resolve(false);
    if (earlier) {
      earlier.cancelled = true;
      earlier.stopWorker?.();
    }
    const pool = earlier?.pool ?? new Map<string, ParsedChunk>();
    const run: Run = { cancelled: false, pool, stopWorker: this.shareWithWorker(uri, text, indexed, pool) };
    this.runs.set(uri, run);
    const steps = parseManifestFileSteps(uri, text, version, indexed, pool, run.stopWorker ? this.likeTheWorker(uri) : undefined);
    const finish = (file: ManifestFile): boolean => {
      if (run.cancelled) return false;
      this.runs.delete(uri);
      run.stopWorker?.();
      run.pool.clear();
      onIndexed(this.index.setParsed(file));
      return true;
    };
    const first = runSlice(steps, FIRST_SLICE_MS);
    if (first.done) return Promise.resolve(finish(first.value));
    return runSliced(steps, () => run.cancelled).then((result) => (result ? finish(result.value) : false));
  }

  /**
   * While the worker shares a parse, the main thread does for its documents what the worker does
   * for its own (plain value, syntax and schema findings, no AST kept): the two meet in the middle
   * with the same work done on both sides, and the checks after the parse have less left to do.
   */
  private likeTheWorker(uri: string): (chunk: ParsedChunk) => void {
    return (chunk) => {
      chunk.precomputed = precomputedFindings(chunk, uri, this.schema);
      // Like the worker's: kept, its AST would cost the young generation a copy now; the session
      // builds it again in the background once the diagnostics are out.
      chunk.release();
    };
  }

  /**
   * For a large text not indexed yet, the worker parses its documents from the end while the main
   * thread parses from the start; each delivered document lands in the run's pool, where the main
   * thread's parse finds it (no waiting: a document not delivered yet is parsed on the main thread).
   */
  private shareWithWorker(uri: string, text: string, indexed: ManifestFile | undefined, pool: Map<string, ParsedChunk>): (() => void) | undefined {
    // Cold parses only: finding the new documents of an indexed file would cost an edit more than the worker saves.
    if (!this.worker || indexed || text.length < WORKER_MIN_CHARS) return undefined;
    return this.worker.share(uri, text, pool, { lastFirst: true, minDocuments: WORKER_MIN_DOCUMENTS });
  }
}
