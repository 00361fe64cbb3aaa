/** The scalar value a command acts on: the selection, else the value of the `key: value` line at the cursor. Pure. */

export interface ValueSpan {
  line: number;
  start: number;
  end: number;
  /** The value without its quotes. */
  value: string;
  quote: '' | '"' | "'";
  key: string | undefined;
}

const PAIR = /^(\s*(?:-\s+)?)([^\s#:'"][^:#]*?|"[^"]*"|'[^']*'):(\s+)(.*?)(\s+#.*)?\s*$/;

export function valueOnLine(lineText: string, line: number): ValueSpan | undefined {
  const match = PAIR.exec(lineText);
  if (!match || match[4] === undefined || match[4] === '') return undefined;
  const start = match[1]!.length + match[2]!.length + 1 + match[3]!.length;
  const raw = match[4];
  const quote = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0]) ? (raw[0] as '"' | "'") : '';
  const value = quote ? raw.slice(1, -1) : raw;
  return { line, start, end: start + raw.length, value, quote, key: match[2]!.replace(/^["']|["']$/g, '') };
}
