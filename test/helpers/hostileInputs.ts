/**
 * Hostile manifests, generated at test time (no megabytes in the repository): what a user may open
 * by accident or an attacker may plant. Each names what it attacks.
 */

const CONFIGMAP_HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hostile\ndata:\n';

/** Merge keys past the alias limit (issue #16): a `keys`-key anchored map merged into `items` list entries. */
export function mergeBomb(keys: number, items: number): string {
  const base = Array.from({ length: keys }, (_, i) => `  k${i}: v`);
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: hostile',
    'base: &b',
    ...base,
    'items:',
    ...Array<string>(items).fill('- <<: *b'),
    '',
  ].join('\n');
}

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings if expanded. */
export function aliasBomb(): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  const lines = [CONFIGMAP_HEAD.trimEnd(), `  a: &a [${Array(9).fill('"lol"').join(',')}]`];
  for (let i = 1; i < levels.length; i++) {
    const prev = levels[i - 1]!;
    lines.push(`  ${levels[i]}: &${levels[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** About `megabytes` MiB of small ConfigMaps, one document each. */
export function manyDocuments(megabytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1048576; i++) {
    const doc = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: "${'x'.repeat(200)}"\n`;
    parts.push(doc);
    size += doc.length;
  }
  return parts.join('');
}

/** One ConfigMap of `lines` lines (one key per line). `duplicateLast` repeats the first key at the end. */
export function longDocument(lines: number, duplicateLast = false): string {
  const out = [CONFIGMAP_HEAD.trimEnd()];
  for (let i = 0; out.length < lines - (duplicateLast ? 1 : 0); i++) out.push(`  k${i}: v${i}`);
  if (duplicateLast) out.push('  k0: again');
  return `${out.join('\n')}\n`;
}

/** `depth` levels of flow nesting: `[[[…]]]` and `{a: {a: …}}`. */
export function deepFlow(depth: number, style: 'seq' | 'map'): string {
  const value = style === 'seq' ? '['.repeat(depth) + ']'.repeat(depth) : '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
  return `${CONFIGMAP_HEAD}  x: ${value}\n`;
}

/**
 * `depth` levels of block nesting. Block maps need one more column per level (50 MB for 10,000
 * levels), so the block form nests compact sequences: `- - - … x` on one line, plus a block map
 * ladder of `mapLevels` levels.
 */
export function deepBlock(depth: number, mapLevels = 300): string {
  const lines = [CONFIGMAP_HEAD.trimEnd(), '  seq:', `    ${'- '.repeat(depth)}x`, '  map:'];
  for (let i = 0; i < mapLevels; i++) lines.push(`${' '.repeat(4 + i)}k${i}:`);
  lines.push(`${' '.repeat(4 + mapLevels)}leaf`);
  return `${lines.join('\n')}\n`;
}

/** A 1 MiB single line: a flow map of many keys. */
export function wideLine(bytes = 1048576): string {
  const entries: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const entry = `key${i}: value${i}`;
    entries.push(entry);
    size += entry.length + 2;
  }
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\ndata: {${entries.join(', ')}}\n`;
}

/** NUL bytes inside a value (what an editor shows for a binary or UTF-16 file). */
export function nulBytes(): string {
  return `${CONFIGMAP_HEAD}  a: "x\u0000y"\n  b: \u0000\n`;
}

/** Bytes that are not UTF-8, decoded the way an editor (or Buffer) does: U+FFFD. */
export function invalidUtf8(): string {
  const bytes = Buffer.concat([Buffer.from(`${CONFIGMAP_HEAD}  a: "`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('"\n')]);
  return bytes.toString('utf8');
}

export function withBom(): string {
  return `\ufeff${CONFIGMAP_HEAD}  a: b\n`;
}

export function crlf(): string {
  return `${CONFIGMAP_HEAD}  a: b\n`.replace(/\n/g, '\r\n');
}

/** LF, CRLF and lone CR mixed (a lone CR is a line break to YAML, not to every editor). */
export function mixedLineEndings(): string {
  return 'apiVersion: v1\r\nkind: ConfigMap\nmetadata:\r\n  name: mixed\ndata:\r\n  a: b\r  c: d\n';
}

export function tabIndented(): string {
  return 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabs\ndata:\n\ta: b\n';
}

/** A Helm chart template: not YAML until rendered. */
export function helmTemplate(): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "app.fullname" . }}',
    '  labels:',
    '    {{- include "app.labels" . | nindent 4 }}',
    'spec:',
    '  {{- if not .Values.autoscaling.enabled }}',
    '  replicas: {{ .Values.replicaCount }}',
    '  {{- end }}',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: {{ .Chart.Name }}',
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
    '',
  ].join('\n');
}

export function onlyComments(): string {
  return '# nothing here yet\n#\n   # indented comment\n# apiVersion: v1\n';
}
