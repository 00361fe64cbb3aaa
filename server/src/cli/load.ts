/**
 * Reads and indexes the files of a CLI check. Each file's AST checks run at once and its ASTs are
 * released: the rules read plain values, and a one-shot check that kept every AST would spend its
 * time copying them between GC generations.
 */
import { pathToFileURL } from 'node:url';
import { parseManifestFile } from '../engine/document/manifestFile';
import { NOT_A_DASHBOARD, readWorkspaceTextSync } from '../engine/workspace/readFile';
import type { Engine } from '../setup';

/**
 * Indexes `files` (in order) into `engine`; returns why files of `report` were skipped. A `.json` file that is not a
 * Grafana dashboard is neither indexed nor reported: it is dropped from `report` (a folder holds many such files).
 */
export function loadFiles(engine: Engine, files: readonly string[], report: Set<string>): Map<string, string> {
  const skipped = new Map<string, string>();
  for (const file of files) {
    // Blocking reads: from the page cache a read takes microseconds, less than a promise round trip.
    const read = readWorkspaceTextSync(file);
    if (!read.ok) {
      if (read.reason === NOT_A_DASHBOARD) report.delete(file);
      else if (report.has(file)) skipped.set(file, read.reason);
      continue;
    }
    const uri = pathToFileURL(file).href;
    engine.index.setParsed(parseManifestFile(uri, read.text, undefined));
    engine.linter.precheckAndRelease(uri);
  }
  return skipped;
}
