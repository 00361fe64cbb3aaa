/**
 * Where the cursor is in a YAML document's structure, from indentation alone: the AST is unreliable
 * on the half-typed line the user is editing (`    livenessProbe:\n      per|`), so this reads the
 * text of the lines above, their indentation and their `- ` item markers.
 */
import type { ValuePath } from '../types';

export interface CursorContext {
  /** Path of the mapping that the cursor line's key belongs to (where a new key goes). */
  parentPath: ValuePath;
  /** The key of the cursor line when the cursor is in its value (`replicas: |`) or on it (hover). */
  key: string | undefined;
  /** `parentPath` plus `key` when there is one: the field the cursor is on. */
  path: ValuePath;
  /** `value` after `key:`, otherwise `key` (also on an empty line). */
  position: 'key' | 'value';
  /** The word being typed before the cursor, and its start column. */
  prefix: string;
  prefixStart: number;
  /** Column of the cursor line's key: inserted keys go here, their children two columns right. */
  keyColumn: number;
  /** Whether the cursor line starts a new sequence item (`- `). */
  startsItem: boolean;
  /** Keys already present in the same mapping (other lines at `keyColumn` of the same parent). */
  siblingKeys: string[];
}

interface LineShape {
  /** Columns of the `- ` markers at the start of the line. */
  dashes: number[];
  /** Column of the content after indentation and markers. */
  contentColumn: number;
  key: string | undefined;
  /** Text after `key:` (or the whole content without a key). */
  rest: string;
  /** Column where `rest` starts. */
  restColumn: number;
}

interface Frame {
  column: number;
  kind: 'key' | 'item';
  key: string;
  index: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(#.*)?$/;

function isSkippable(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(line) || line.startsWith('%');
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  return key.startsWith("'") ? key.slice(1, -1).replace(/''/g, "'") : key;
}

export function shapeOf(line: string): LineShape {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  const content = line.slice(i);
  const match = KEY.exec(content);
  if (!match) return { dashes, contentColumn: i, key: undefined, rest: content, restColumn: i };
  let restColumn = i + match[0].length;
  while (line[restColumn] === ' ') restColumn++;
  return { dashes, contentColumn: i, key: unquote(match[1]!.trimEnd()), rest: line.slice(restColumn), restColumn };
}

/** Pops the frames that a line starting at `column` closes; returns the index of a sibling item. */
function closeFrames(stack: Frame[], column: number, kind: 'key' | 'item'): number {
  let siblingIndex = -1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    // `key:` followed by `- item` at the same column: the items belong to the key.
    const keepsKey = top.column === column && top.kind === 'key' && kind === 'item';
    if (top.column < column || keepsKey) break;
    if (top.kind === 'item' && top.column === column) siblingIndex = top.index;
    stack.pop();
  }
  return siblingIndex;
}

/** Applies one complete line to the frame stack. */
function applyLine(stack: Frame[], shape: LineShape): void {
  const first = shape.dashes[0] ?? shape.contentColumn;
  const sibling = closeFrames(stack, first, shape.dashes.length > 0 ? 'item' : 'key');
  shape.dashes.forEach((column, n) => {
    stack.push({ column, kind: 'item', key: '', index: n === 0 ? sibling + 1 : 0 });
  });
  if (shape.key !== undefined) stack.push({ column: shape.contentColumn, kind: 'key', key: shape.key, index: 0 });
}

function pathOf(stack: readonly Frame[]): (string | number)[] {
  return stack.map((f) => (f.kind === 'key' ? f.key : f.index));
}

/** Frames open before `line`, skipping comments and the bodies of block scalars. */
function framesBefore(lines: readonly string[], line: number): Frame[] {
  const stack: Frame[] = [];
  let blockOwnerColumn = -1;
  // A client may ask about a line past the end of the document (the last line of a file that ends
  // with a line break, or a stale position): only existing lines count.
  for (let n = 0; n < Math.min(line, lines.length); n++) {
    const text = lines[n]!;
    if (blockOwnerColumn >= 0) {
      if (text.trim() === '' || indentOf(text) > blockOwnerColumn) continue;
      blockOwnerColumn = -1;
    }
    if (isSkippable(text)) continue;
    const shape = shapeOf(text);
    applyLine(stack, shape);
    if (BLOCK_SCALAR.test(shape.rest)) {
      blockOwnerColumn = shape.key !== undefined ? shape.contentColumn : (shape.dashes[shape.dashes.length - 1] ?? 0);
    }
  }
  return stack;
}

function indentOf(text: string): number {
  let i = 0;
  while (text[i] === ' ') i++;
  return i;
}

/**
 * The structural context of a cursor. `lines` are the document's lines, `line` and `character`
 * are zero-based within them.
 */
export function cursorContext(lines: readonly string[], line: number, character: number): CursorContext {
  const stack = framesBefore(lines, line);
  const full = lines[line] ?? '';
  const before = full.slice(0, character);
  const shape = shapeOf(before);
  const blank = shape.rest.trim() === '' && shape.key === undefined;
  const keyColumn = blank && shape.dashes.length === 0 ? character : shape.contentColumn;
  const first = shape.dashes[0] ?? keyColumn;
  const sibling = closeFrames(stack, first, shape.dashes.length > 0 ? 'item' : 'key');
  shape.dashes.forEach((column, n) => stack.push({ column, kind: 'item', key: '', index: n === 0 ? sibling + 1 : 0 }));
  const parentPath = pathOf(stack);
  const startsItem = shape.dashes.length > 0;
  const siblingKeys = collectSiblingKeys(lines, line, keyColumn, startsItem);
  if (shape.key !== undefined) {
    const prefix = shape.rest.replace(/^["']/, '');
    const prefixStart = shape.restColumn + (shape.rest.length - prefix.length);
    const path = [...parentPath, shape.key];
    return { parentPath, key: shape.key, path, position: 'value', prefix, prefixStart, keyColumn, startsItem, siblingKeys };
  }
  const prefix = blank ? '' : shape.rest.trimEnd();
  const prefixStart = blank ? character : shape.contentColumn;
  // On a complete key (hover, or completion in the middle of a key) the field is the whole key.
  const whole = shapeOf(full);
  const key = whole.key !== undefined && character <= whole.restColumn ? whole.key : undefined;
  const path = key !== undefined ? [...parentPath, key] : parentPath;
  return { parentPath, key, path, position: 'key', prefix, prefixStart, keyColumn, startsItem, siblingKeys };
}

/** Keys of the other lines of the same mapping, above (unless the cursor line opens an item) and below. */
function collectSiblingKeys(lines: readonly string[], line: number, keyColumn: number, startsItem: boolean): string[] {
  const keys: string[] = [];
  const scan = (from: number, step: 1 | -1): void => {
    for (let n = from; n >= 0 && n < lines.length; n += step) {
      const text = lines[n]!;
      if (isSkippable(text)) continue;
      const shape = shapeOf(text);
      const first = shape.dashes[0] ?? shape.contentColumn;
      // Deeper lines, and items of a sibling key written at the key's own column (`key:\n- a`).
      if (first > keyColumn || (first === keyColumn && shape.dashes.length > 0)) continue;
      // Going down, an item marker left of the key starts the next item: a different mapping.
      if (step === 1 && shape.dashes.length > 0) return;
      if (shape.contentColumn === keyColumn && shape.key !== undefined) keys.push(shape.key);
      if (first < keyColumn) return;
    }
  };
  if (!startsItem) scan(line - 1, -1);
  scan(line + 1, 1);
  return keys;
}
