/**
 * Loads files into the workspace index, for the language server and the CLI alike: one set of
 * limits, one bounded read (regular files only, decoded: readFile.ts), one parse-and-index path in
 * steps, one rule for which syntax trees are released, and every file not read told with its reason.
 * The server runs the steps in slices between requests (lsp/slicedParser.ts); the CLI, which has
 * nothing else to do meanwhile, runs them to the end and reads blocking.
 */
import { pathToFileURL } from 'node:url';
import { parseManifestFileSteps, type ManifestFile } from '../document/manifestFile';
import type { ParsedChunk } from '../document/parsedChunk';
import { DEFAULT_MAX_FILE_BYTES, readWorkspaceText, readWorkspaceTextSync } from './readFile';
import type { FileUpdate, WorkspaceIndex } from './workspaceIndex';

/** The thresholds of a load, the same for the server and the CLI. */
export const LOAD_LIMITS = {
  /** A file over this is not read (the server's resource-scoped `biomeManifests.maxFileSizeMb` may say otherwise per file). */
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  /**
   * Once its AST checks ran, a file up to this size keeps no syntax trees: they are most of a large
   * workspace's memory, and the rare request on such a file parses a few documents again in
   * milliseconds. In a long-lived session larger files keep theirs (re-opening one must not parse
   * megabytes on the outline); a one-shot CLI run releases every file.
   */
  releaseUpToChars: 256 * 1024,
} as const;

/**
 * The AST checks of an indexed file, then its trees released (`Linter.precheckAndRelease`): run while
 * the trees are young, so they never reach the old generation. Injected: the workspace sits below lint.
 */
export type PrecheckAndRelease = (uri: string) => void;

/**
 * The parse, then the index update, as one run of steps: indexing a cold 5,000-document file (keys
 * and label signatures of every document) is work of its own, stepped too. The index changes in the
 * last step only (WorkspaceIndex.setParsedSteps), so a run abandoned before it changes nothing.
 */
export function* parseAndIndexSteps(
  index: WorkspaceIndex,
  uri: string,
  text: string,
  version: number | undefined,
  previous: ManifestFile | undefined,
  pool?: Map<string, ParsedChunk>,
): Generator<void, FileUpdate, void> {
  const file = yield* parseManifestFileSteps(uri, text, version, previous, pool);
  return yield* index.setParsedSteps(file);
}

function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Told of each file a load did not read, with why (`cannot read: EACCES`, `skipped: not a regular file (a FIFO)`, …;
 * NOT_A_DASHBOARD for a .json file that is not a Grafana dashboard, which callers neither index nor mention).
 */
export type OnSkipped = (file: string, reason: string) => void;

/**
 * The CLI's load: reads each file blocking (from the page cache a read takes microseconds, less than a
 * promise round trip), parses and indexes it, runs its AST checks and releases its trees at once.
 */
export function loadFilesSync(index: WorkspaceIndex, precheckAndRelease: PrecheckAndRelease, files: Iterable<string>, onSkipped: OnSkipped): void {
  for (const file of files) {
    const read = readWorkspaceTextSync(file, LOAD_LIMITS.maxFileBytes);
    if (!read.ok) {
      onSkipped(file, read.reason);
      continue;
    }
    const uri = pathToFileURL(file).href;
    runToEnd(parseAndIndexSteps(index, uri, read.text, undefined, index.getFile(uri)));
    precheckAndRelease(uri);
  }
}

export interface AsyncLoad {
  /** Parses and indexes a text, in slices between requests; resolves false when a newer text took over. */
  indexText(uri: string, text: string): Promise<boolean>;
  precheckAndRelease: PrecheckAndRelease;
  /** The size limit of one file in bytes (the server's setting is resource-scoped). */
  maxBytes(file: string): Promise<number>;
  /** True for a file the load must leave alone: one open in the editor, whose text wins over the disk's. */
  isOpen(uri: string): boolean;
  onSkipped: OnSkipped;
  /** Checked before each file: a load cut short reads nothing more. */
  cancelled(): boolean;
  onProgress?(done: number, total: number): void;
}

/**
 * The server's load: the same read, parse and index, without blocking (the reads are asynchronous and
 * the parse runs in slices). A file opened meanwhile is left to the editor's text: it is not read once
 * open, and an open arriving during the parse takes the parse over, reusing every document already parsed (SlicedParser).
 */
export async function loadFiles(files: readonly string[], load: AsyncLoad): Promise<void> {
  let done = 0;
  for (const file of files) {
    if (load.cancelled()) return;
    const uri = pathToFileURL(file).href;
    if (!load.isOpen(uri)) {
      const read = await readWorkspaceText(file, await load.maxBytes(file));
      if (!read.ok) load.onSkipped(file, read.reason);
      else if (!load.isOpen(uri) && (await load.indexText(uri, read.text)) && !load.isOpen(uri)) {
        if (read.text.length <= LOAD_LIMITS.releaseUpToChars) load.precheckAndRelease(uri);
      }
    }
    load.onProgress?.(++done, files.length);
  }
}
