/** The sample workspace (examples/biome-sample) indexed in memory, for rule and insight tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, type Engine } from '../../server/src/setup';
import { SAMPLE_DIR } from './paths';

export const SAMPLE_URI = 'file:///sample';

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

/** The sample's URI for a path relative to it, e.g. `biome/main-app-hpa.yaml`. */
export function sampleUri(relative: string): string {
  return `${SAMPLE_URI}/${relative}`;
}

/** An engine with every YAML file of the sample indexed; `overrides` replace files by relative path. */
export function sampleEngine(overrides: Record<string, string> = {}): Engine {
  const engine = createEngine();
  for (const file of walk(SAMPLE_DIR)) {
    const relative = path.relative(SAMPLE_DIR, file).split(path.sep).join('/');
    engine.index.setFile(sampleUri(relative), overrides[relative] ?? fs.readFileSync(file, 'utf8'));
  }
  return engine;
}

export function sampleText(relative: string): string {
  return fs.readFileSync(path.join(SAMPLE_DIR, relative), 'utf8');
}
