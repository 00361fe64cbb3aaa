/** Reads a manifest from disk, refusing what is not YAML text (binary data, oversized files). */
import { promises as fs } from 'node:fs';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export async function readManifestText(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  if (stat.size > maxBytes) {
    return { ok: false, reason: `skipped: ${(stat.size / 1048576).toFixed(1)} MiB is over the ${(maxBytes / 1048576).toFixed(0)} MiB limit` };
  }
  let buffer: Buffer;
  try {
    // The file can vanish or become unreadable between the stat and the read.
    buffer = await fs.readFile(file);
  } catch (error) {
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const head = buffer.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'skipped: binary file (contains NUL bytes)' };
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
