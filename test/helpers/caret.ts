/** The one caret-marker helper: tests mark a cursor position in YAML with `^`. */
import type { Position } from '../../server/src/engine/types';

/** Removes the one `^` caret from `marked` and returns the text and the caret's position. */
export function caret(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('^');
  // A second caret (or none) is a mistake in the test, not a position to guess.
  if (offset < 0 || marked.indexOf('^', offset + 1) >= 0) throw new Error('mark exactly one cursor with ^');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}
