/**
 * Parses and indexes file texts without blocking the server: small and incremental parses finish
 * at once (the caller sees the new version immediately, as before); a cold 5,000-document file is
 * parsed and indexed in slices between requests, and a newer text for the same file takes over the
 * work, reusing every document the abandoned run already parsed.
 */
import type { ParsedChunk } from '../engine/document/parsedChunk';
import type { FileUpdate, WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import { parseAndIndexSteps } from '../engine/workspace/load';
import { nextTurn, runSlice, runSliced } from './slices';

/** Work done synchronously before a parse goes to slices: one-document edits of any file fit. */
const FIRST_SLICE_MS = 40;

/**
 * A text without an indexed version that is longer than this cannot be parsed within the first slice
 * (a cold 5,000-document file takes a second), so it goes to slices at once: run synchronously, the
 * first 40 ms overran to 60-230 ms on a loaded machine (a 256 KiB step of the line index, garbage
 * collection) while a request on another file waited, in the open and in the workspace load alike.
 */
const COLD_SYNC_MAX_CHARS = 256 * 1024;

interface Run {
  cancelled: boolean;
  /** Chunks parsed so far by this file's runs (shared with the run that replaces this one). */
  pool: Map<string, ParsedChunk>;
}

export class SlicedParser {
  private readonly runs = new Map<string, Run>();
  /** Callers waiting until a file's newest text is indexed or given up (`settled`), by URI. */
  private readonly waiters = new Map<string, (() => void)[]>();
  /** Work that hands a text to `parse` when it ends (a large open text waiting for its settings). */
  private readonly preludes = new Set<Promise<void>>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** True while a newer text of `uri` is being parsed (the indexed version is outdated). */
  pending(uri: string): boolean {
    return this.runs.has(uri);
  }

  cancel(uri: string): void {
    const run = this.runs.get(uri);
    if (run) run.cancelled = true;
    this.runs.delete(uri);
    this.release(uri);
  }

  /**
   * Resolves once every text being parsed now is indexed (or given up). A request that reads the
   * index awaits this first: a parse that overran its first slice (a loaded machine, a large file)
   * would otherwise answer it from the previous text, and nothing asks again (a preview refreshed
   * after an edit kept showing the old patch). A newer text of the same file is waited for too.
   */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.preludes]);
    const waits = [...this.runs.keys()].map((uri) => new Promise<void>((resolve) => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve])));
    await Promise.all(waits);
  }

  /** `settled` waits for `prelude` too: it ends by calling `parse` (or by deciding not to). */
  beforeParse(prelude: Promise<void>): void {
    this.preludes.add(prelude);
    void prelude.finally(() => this.preludes.delete(prelude));
  }

  private release(uri: string): void {
    const waiting = this.waiters.get(uri);
    this.waiters.delete(uri);
    for (const resolve of waiting ?? []) resolve();
  }

  /**
   * Parses `text` and indexes it, then calls `onIndexed` (synchronously when the parse fits the
   * first slice). Resolves false when a newer text replaced this one or nothing changed.
   */
  parse(uri: string, text: string, version: number | undefined, onIndexed: (update: FileUpdate) => void): Promise<boolean> {
    const earlier = this.runs.get(uri);
    const indexed = this.index.getFile(uri);
    if (!earlier && indexed && indexed.text === text && indexed.version === version) return Promise.resolve(false);
    if (earlier) earlier.cancelled = true;
    const run: Run = { cancelled: false, pool: earlier?.pool ?? new Map<string, ParsedChunk>() };
    this.runs.set(uri, run);
    const finish = (update: FileUpdate): boolean => {
      if (run.cancelled) return false;
      this.runs.delete(uri);
      run.pool.clear();
      this.release(uri);
      onIndexed(update);
      return true;
    };
    // A run that threw is not pending any more: nobody waits on it for ever.
    const failed = (error: unknown): never => {
      if (this.runs.get(uri) === run) {
        this.runs.delete(uri);
        this.release(uri);
      }
      throw error;
    };
    const steps = parseAndIndexSteps(this.index, uri, text, version, indexed, run.pool);
    const rest = (): Promise<boolean> => runSliced(steps, () => run.cancelled).then((result) => (result ? finish(result.value) : false), failed);
    if (indexed || text.length <= COLD_SYNC_MAX_CHARS) {
      let first: ReturnType<typeof runSlice<FileUpdate>>;
      try {
        first = runSlice(steps, FIRST_SLICE_MS);
      } catch (error) {
        return failed(error); // the first slice threw: the run is dropped, so `settled` does not wait on it
      }
      return first.done ? Promise.resolve(finish(first.value)) : rest();
    }
    // Not even one slice now: a request read together with the didOpen (a hover sent while the text
    // arrived) is answered first.
    return nextTurn().then(rest);
  }
}
