/** Reads a manifest from disk, refusing what is not YAML text (binary data, oversized files). */
import { promises as fs, readFileSync, statSync } from 'node:fs';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

function cannotRead(error: unknown): ReadResult {
  return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
}

function overLimit(size: number, maxBytes: number): ReadResult | undefined {
  if (size <= maxBytes) return undefined;
  return { ok: false, reason: `skipped: ${(size / 1048576).toFixed(1)} MiB is over the ${(maxBytes / 1048576).toFixed(0)} MiB limit` };
}

function decode(buffer: Buffer): ReadResult {
  if (buffer.subarray(0, 8192).includes(0)) return { ok: false, reason: 'skipped: binary file (contains NUL bytes)' };
  const text = buffer.toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

export async function readManifestText(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  try {
    const refused = overLimit((await fs.stat(file)).size, maxBytes);
    // The file can vanish or become unreadable between the stat and the read: both are caught.
    return refused ?? decode(await fs.readFile(file));
  } catch (error) {
    return cannotRead(error);
  }
}

/**
 * The same, blocking: for the CLI, which has nothing else to do meanwhile. A file in the page
 * cache is read in microseconds this way; the promise round trips cost more than the read.
 */
export function readManifestTextSync(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  try {
    return overLimit(statSync(file).size, maxBytes) ?? decode(readFileSync(file));
  } catch (error) {
    return cannotRead(error);
  }
}
