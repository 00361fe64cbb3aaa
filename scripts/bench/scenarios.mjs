// What the benchmark does with each server: the same opens, edits and requests, in the same order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sleep } from './lspClient.mjs';

export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** An open document as the client holds it: text, version, and the incremental edits it sends. */
class OpenDoc {
  constructor(server, path) {
    this.server = server;
    this.uri = pathToFileURL(path).href;
    this.text = readFileSync(path, 'utf8');
    this.version = 1;
  }

  open() {
    return this.server.open(this.uri, this.text, this.version);
  }

  position(offset) {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  }

  /** Inserts `insert` at `offset`; resolves when the diagnostics for the new version arrive. */
  edit(offset, insert, wait = true) {
    const at = this.position(offset);
    this.text = this.text.slice(0, offset) + insert + this.text.slice(offset);
    this.version++;
    const changes = [{ range: { start: at, end: at }, text: insert }];
    return wait ? this.server.change(this.uri, this.version, changes) : this.server.changeNoWait(this.uri, this.version, changes);
  }

  /** Offset of the `nth` match of `needle` at or after `from` (throws when missing: the corpus changed). */
  find(needle, from = 0) {
    const at = this.text.indexOf(needle, from);
    if (at < 0) throw new Error(`"${needle}" not found in ${this.uri}`);
    return at;
  }
}

/** The Deployment named `name` in a document: offsets of the places the benchmark edits and queries. */
function deploymentSpots(doc, name) {
  const head = doc.find(`\n  name: ${name}\n`);
  const runbook = doc.find('"', doc.find(`runbooks.example.com/${name}`, head));
  // The start of the metadata label's line: the added line is a valid label (+ 1 skips the line break).
  const tier = doc.find('\n    tier: backend\n', head) + 1;
  const image = doc.find('image: ', head);
  const containerPort = doc.find('containerPort: ', head) + 2;
  return { runbook, tier, image, containerPort };
}

/** One-character edit inside the runbook annotation, then an edit that adds a line (moves every line below). */
async function editDeployment(doc, name, round) {
  const oneChar = await doc.edit(deploymentSpots(doc, name).runbook, 'x');
  const addLine = await doc.edit(deploymentSpots(doc, name).tier, `    extra-${round}: "added"\n`);
  return { oneChar: oneChar.ms, addLine: addLine.ms };
}

async function requestsAt(doc, names, rounds) {
  const completion = [];
  const hover = [];
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const spots = deploymentSpots(doc, name);
      const textDocument = { uri: doc.uri };
      completion.push((await doc.server.timed('completion', { textDocument, position: doc.position(spots.image) })).ms);
      hover.push((await doc.server.timed('hover', { textDocument, position: doc.position(spots.containerPort) })).ms);
    }
  }
  return { completion, hover };
}

/** Summary of one server on one corpus. */
function summary(server, data) {
  return {
    openP50: percentile(data.open, 50),
    openMax: percentile(data.open, 100),
    editOneCharP50: percentile(data.oneChar, 50),
    editAddLineP50: percentile(data.addLine, 50),
    editP50: percentile([...data.oneChar, ...data.addLine], 50),
    completionP95: percentile(data.completion, 95),
    hoverP95: percentile(data.hover, 95),
    requestDuringValidation: data.duringValidation,
    hoverOtherDuringOpen: data.hoverOtherDuringOpen,
    readyMs: data.readyMs,
    diagnosticsOnOpen: data.diagnosticsOnOpen,
    allOpenMs: data.allOpenMs,
    outlineMs: data.outlineMs,
    outlineKiB: data.outlineKiB,
    peakRssMiB: server.peakRssMiB(),
    samples: data,
  };
}

/**
 * Many files: wait until the server is ready (ours indexes the workspace first; that time is
 * reported as `readyMs`), then open `opens` files one by one, edit some, and send requests.
 */
export async function manyFiles(server, corpus, { opens, edits, rounds, isOurs }) {
  const t0 = performance.now();
  if (isOurs) await server.waitForLog(': indexed ');
  await server.settle(isOurs ? 400 : 200);
  const readyMs = performance.now() - t0;
  const data = { open: [], oneChar: [], addLine: [], completion: [], hover: [], readyMs, diagnosticsOnOpen: 0 };
  const docs = [];
  for (let i = 0; i < opens; i++) {
    const entry = corpus.files[Math.floor((i * corpus.files.length) / opens)];
    const doc = new OpenDoc(server, entry.path);
    const opened = await doc.open();
    data.open.push(opened.ms);
    data.diagnosticsOnOpen += opened.count;
    docs.push({ doc, name: entry.names[0] });
  }
  for (let i = 0; i < Math.min(edits, docs.length); i++) {
    const { oneChar, addLine } = await editDeployment(docs[i].doc, docs[i].name, i);
    data.oneChar.push(oneChar);
    data.addLine.push(addLine);
  }
  for (const { doc, name } of docs) {
    const got = await requestsAt(doc, [name], rounds);
    data.completion.push(...got.completion);
    data.hover.push(...got.hover);
  }
  data.allOpenMs = await openTheRest(server, corpus.files, new Set(docs.map((d) => d.doc.uri)));
  return summary(server, data);
}

