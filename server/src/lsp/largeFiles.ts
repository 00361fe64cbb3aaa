/**
 * The bound on what the server checks of a file open in the editor. A file on disk over
 * `biomeManifests.maxFileSizeMb` is left out of the index; an open one is checked up to that size:
 * the documents that start before it are parsed, indexed and checked as usual, the rest is not
 * (a 50 MB file took 119 s and 4.3 GB checked whole), and one diagnostic says so where checking stops.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { SOURCE } from './diagnostics';

/** An open file is always checked up to this size, whatever the setting (below it, no cut is looked for). */
export const ALWAYS_CHECKED_CHARS = 1024 * 1024;

const PARTLY_CHECKED_CODE = 'file-partly-checked';

/** The part of an open file's text that is checked, and what was left out. */
export interface CheckedPart {
  text: string;
  /** Set when the text was cut: the line where the first unchecked document starts. */
  omitted?: { line: number; totalChars: number; limitMb: number };
}

/**
 * `text` up to the last document start (`---` at the beginning of a line) within `limitMb`
 * megabytes of characters; all of it when it fits. A first document longer than the limit leaves
 * nothing checked: cutting inside a document would report errors that are not in the file.
 */
export function checkedPart(text: string, limitMb: number): CheckedPart {
  const limitChars = Math.max(ALWAYS_CHECKED_CHARS, Math.floor(limitMb * 1024 * 1024));
  if (text.length <= limitChars) return { text };
  let cut = 0;
  for (let at = text.lastIndexOf('\n---', limitChars - 1); at >= 0; at = text.lastIndexOf('\n---', at - 1)) {
    const after = text.charAt(at + 4);
    // `---` alone, or before a space or tab (`--- # comment`, `--- !tag`); `----` is text, not a marker.
    if (after === '' || after === '\n' || after === '\r' || after === ' ' || after === '\t') {
      cut = at + 1;
      break;
    }
  }
  const checked = text.slice(0, cut);
  return { text: checked, omitted: { line: countLines(checked), totalChars: text.length, limitMb } };
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** The diagnostic on the line where checking stopped, naming the setting that bounds it. */
export function partlyCheckedDiagnostic(omitted: NonNullable<CheckedPart['omitted']>): Diagnostic {
  const size = (chars: number): string => `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  const from = omitted.line === 0 ? 'Nothing in this file is checked' : `Lines ${omitted.line + 1} to the end are not checked`;
  return {
    range: { start: { line: omitted.line, character: 0 }, end: { line: omitted.line, character: 3 } },
    severity: DiagnosticSeverity.Information,
    code: PARTLY_CHECKED_CODE,
    source: SOURCE,
    message:
      `${from}: the file is ${size(omitted.totalChars)}, over biomeManifests.maxFileSizeMb (${omitted.limitMb} MB), and the documents ` +
      `starting after that size are left out (not checked, not indexed for references). Raise the setting to check them.`,
  };
}
