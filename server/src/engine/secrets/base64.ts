/**
 * Base64 as the Kubernetes API server reads Secret `data`: the standard alphabet with padding
 * (Go's `base64.StdEncoding`), where `\r` and `\n` are ignored. Pure: shared by the rules, the
 * hovers and the client's Decode/Encode Secret commands.
 */

const STANDARD = /[A-Za-z0-9+/]/;

export type Base64Problem =
  /** A character outside the standard alphabet (`index` points at it). */
  | 'character'
  /** The URL-safe alphabet (`-`, `_`) was used (`index` points at the first such character). */
  | 'url-safe'
  /** `=` where it does not belong: inside the data or more than two (`index` points at it). */
  | 'padding'
  /** The length (line breaks ignored) is not a multiple of 4 (`index` is the text length). */
  | 'length';

export type Base64Check = { ok: true } | { ok: false; problem: Base64Problem; index: number };

function isLineBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r';
}

/** Validates `text` strictly; on failure, the index (in `text`) of the first bad character. */
export function validateBase64(text: string): Base64Check {
  let count = 0;
  let padding = 0;
  let firstPad = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (isLineBreak(ch)) continue;
    if (ch === '=') {
      padding++;
      if (firstPad < 0) firstPad = i;
      if (padding > 2) return { ok: false, problem: 'padding', index: i };
      continue;
    }
    if (padding > 0) {
      // Data after `=`: the padding is what is misplaced, unless the character is bad in itself.
      return STANDARD.test(ch) ? { ok: false, problem: 'padding', index: firstPad } : { ok: false, problem: 'character', index: i };
    } else if (!STANDARD.test(ch)) {
      const urlSafe = (ch === '-' || ch === '_') && isUrlSafeBase64(text);
      return { ok: false, problem: urlSafe ? 'url-safe' : 'character', index: i };
    }
    count++;
  }
  if ((count + padding) % 4 !== 0) return { ok: false, problem: 'length', index: text.length };
  return { ok: true };
}

/** True when `text` is valid base64 in the URL-safe alphabet (`-`, `_`, padding optional) and uses it. */
export function isUrlSafeBase64(text: string): boolean {
  const compact = stripLineBreaks(text);
  if (!/[-_]/.test(compact)) return false;
  if (!/^[A-Za-z0-9\-_]*={0,2}$/.test(compact)) return false;
  const data = compact.replace(/=+$/, '');
  return data.length % 4 !== 1;
}

/** Rewrites URL-safe base64 into the standard alphabet with padding. */
export function urlSafeToStandard(text: string): string {
  const data = stripLineBreaks(text).replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  return data + '='.repeat((4 - (data.length % 4)) % 4);
}

export function stripLineBreaks(text: string): string {
  return text.replace(/[\r\n]/g, '');
}

/** Decodes valid base64 (line breaks ignored), or undefined when `text` is not valid. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!validateBase64(text).ok) return undefined;
  return new Uint8Array(Buffer.from(stripLineBreaks(text), 'base64'));
}

/** Encodes text (as UTF-8) or bytes in the standard alphabet with padding, on one line. */
export function encodeBase64(value: string | Uint8Array): string {
  return (typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value)).toString('base64');
}

/** The bytes as text, or undefined when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when the bytes are not readable text: invalid UTF-8 or control characters other than tab and line breaks. */
export function looksBinary(bytes: Uint8Array): boolean {
  const text = utf8Text(bytes);
  if (text === undefined) return true;
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** A hex dump of the first `max` bytes: `de ad be ef …`. */
export function hexPreview(bytes: Uint8Array, max = 32): string {
  const shown = [...bytes.slice(0, max)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} …` : shown;
}

/** The number of bytes the decoded value has, computed without decoding. */
export function decodedLength(text: string): number {
  const compact = stripLineBreaks(text);
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return Math.floor((compact.length * 3) / 4) - padding;
}

/** Base64 whose only fault is its `=` padding, read as the user most likely meant it. */
export interface RepairedBase64 {
  /** Valid standard base64 for the same bytes. */
  text: string;
  /** The repaired value's bytes. */
  bytes: Uint8Array;
  /** How many runs of data the `=` signs split the value into: 2 or more for glued base64 strings. */
  parts: number;
}

/**
 * Repairs base64 whose padding is missing (`YWJjZA`) or misplaced (`YWI=Y2Q=`, two encodings glued
 * together): each run of data between `=` signs is decoded on its own and the bytes are joined, as
 * a user who pasted the values one after the other meant. Undefined when the text has a character
 * outside the alphabet or a run cannot be decoded whatever the padding (its length is 1 mod 4).
 */
export function repairPadding(text: string): RepairedBase64 | undefined {
  const compact = stripLineBreaks(text);
  if (!/^[A-Za-z0-9+/=]+$/.test(compact)) return undefined;
  const runs = compact.split(/=+/).filter((run) => run.length > 0);
  if (runs.length === 0 || runs.some((run) => run.length % 4 === 1)) return undefined;
  const padded = runs.map((run) => run + '='.repeat((4 - (run.length % 4)) % 4));
  const bytes = new Uint8Array(Buffer.concat(padded.map((run) => Buffer.from(run, 'base64'))));
  // One run keeps its own characters (only `=` added); glued runs must be encoded again as one.
  return { text: runs.length === 1 ? padded[0]! : encodeBase64(bytes), bytes, parts: runs.length };
}