/**
 * Opens every file not open yet and waits for all their diagnostics, so that peak RSS compares
 * like with like: yaml-language-server holds only open documents, ours indexes the whole folder.
 */
async function openTheRest(server, files, open) {
  const t0 = performance.now();
  const pending = [];
  for (const entry of files) {
    const doc = new OpenDoc(server, entry.path);
    if (open.has(doc.uri)) continue;
    pending.push(doc.open());
  }
  await Promise.all(pending);
  return performance.now() - t0;
}

/**
 * One big file, opened cold right after `initialized` (as when an editor restores the file at
 * start-up). A completion sent 200 ms after the open shows whether requests wait for validation.
 */
export async function bigFile(server, corpus, { edits, rounds }) {
  const doc = new OpenDoc(server, corpus.files[0].path);
  const data = { open: [], oneChar: [], addLine: [], completion: [], hover: [], diagnosticsOnOpen: 0 };
  const middle = corpus.files[0].names[Math.floor(corpus.files[0].names.length / 2)];
  // A small file already open: its hovers must stay fast while the big one is checked (issue #16).
  const other = new OpenDoc(server, fileURLToPath(new URL('../../examples/biome-sample/biome/main-app-deployment.yaml', import.meta.url)));
  await other.open();
  const otherPort = other.position(other.find('containerPort: ') + 2);
  // Once before: the first hover of a process loads the schema documentation; that is not what is timed.
  data.hoverOtherBeforeOpen = (await server.timed('hover', { textDocument: { uri: other.uri }, position: otherPort })).ms;
  const opening = doc.open();
  await sleep(200);
  data.hoverOtherDuringOpen = (await server.timed('hover', { textDocument: { uri: other.uri }, position: otherPort })).ms;
  const spots = deploymentSpots(doc, middle);
  const during = await server.timed('completion', { textDocument: { uri: doc.uri }, position: doc.position(spots.image) });
  data.duringValidation = during.ms;
  const opened = await opening;
  data.open.push(opened.ms);
  data.diagnosticsOnOpen = opened.count;
  // The outline of the whole file: capped (issue #16), so its time and size stay bounded.
  const outline = await server.timed('documentSymbol', { textDocument: { uri: doc.uri } });
  data.outlineMs = outline.ms;
  data.outlineKiB = JSON.stringify(outline.result ?? null).length / 1024;
  for (let i = 0; i < edits; i++) {
    const { oneChar, addLine } = await editDeployment(doc, middle, i);
    data.oneChar.push(oneChar);
    data.addLine.push(addLine);
  }
  const names = corpus.files[0].names;
  const near = [0.3, 0.5, 0.7, 0.9].map((f) => names[Math.floor(f * names.length)]);
  const got = await requestsAt(doc, near, rounds);
  data.completion.push(...got.completion);
  data.hover.push(...got.hover);
  return summary(server, data);
}

/** The sample workspace: open every manifest of biome/, edit main-app's Deployment, requests on it. */
export async function sampleFiles(server, dir, { rounds, isOurs }) {
  const t0 = performance.now();
  if (isOurs) await server.waitForLog(': indexed ');
  await server.settle(isOurs ? 400 : 200);
  const data = { open: [], oneChar: [], addLine: [], completion: [], hover: [], readyMs: performance.now() - t0, diagnosticsOnOpen: 0 };
  const folder = join(dir, 'biome');
  let main;
  for (const name of readdirSync(folder).sort()) {
    const doc = new OpenDoc(server, join(folder, name));
    const opened = await doc.open();
    data.open.push(opened.ms);
    data.diagnosticsOnOpen += opened.count;
    if (name === 'main-app-deployment.yaml') main = doc;
  }
  for (let i = 0; i < rounds; i++) {
    data.oneChar.push((await main.edit(main.find('production') + 10, 'x')).ms);
    data.addLine.push((await main.edit(main.find('    app: main-app\n'), `    extra-${i}: "added"\n`)).ms);
    const textDocument = { uri: main.uri };
    const image = main.position(main.find('image: '));
    const port = main.position(main.find('containerPort: ') + 2);
    data.completion.push((await server.timed('completion', { textDocument, position: image })).ms);
    data.hover.push((await server.timed('hover', { textDocument, position: port })).ms);
  }
  return summary(server, data);
}
