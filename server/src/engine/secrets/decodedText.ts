/**
 * The Decode Secret view's text (`key: value`, decoded) and reading it back after the user edited
 * it. Pure: nothing logged. secretSave.ts turns the result into edits of the source.
 */
import { decodeBase64, looksBinary, utf8Text, validateBase64, type Base64Problem } from './base64';
import type { SecretInfo } from './secretEntries';

export type DecodedValue = { key: string; text: string } | { key: string; binary: number };

export type DecodeResult = { ok: true; values: DecodedValue[] } | { ok: false; key: string; position: number; problem: Base64Problem; message: string };

const PROBLEM_TEXT: Record<Base64Problem, string> = {
  character: 'a character outside the base64 alphabet',
  'url-safe': 'the URL-safe alphabet (- and _), which the API server rejects',
  padding: 'misplaced = padding',
  length: 'a length that is not a multiple of 4',
};

/** Decodes every entry, or names the first key that is not valid base64 and where it goes wrong. */
export function decodeEntries(secret: SecretInfo): DecodeResult {
  const values: DecodedValue[] = [];
  for (const entry of secret.entries) {
    const check = validateBase64(entry.encoded);
    if (!check.ok) {
      const position = check.index + 1;
      const message =
        `Secret ${secret.name}: data.${entry.key} is not valid base64 — ${PROBLEM_TEXT[check.problem]} at character ${position} ` +
        `(line ${entry.line + 1}). Nothing was decoded or changed; fix the value in the source file first.`;
      return { ok: false, key: entry.key, position, problem: check.problem, message };
    }
    const bytes = decodeBase64(entry.encoded)!;
    const text = looksBinary(bytes) ? undefined : utf8Text(bytes);
    values.push(text === undefined ? { key: entry.key, binary: bytes.length } : { key: entry.key, text });
  }
  return { ok: true, values };
}

export function binaryMarker(size: number): string {
  return `<binary: ${size} bytes, left unchanged>`;
}

/** Plain text stays as is; text a line cannot hold as is (line breaks, edge spaces, a leading quote) is JSON-quoted. */
export function formatValue(text: string): string {
  return text === '' || /[\n\r\t]/.test(text) || /^\s|\s$/.test(text) || text.startsWith('"') || text.startsWith('<binary:') ? JSON.stringify(text) : text;
}

const PLAIN_KEY = /^[-._a-zA-Z0-9]+$/;

/** Keys Kubernetes accepts stay as they are; any other (`#k`, `a: b`) is JSON-quoted, or it would read back as something else. */
function formatKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : JSON.stringify(key);
}

export function decodedDocument(secret: SecretInfo, values: readonly DecodedValue[], sourceLabel: string): string {
  const lines = [
    `# Secret ${secret.name} (namespace ${secret.namespace}) from ${sourceLabel}: data decoded, in memory only.`,
    '# Edit values and save: changed values are re-encoded into the source file (undo there). Values in "…" are JSON strings.',
  ];
  for (const v of values) lines.push(`${formatKey(v.key)}: ${'binary' in v ? binaryMarker(v.binary) : formatValue(v.text)}`);
  return `${lines.join('\n')}\n`;
}

export const BINARY = Symbol('binary value, unchanged');
export type EditedValue = string | typeof BINARY;

export type ParseResult = { ok: true; values: Map<string, EditedValue> } | { ok: false; message: string };

const ENTRY = /^([-._a-zA-Z0-9]+|"(?:[^"\\]|\\.)*"):(?: (.*))?$/;

function jsonString(raw: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function parseDecodedDocument(text: string): ParseResult {
  const values = new Map<string, EditedValue>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = ENTRY.exec(line);
    const key = match && (match[1]!.startsWith('"') ? jsonString(match[1]!) : match[1]);
    if (!match || key === undefined || key === null)
      return { ok: false, message: `line ${i + 1} is not "key: value" (keys use letters, digits, "-", "_" and ".", or are JSON strings)` };
    if (values.has(key)) return { ok: false, message: `key ${key} appears twice (line ${i + 1})` };
    const raw = match[2] ?? '';
    if (/^<binary: \d+ bytes, left unchanged>$/.test(raw)) values.set(key, BINARY);
    else if (raw.startsWith('"')) {
      const parsed = jsonString(raw);
      if (parsed === undefined) return { ok: false, message: `the value of ${key} (line ${i + 1}) starts with " but is not a complete JSON string` };
      values.set(key, parsed);
    } else values.set(key, raw);
  }
  return { ok: true, values };
}
