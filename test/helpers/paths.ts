import * as path from 'node:path';

/** Repository root (tests run from out/test/…). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'biome-sample');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');
