/**
 * Reads and indexes the files of a CLI check. Each file's AST checks run at once and its ASTs are
 * released: the rules read plain values, and a one-shot check that kept every AST would spend its
 * time copying them between GC generations.
 */
import { pathToFileURL } from 'node:url';
import { parseManifestFile } from '../engine/document/manifestFile';
import { readManifestTextSync } from '../engine/workspace/readFile';
import type { Engine } from '../setup';

/** Indexes `files` (in order) into `engine`; returns why files of `report` were skipped. */
export function loadFiles(engine: Engine, files: readonly string[], report: ReadonlySet<string>): Map<string, string> {
  const skipped = new Map<string, string>();
  for (const file of files) {
    // Blocking reads: from the page cache a read takes microseconds, less than a promise round trip.
    const read = readManifestTextSync(file);
    if (!read.ok) {
      if (report.has(file)) skipped.set(file, read.reason);
      continue;
    }
    const uri = pathToFileURL(file).href;
    engine.index.setParsed(parseManifestFile(uri, read.text, undefined));
    engine.linter.precheckAndRelease(uri);
  }
  return skipped;
}
