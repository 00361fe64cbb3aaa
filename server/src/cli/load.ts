/**
 * Reads and indexes the files of a CLI check. With much to parse, a worker thread parses files
 * from the end of the list while this thread goes from the start (engine/parallel/parseWorker.ts):
 * a file the worker finished is indexed from its parts, one it has not reached is parsed here
 * (and taken back from the worker). Either way each file's AST checks run at once and its ASTs are
 * released: the rules read plain values, and a one-shot check that kept every AST would spend its
 * time copying them between GC generations.
 */
import { pathToFileURL } from 'node:url';
import { parseManifestFile } from '../engine/document/manifestFile';
import { ParsedChunk } from '../engine/document/parsedChunk';
import { ParseWorker } from '../engine/parallel/parseWorker';
import { readManifestTextSync } from '../engine/workspace/readFile';
import type { Engine } from '../setup';

/** Below this much text the worker's start-up (≈ 0.1 s) costs more than it saves. */
const WORKER_MIN_CHARS = 1024 * 1024;
/** Work between two turns of the event loop, in which the worker's results are received. */
const SLICE_MS = 8;

interface Shared {
  /** Chunks the worker delivered for the file, by text. */
  pool: Map<string, ParsedChunk>;
  done: boolean;
  cancel?: () => void;
}

/** Indexes `files` (in order) into `engine`; returns why files of `report` were skipped. */
export async function loadFiles(engine: Engine, files: readonly string[], report: ReadonlySet<string>): Promise<Map<string, string>> {
  const skipped = new Map<string, string>();
  // Blocking reads: from the page cache a read takes microseconds, less than a promise round trip.
  const reads = files.map((file) => readManifestTextSync(file));
  const total = reads.reduce((sum, read) => sum + (read.ok ? read.text.length : 0), 0);
  const onFailure = (error: unknown): void => {
    process.stderr.write(`biome-manifests: parse worker failed, parsing on one thread: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  const worker = total >= WORKER_MIN_CHARS ? new ParseWorker(onFailure) : undefined;
  const restoredBefore = ParsedChunk.restored;
  const shared: Shared[] = files.map(() => ({ pool: new Map(), done: false }));
  if (worker) {
    for (let i = files.length - 1; i >= 0; i--) {
      const read = reads[i]!;
      const state = shared[i]!;
      if (read.ok) state.cancel = worker.share(pathToFileURL(files[i]!).href, read.text, state.pool, {
        onDone: () => {
          state.done = true;
        },
      });
    }
  }
  let sliceStart = performance.now();
  for (let i = 0; i < files.length; i++) {
    if (worker && performance.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    const read = reads[i]!;
    if (!read.ok) {
      if (report.has(files[i]!)) skipped.set(files[i]!, read.reason);
      continue;
    }
    const state = shared[i]!;
    if (!state.done) state.cancel?.();
    const uri = pathToFileURL(files[i]!).href;
    engine.index.setParsed(parseManifestFile(uri, read.text, undefined, undefined, state.pool));
    engine.linter.precheckAndRelease(uri);
    state.pool.clear();
  }
  worker?.dispose();
  // For tests and benchmarks of the bundle: how much the worker parsed.
  if (process.env.BIOME_MANIFESTS_PARSE_STATS) process.stderr.write(`biome-manifests: parse worker delivered ${ParsedChunk.restored - restoredBefore} documents\n`);
  return skipped;
}
