/** Runs the engine over in-memory files, for rule and pipeline tests. */
import { createEngine, type Engine, type EngineOptions } from '../../server/src/setup';
import type { Finding } from '../../server/src/engine/types';
import type { LintSettings } from '../../server/src/engine/lint/settings';

export const TEST_FOLDER = 'file:///workspace/biome';

export function uriOf(name: string): string {
  return `${TEST_FOLDER}/${name}`;
}

/** Indexes `files` (name → YAML) in one folder and returns the engine. */
export function engineWith(files: Record<string, string>, options: EngineOptions = {}): Engine {
  const engine = createEngine(options);
  for (const [name, text] of Object.entries(files)) engine.index.setFile(uriOf(name), text);
  return engine;
}

/** Findings of every file, in file-name order. */
export function lintAll(engine: Engine, settings?: LintSettings): Finding[] {
  const uris = [...engine.index.files()].map((f) => f.uri).sort();
  return uris.flatMap((uri) => engine.linter.lintFile(uri, settings));
}

/** One-line summaries `file:line code`, easy to compare whole. */
export function summarize(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.uri.slice(f.uri.lastIndexOf('/') + 1)}:${f.range.start.line + 1} ${f.code}`);
}
