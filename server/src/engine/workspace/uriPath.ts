/**
 * URI → file path, total: `fileURLToPath` throws on `file://remotehost/…` (POSIX), on an encoded
 * `/` (`%2F`) and on other schemes, and one throw in a notification handler ended the server.
 */
import { fileURLToPath } from 'node:url';

/** The local path of a `file:` URI, or undefined when it has none. */
export function uriToPath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
