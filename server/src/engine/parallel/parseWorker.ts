/**
 * A worker thread that parses documents of a large file while the main thread parses others: a
 * cold 5,000-document file is parsed from both ends at once, on two cores. The worker sends back
 * parts (ChunkParts: plain value, class, errors, findings of the AST checks), never ASTs, which
 * cannot cross threads; the main thread parses a document again only when a request needs its AST.
 *
 * One module for both sides: the worker runs this same file (the bundle, or the compiled module
 * in tests) and starts its loop when it finds itself in a worker with `biomeParseWorker` set.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ParsedChunk, type ChunkParts } from '../document/parsedChunk';
import { fileNameOf, LARGE_DOCUMENT_CHARS } from '../document/manifestFile';
import { splitDocuments } from '../document/split';
import { createSchemaChecker } from '../schema';
import { parseToParts } from './chunkParts';

/** Documents per message: enough to amortize a message, few enough to arrive while the main thread works. */
const BATCH_SIZE = 32;
/** An idle worker is stopped after this long (it holds a schema and a heap of its own). */
const IDLE_MS = 30_000;

interface ParseJob {
  type: 'parse';
  job: number;
  uri: string;
  fileName: string;
  /** In the order to parse them (the main thread goes the other way). */
  texts: string[];
}

type ToWorker = ParseJob | { type: 'cancel'; job: number };
/** `from`: the index in the job's `texts` of the first of `parts`. */
type FromWorker = { job: number; from: number; parts: ChunkParts[] } | { job: number; done: true };

/** Jobs run one at a time, in the order they came (the CLI sends one per file, the last file first). */
function runWorkerLoop(port: NonNullable<typeof parentPort>): void {
  const schema = createSchemaChecker();
  const queue: ParseJob[] = [];
  const cancelled = new Set<number>();
  let current: { job: ParseJob; next: number } | undefined;
  const step = (): void => {
    if (current && cancelled.delete(current.job.job)) current = undefined;
    while (!current && queue.length > 0) {
      const job = queue.shift()!;
      if (!cancelled.delete(job.job)) current = { job, next: 0 };
    }
    if (!current) return;
    const { job } = current;
    const from = current.next;
    const parts: ChunkParts[] = [];
    let first = from;
    for (const end = Math.min(job.texts.length, from + BATCH_SIZE); current.next < end; current.next++) {
      try {
        parts.push(parseToParts(job.texts[current.next]!, job.fileName, job.uri, schema));
      } catch {
        // Not delivered: the main thread parses this document itself (and reports what it finds).
        post(port, job.job, first, parts.splice(0));
        first = current.next + 1;
      }
    }
    post(port, job.job, first, parts);
    if (current.next >= job.texts.length) {
      port.postMessage({ job: job.job, done: true } satisfies FromWorker);
      current = undefined;
    }
    // A turn of the event loop between batches, so that cancel messages are seen.
    if (current || queue.length > 0) setImmediate(step);
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') {
      cancelled.add(message.job);
      return;
    }
    queue.push(message);
    if (!current && queue.length === 1) setImmediate(step);
  });
}

/** Posts a batch; a part that cannot be cloned is left out (the main thread parses it itself). */
function post(port: NonNullable<typeof parentPort>, job: number, from: number, parts: ChunkParts[]): void {
  if (parts.length === 0) return;
  try {
    port.postMessage({ job, from, parts } satisfies FromWorker);
  } catch {
    for (const [i, part] of parts.entries()) {
      try {
        port.postMessage({ job, from: from + i, parts: [part] } satisfies FromWorker);
      } catch {
        // Skipped: not structured-cloneable.
      }
    }
  }
}

if (!isMainThread && parentPort && (workerData as { biomeParseWorker?: boolean } | undefined)?.biomeParseWorker) runWorkerLoop(parentPort);

/** The main thread's side: one worker, started on first use, stopped when idle or broken. */
export class ParseWorker {
  private worker: Worker | undefined;
  private broken = false;
  private nextJob = 1;
  private readonly jobs = new Map<number, { onParts: (from: number, parts: ChunkParts[]) => void; onDone?: () => void }>();
  private idleTimer: NodeJS.Timeout | undefined;

