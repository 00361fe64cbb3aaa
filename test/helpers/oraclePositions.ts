/**
 * Where promtool / amtool say an error is, read from their output and turned into a position of the checked file:
 * go-yaml's `line N` (unmarshal and syntax errors), promtool's `L:C` of the rule nodes, and a PromQL parse error's
 * `L:C` inside the expression, mapped through the YAML scalar that holds it (plain, quoted or block).
 */
import { LineCounter, parseDocument, visit } from 'yaml';

export interface OraclePosition {
  /** 1-based lines the tool names (a rule-level error names every node of the rule it looked at). */
  lines: number[];
  /** 1-based column, for a PromQL error: only then is the tool exact about the character. */
  column?: number;
  /** What the position came from, for the failure message. */
  source: string;
}

/** The UTF-16 length of the first `bytes` bytes of `line` (Go counts columns in bytes). */
function bytesToChars(line: string, bytes: number): number {
  return Buffer.from(line, 'utf8').subarray(0, bytes).toString('utf8').length;
}

/**
 * The source position of the character at (exprLine, exprColumn) of the expression held by the scalar node that
 * starts at (nodeLine, nodeColumn). Mapped by occurrence, independently of the engine's alignment: the n-th
 * occurrence of a character in the value is its n-th occurrence in the scalar's content (true for the characters
 * PromQL errors point at: quotes and backslashes, which escapes double, are refused).
 */
function positionInScalar(text: string, nodeLine: number, nodeColumn: number, exprLine: number, exprColumn: number): { line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  let found: { value: string; start: number; end: number } | undefined;
  visit(doc, {
    Scalar(_, node) {
      if (!node.range || typeof node.value !== 'string') return;
      const at = lines.linePos(node.range[0]);
      if (at.line === nodeLine && at.col === nodeColumn) found = { value: node.value, start: node.range[0], end: node.range[1] };
    },
  });
  if (!found) throw new Error(`no scalar at ${nodeLine}:${nodeColumn}`);
  const { value, start, end } = found;
  const valueLines = value.split('\n');
  const lineStart = valueLines.slice(0, exprLine - 1).reduce((sum, l) => sum + l.length + 1, 0);
  let offset = lineStart + bytesToChars(valueLines[exprLine - 1] ?? '', exprColumn - 1);
  // "Unexpected end of input" points past the last character: map that character and step one column on.
  const pastEnd = offset >= value.trimEnd().length;
  if (pastEnd) offset = value.trimEnd().length - 1;
  const char = value[offset] ?? '';
  if (char === '' || `'"\\`.includes(char)) throw new Error(`cannot map ${JSON.stringify(char)} at ${offset} of ${JSON.stringify(value)}`);
  const header = text[start] === '|' || text[start] === '>' ? text.indexOf('\n', start) + 1 : text[start] === '"' || text[start] === "'" ? start + 1 : start;
  const occurrence = value.slice(0, offset).split(char).length - 1;
  let at = header - 1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(char, at + 1);
  if (at < 0 || at >= end) throw new Error(`${JSON.stringify(char)} #${occurrence + 1} not in the scalar at ${nodeLine}:${nodeColumn}`);
  const pos = lines.linePos(at);
  return { line: pos.line, column: pos.col + (pastEnd ? 1 : 0) };
}

/** The position the tool's output gives, or undefined when it names none (most semantic checks say no line). */
export function oraclePosition(text: string, output: string): OraclePosition | undefined {
  const promql = /: (\d+):(\d+): group [^\n]*could not parse expression: (\d+):(\d+): parse error: ([^\n]*)/.exec(output);
  if (promql) {
    const [nodeLine, nodeColumn, exprLine, exprColumn] = promql.slice(1, 5).map(Number) as [number, number, number, number];
    // Prometheus's lexer reports an unbalanced ')' after consuming it: its column is one past the parenthesis.
    const pastParen = promql[5]?.startsWith('unexpected right parenthesis') ? 1 : 0;
    const at = positionInScalar(text, nodeLine, nodeColumn, exprLine, exprColumn - pastParen);
    return { lines: [at.line], column: at.column, source: `PromQL ${exprLine}:${exprColumn} in the scalar at ${nodeLine}:${nodeColumn}` };
  }
  const rule = /\.yml: ((?:\d+:\d+: )+)(?:group|groupname)/.exec(output);
  if (rule) {
    const lines = [...(rule[1] ?? '').matchAll(/(\d+):\d+: /g)].map((m) => Number(m[1]));
    return { lines, source: `rule nodes ${(rule[1] ?? '').trim()}` };
  }
  const yaml = /yaml: (?:unmarshal errors:\s+)?line (\d+):/.exec(output);
  if (yaml) return { lines: [Number(yaml[1])], source: yaml[0].replace(/\s+/g, ' ') };
  return undefined;
}
