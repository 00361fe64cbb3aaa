/**
 * The Decode Secret view's text (`key: value`, decoded) and the way back: the edits that re-encode
 * exactly the values the user changed, added or removed. Pure: no vscode, nothing logged.
 */
import { decodeBase64, encodeBase64, looksBinary, utf8Text, validateBase64, type Base64Problem } from '../../../server/src/engine/secrets/base64';
import type { TextEdit } from '../../../server/src/engine/types';
import type { SecretEntry, SecretInfo } from './secretEntries';

export type DecodedValue = { key: string; text: string } | { key: string; binary: number };

export type DecodeResult =
  | { ok: true; values: DecodedValue[] }
  | { ok: false; key: string; position: number; problem: Base64Problem; message: string };

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
        `(line ${entry.valueRange.start.line + 1}). Nothing was decoded or changed; fix the value in the source file first.`;
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

export function decodedDocument(secret: SecretInfo, values: readonly DecodedValue[], sourceLabel: string): string {
  const lines = [
    `# Secret ${secret.name} (namespace ${secret.namespace}) from ${sourceLabel}: data decoded, in memory only.`,
    '# Edit values and save: changed values are re-encoded into the source file (undo there). Values in "…" are JSON strings.',
  ];
  for (const v of values) lines.push(`${v.key}: ${'binary' in v ? binaryMarker(v.binary) : formatValue(v.text)}`);
  return `${lines.join('\n')}\n`;
}

export const BINARY = Symbol('binary value, unchanged');
export type EditedValue = string | typeof BINARY;

export type ParseResult = { ok: true; values: Map<string, EditedValue> } | { ok: false; message: string };

const ENTRY = /^([-._a-zA-Z0-9]+):(?: (.*))?$/;

export function parseDecodedDocument(text: string): ParseResult {
  const values = new Map<string, EditedValue>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = ENTRY.exec(line);
    if (!match) return { ok: false, message: `line ${i + 1} is not "key: value" (keys use letters, digits, "-", "_" and ".")` };
    const key = match[1]!;
    if (values.has(key)) return { ok: false, message: `key ${key} appears twice (line ${i + 1})` };
    const raw = match[2] ?? '';
    if (/^<binary: \d+ bytes, left unchanged>$/.test(raw)) values.set(key, BINARY);
    else if (raw.startsWith('"')) {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== 'string') throw new Error('not a string');
        values.set(key, parsed);
      } catch {
        return { ok: false, message: `the value of ${key} (line ${i + 1}) starts with " but is not a complete JSON string` };
      }
    } else values.set(key, raw);
  }
  return { ok: true, values };
}

export type EditsResult = { ok: true; edits: TextEdit[]; changed: string[] } | { ok: false; message: string };

function encodedText(entry: SecretEntry | undefined, value: string): string {
  const encoded = encodeBase64(value);
  const quote = entry?.quote ?? '';
  return encoded === '' && quote === '' ? '""' : `${quote}${encoded}${quote}`;
}

/** The edits that carry `edited` back into the source Secret: one replacement per changed value. */
export function secretEdits(secret: SecretInfo, original: readonly DecodedValue[], edited: ReadonlyMap<string, EditedValue>): EditsResult {
  const edits: TextEdit[] = [];
  const changed: string[] = [];
  const before = new Map(original.map((v) => [v.key, v]));
  for (const entry of secret.entries) {
    const old = before.get(entry.key)!;
    const next = edited.get(entry.key);
    if (next === undefined) {
      if (!entry.singleLine) return { ok: false, message: `${entry.key} spans several lines in the source; remove it there` };
      const start = { line: entry.line, character: 0 };
      edits.push({ range: { start, end: { line: entry.line + 1, character: 0 } }, newText: '' });
      changed.push(entry.key);
    } else if (next === BINARY) {
      if (!('binary' in old)) return { ok: false, message: `${entry.key} holds text, not binary data: write its value instead of the binary marker` };
    } else if ('binary' in old || old.text !== next) {
      edits.push({ range: entry.valueRange, newText: encodedText(entry, next) });
      changed.push(entry.key);
    }
  }
  const added = [...edited.entries()].filter(([key]) => !before.has(key));
  if (added.length > 0) {
    const last = secret.entries[secret.entries.length - 1];
    if (!last) return { ok: false, message: `Secret ${secret.name} has no data entries to add ${added[0]![0]} after; add the first key in the source file` };
    if (!edited.has(last.key)) return { ok: false, message: `new keys go after ${last.key}: keep it while adding ${added[0]![0]}, and remove it in a second save` };
    for (const [key, value] of added) {
      if (value === BINARY) return { ok: false, message: `new key ${key} cannot hold the binary marker` };
      edits.push({ range: { start: last.lineEnd, end: last.lineEnd }, newText: `\n${' '.repeat(last.indent)}${key}: ${encodedText(undefined, value)}` });
      changed.push(key);
    }
  }
  return { ok: true, edits, changed };
}
