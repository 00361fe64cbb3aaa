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
import type { SchemaChecker } from '../engine/schema/schemaChecker';
import type { FileUpdate, WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import { runSlice, runSliced } from './slices';

/** Work done synchronously before a parse goes to slices: one-document edits of any file fit. */
const FIRST_SLICE_MS = 40;

/** A parse shares its work with the worker when it has at least this many new documents… */
const WORKER_MIN_DOCUMENTS = 200;
/** …in a text at least this long (below, the worker's start-up and messages cost more than they save). */
const WORKER_MIN_CHARS = 512 * 1024;

/** How long a head start (SlicedParserOptions) may hold the main thread if the worker fails meanwhile. */
const HEAD_START_MAX_MS = 5000;

export interface SlicedParserOptions {
  /**
   * Documents the worker must have delivered before the main thread starts a shared parse. The
   * server uses 0: the main thread never waits, and how much the worker parses is a race. Tests of
   * the worker's part set it, so that their documents surely come from the worker.
   */
  workerHeadStart?: number;
}

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
    private readonly options: SlicedParserOptions = {},
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
    const wanted = this.options.workerHeadStart ?? 0;
    const headStart = wanted > 0 ? new HeadStart(pool, wanted) : undefined;
    const run: Run = { cancelled: false, pool, stopWorker: this.shareWithWorker(uri, text, indexed, pool, headStart) };
    this.runs.set(uri, run);
    const finish = (update: FileUpdate): boolean => {
      if (run.cancelled) return false;
      this.runs.delete(uri);
      run.stopWorker?.();
      run.pool.clear();
      onIndexed(update);
      return true;
    };
    const start = (): Promise<boolean> => {
      if (run.cancelled) return Promise.resolve(false);
      const onParsed = run.stopWorker ? this.likeTheWorker(uri) : undefined;
      const steps = this.parseAndIndexSteps(parseManifestFileSteps(uri, text, version, indexed, pool, onParsed));
      const first = runSlice(steps, FIRST_SLICE_MS);
      if (first.done) return Promise.resolve(finish(first.value));
      return runSliced(steps, () => run.cancelled).then((result) => (result ? finish(result.value) : false));
    };
    return run.stopWorker && headStart ? headStart.reached.then(start) : start();
  }

  /**
   * The parse, then the index update, as one run of steps: indexing a cold 5,000-document file
   * (keys and label signatures of every document) is work of its own, done in slices too. The
   * index changes in the last step only (WorkspaceIndex.setParsedSteps), and a cancelled run stops
   * before it.
   */
  private *parseAndIndexSteps(parse: Generator<void, ManifestFile, void>): Generator<void, FileUpdate, void> {
    const file = yield* parse;
    return yield* this.index.setParsedSteps(file);
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
  private shareWithWorker(uri: string, text: string, indexed: ManifestFile | undefined, pool: Map<string, ParsedChunk>, headStart?: HeadStart): (() => void) | undefined {
    // Cold parses only: finding the new documents of an indexed file would cost an edit more than the worker saves.
    if (!this.worker || indexed || text.length < WORKER_MIN_CHARS) return undefined;
    return this.worker.share(uri, text, pool, {
      lastFirst: true,
      minDocuments: WORKER_MIN_DOCUMENTS,
      onDelivered: () => headStart?.check(),
      onDone: () => headStart?.end(),
    });
  }
}

/** Resolves `reached` once `pool` holds `wanted` documents, the worker is done, or HEAD_START_MAX_MS passed. */
class HeadStart {
  readonly reached: Promise<void>;
  private resolve: () => void = () => undefined;

  constructor(
    private readonly pool: ReadonlyMap<string, ParsedChunk>,
    private readonly wanted: number,
  ) {
    this.reached = new Promise<void>((resolve) => {
      this.resolve = resolve;
    });
    setTimeout(() => this.end(), HEAD_START_MAX_MS).unref();
  }

  check(): void {
    if (this.pool.size >= this.wanted) this.resolve();
  }

  end(): void {
    this.resolve();
  }
}
