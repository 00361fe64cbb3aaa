// Worker thread of referenceFindings (largeManifest.ts): the engine's findings for one text, in one thread.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from '../../server/src/setup';

const { text } = workerData as { text: string };
const engine = createEngine();
engine.index.setFile('file:///large.yaml', text);
const findings = engine.linter
  .lintFile('file:///large.yaml')
  .map((f) => `${f.range.start.line}:${f.range.start.character} ${f.code}`)
  .sort();
parentPort?.postMessage(findings);
