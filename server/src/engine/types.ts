/** Engine-level value types. Structurally identical to LSP's so the LSP layer passes them through. */

export interface Position {
  /** Zero-based line. */
  line: number;
  /** Zero-based UTF-16 code unit offset in the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A path into a YAML/JSON value: map keys and sequence indexes. */
export type ValuePath = readonly (string | number)[];

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** One problem found in a manifest, by the parser, the schema validator or a rule. */
export interface Finding {
  /** Rule id or a built-in code such as `yaml-syntax` or `schema-unknown-field`. Always set. */
  code: string;
  severity: Severity;
  message: string;
  uri: string;
  range: Range;
  /** The id of the rule's message this finding's text comes from (rules only: see engine/lint/rule.ts). */
  messageId?: string;
  /** Typed payload a quick fix reads back (never keyed by message text). */
  data?: FindingData;
  related?: RelatedLocation[];
  /** Marks findings whose fix makes code unnecessary/deprecated: drives LSP diagnostic tags. */
  tags?: ('unnecessary' | 'deprecated')[];
}

/** Data attached to a finding; `fixes` are edits computed up front by the rule, offered as code actions. */
export interface FindingData {
  ruleId: string;
  fixes?: FindingFix[];
  [key: string]: unknown;
}

export interface FindingFix {
  title: string;
  /** `safe` fixes may be applied in bulk (fix-all); `unsafe` ones only one at a time. */
  safety: 'safe' | 'unsafe';
  edits: { uri: string; edits: TextEdit[] }[];
}

export function pathToString(path: ValuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
