/**
 * Reads a manifest from disk, refusing what is not YAML text (binary data, oversized files) and
 * what is not a regular file (FIFOs, devices, sockets: their `stat().size` is 0, so a size check
 * alone lets `/dev/zero` through, and a blocking read of a FIFO holds a libuv thread for good).
 */
import { closeSync, constants, fstatSync, openSync, readSync, promises as fs, type Stats } from 'node:fs';
import { JSON_FILE, looksLikeDashboard, MAX_DASHBOARD_BYTES } from '../monitoring/dashboards';
import { StringDecoder } from 'node:string_decoder';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Opening a FIFO without O_NONBLOCK waits for a writer; with it the open returns at once (Windows has no such flag). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK_BYTES = 1024 * 1024;

function cannotRead(error: unknown): ReadResult {
  return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
}

function overLimit(size: number, maxBytes: number): ReadResult | undefined {
  if (size <= maxBytes) return undefined;
  return { ok: false, reason: `skipped: ${(size / 1048576).toFixed(1)} MiB is over the ${(maxBytes / 1048576).toFixed(0)} MiB limit` };
}

/** Checked on the opened descriptor, so a path swapped for a FIFO after a scan is still caught. */
function notRegular(stat: Stats): ReadResult | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return { ok: false, reason: 'cannot read: EISDIR' };
  const what = stat.isFIFO() ? 'a FIFO' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'a special file';
  return { ok: false, reason: `skipped: not a regular file (${what})` };
}

/** UTF-16 with a byte order mark is decoded; other text must be UTF-8 (a BOM is dropped). */
export function decodeText(buffer: Buffer): ReadResult {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return { ok: true, text: buffer.subarray(2).toString('utf16le') };
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const body = Buffer.from(buffer.subarray(2, 2 + ((buffer.length - 2) & ~1)));
    return { ok: true, text: body.swap16().toString('utf16le') };
  }
  if (buffer.subarray(0, 8192).includes(0)) return { ok: false, reason: 'skipped: binary file (contains NUL bytes)' };
  const text = buffer.toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** A regular file's size is a good first guess; the reads still stop one byte past the limit. */
function chunkSize(statSize: number, total: number, maxBytes: number): number {
  return Math.min(Math.max(statSize + 1, 4096), CHUNK_BYTES, maxBytes + 1 - total);
}

/** Bytes at the start of a UTF-8 file searched for NUL (binary data). */
const BINARY_PROBE_BYTES = 8192;

/**
 * Decodes a file chunk by chunk, as it is read, into the same text `decodeText` gives the whole
 * buffer: a multi-MB file is never copied into one buffer and decoded in one block (61 ms of a
 * loaded machine's event loop for the bench's 4.7 MB file while the server answered requests).
 * UTF-16 BE and a first read under two bytes take the whole-buffer path.
 */
class ChunkDecoder {
  private decoder: StringDecoder | undefined;
  private encoding: 'utf8' | 'utf16le' | undefined;
  private readonly parts: string[] = [];
  private readonly raw: Buffer[] = [];
  private bytes = 0;
  private binary = false;

  add(chunk: Buffer): void {
    if (this.bytes === 0 && chunk.length >= 2) {
      this.encoding = encodingOf(chunk);
      this.decoder = this.encoding && new StringDecoder(this.encoding);
    }
    const offset = this.bytes;
    this.bytes += chunk.length;
    if (!this.decoder) this.raw.push(chunk);
    else if (this.encoding === 'utf16le') this.parts.push(this.decoder.write(offset === 0 ? chunk.subarray(2) : chunk));
    else if (!this.binary) {
      this.binary = offset < BINARY_PROBE_BYTES && chunk.subarray(0, BINARY_PROBE_BYTES - offset).includes(0);
      this.parts.push(this.decoder.write(chunk));
    }
  }

  finish(): ReadResult {
    if (!this.decoder) return decodeText(Buffer.concat(this.raw, this.bytes));
    if (this.binary) return { ok: false, reason: 'skipped: binary file (contains NUL bytes)' };
    const rest = this.decoder.end();
    if (rest) this.parts.push(rest);
    const first = this.parts[0] ?? '';
    // A UTF-8 byte order mark is dropped, as decodeText does.
    if (this.encoding === 'utf8' && first.charCodeAt(0) === 0xfeff) this.parts[0] = first.slice(1);
    return { ok: true, text: this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('') };
  }
}

/** UTF-16 LE by its byte order mark, else UTF-8; undefined (the whole-buffer path) for UTF-16 BE. */
function encodingOf(first: Buffer): 'utf8' | 'utf16le' | undefined {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf16le';
  if (first[0] === 0xfe && first[1] === 0xff) return undefined;
  return 'utf8';
}

/**
 * The reads of one opened file, shared by the async and the blocking reader: yields the buffer to
 * fill next and receives how many bytes the read gave, until end of file or one byte past the limit
 * (a file may grow after the stat, and a device's size says nothing).
 */
function* readPlan(stat: Stats, maxBytes: number): Generator<Buffer, ReadResult, number> {
  const refused = notRegular(stat) ?? overLimit(stat.size, maxBytes);
  if (refused) return refused;
  const decoder = new ChunkDecoder();
  let total = 0;
  while (total <= maxBytes) {
    const chunk = Buffer.alloc(chunkSize(stat.size, total, maxBytes));
    const bytesRead = yield chunk;
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total <= maxBytes) decoder.add(chunk.subarray(0, bytesRead));
  }
  return overLimit(total, maxBytes) ?? decoder.finish();
}

export async function readManifestText(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
    const plan = readPlan(await handle.stat(), maxBytes);
    let step = plan.next();
    while (!step.done) step = plan.next((await handle.read(step.value, 0, step.value.length, null)).bytesRead);
    return step.value;
  } catch (error) {
    return cannotRead(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The same, blocking: for the CLI, which has nothing else to do meanwhile. A file in the page
 * cache is read in microseconds this way; the promise round trips cost more than the read.
 */
export function readManifestTextSync(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, OPEN_FLAGS);
    const plan = readPlan(fstatSync(fd), maxBytes);
    let step = plan.next();
    while (!step.done) step = plan.next(readSync(fd, step.value, 0, step.value.length, null));
    return step.value;
  } catch (error) {
    return cannotRead(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why a `.json` file is not indexed: it is not a Grafana dashboard (said nowhere: most JSON files are not). */
export const NOT_A_DASHBOARD = 'not a Grafana dashboard';

/** A read `.json` file kept only when it is a dashboard: anything over the dashboard bound is not one either. */
function dashboardOnly(read: ReadResult): ReadResult {
  if (!read.ok) return read.reason.startsWith('skipped: ') && !read.reason.includes('not a regular file') ? { ok: false, reason: NOT_A_DASHBOARD } : read;
  return looksLikeDashboard(read.text) ? read : { ok: false, reason: NOT_A_DASHBOARD };
}

/** A file of the workspace: YAML as readManifestText reads it, a `.json` file only when it is a Grafana dashboard. */
export async function readWorkspaceText(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  if (!JSON_FILE.test(file)) return readManifestText(file, maxBytes);
  return dashboardOnly(await readManifestText(file, Math.min(maxBytes, MAX_DASHBOARD_BYTES)));
}

/** The same, blocking (the CLI). */
export function readWorkspaceTextSync(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  if (!JSON_FILE.test(file)) return readManifestTextSync(file, maxBytes);
  return dashboardOnly(readManifestTextSync(file, Math.min(maxBytes, MAX_DASHBOARD_BYTES)));
}