  /**
   * `onFailure`: told once when the worker fails (the work goes on, on one thread). `script`: the
   * file the worker runs (this module, or the bundle that contains it).
   */
  constructor(
    private readonly onFailure: (error: unknown) => void = () => undefined,
    private readonly script: string = __filename,
  ) {}

  /**
   * Parses `texts` (in that order) in the worker, handing each batch of parts to `onParts` as it
   * arrives (`from`: the index in `texts` of the first), then calls `onDone`. Jobs run one after
   * the other, in the order they were given. Returns a function that cancels the job;
   * undefined when there is no worker (it failed earlier): then the main thread parses everything.
   */
  parse(
    uri: string,
    fileName: string,
    texts: string[],
    onParts: (from: number, parts: ChunkParts[]) => void,
    onDone?: () => void,
  ): (() => void) | undefined {
    const worker = this.ensureWorker();
    if (!worker) return undefined;
    const job = this.nextJob++;
    this.jobs.set(job, { onParts, onDone });
    clearTimeout(this.idleTimer);
    worker.postMessage({ type: 'parse', job, uri, fileName, texts } satisfies ToWorker);
    return () => {
      if (!this.jobs.delete(job)) return;
      worker.postMessage({ type: 'cancel', job } satisfies ToWorker);
      this.scheduleIdleStop();
    };
  }

  /**
   * Sends the documents of `text` to the worker (the last first when `lastFirst`), except those
   * over LARGE_DOCUMENT_CHARS (parsed in steps on the main thread) and those `pool` holds already;
   * each delivered document lands in `pool` as a chunk without AST, keyed by its text, where
   * parseManifestFileSteps finds it (`onDelivered` after each batch). Returns the job's cancel
   * function; undefined when the worker failed earlier or there are fewer than `minDocuments` to send.
   */
  share(
    uri: string,
    text: string,
    pool: Map<string, ParsedChunk>,
    options: { lastFirst?: boolean; minDocuments?: number; onDelivered?: () => void; onDone?: () => void } = {},
  ): (() => void) | undefined {
    const texts: string[] = [];
    for (const { start, end } of splitDocuments(text)) {
      const chunkText = text.slice(start, end);
      if (chunkText.length <= LARGE_DOCUMENT_CHARS && !pool.has(chunkText)) texts.push(chunkText);
    }
    if (texts.length === 0 || texts.length < (options.minDocuments ?? 1)) return undefined;
    if (options.lastFirst) texts.reverse();
    const fileName = fileNameOf(uri);
    const onParts = (from: number, parts: ChunkParts[]): void => {
      parts.forEach((part, i) => {
        const chunkText = texts[from + i]!;
        if (!pool.has(chunkText)) pool.set(chunkText, new ParsedChunk(chunkText, fileName, part));
      });
      options.onDelivered?.();
    };
    return this.parse(uri, fileName, texts, onParts, options.onDone);
  }

  dispose(): void {
    this.jobs.clear();
    clearTimeout(this.idleTimer);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker | undefined {
    if (this.broken) return undefined;
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.script, { workerData: { biomeParseWorker: true } });
      worker.unref(); // never keeps the server process alive
      worker.on('message', (message: FromWorker) => this.receive(message));
      // A failed worker only costs speed: the main thread parses what it did not deliver.
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = undefined;
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  private receive(message: FromWorker): void {
    const handlers = this.jobs.get(message.job);
    if (!handlers) return;
    if ('done' in message) {
      this.jobs.delete(message.job);
      this.scheduleIdleStop();
      handlers.onDone?.();
    } else {
      handlers.onParts(message.from, message.parts);
    }
  }

  private fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.dispose();
    this.onFailure(error);
  }

  private scheduleIdleStop(): void {
    if (this.jobs.size > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.dispose(), IDLE_MS);
    this.idleTimer.unref();
  }
}
