/**
 * Suppressions: a comment `# biome-manifests-ignore <id>[, <id>] -- reason` on the line above a
 * finding or at the end of its line, the object annotation `biome-manifests.io/ignore: "<id>,…"`, and
 * kube-linter's `ignore-check.kube-linter.io/<check>` annotations for the checks that have an equivalent rule.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { ParsedChunk } from '../document/parsedChunk';
import type { Finding, Range } from '../types';
import { isPlainObject } from '../render/annotated';
import { directiveLine } from './directiveLine';
import { canonicalRuleId } from './ruleAliases';

export const IGNORE_ANNOTATION = 'biome-manifests.io/ignore';
export const KUBE_LINTER_PREFIX = 'ignore-check.kube-linter.io/';

/**
 * kube-linter check → the rule here that reports the same problem. Teams that already mark accepted
 * exceptions for kube-linter keep them; checks without an equivalent are not listed (README table).
 */
export const KUBE_LINTER_EQUIVALENTS: Readonly<Record<string, string>> = {
  'latest-tag': 'no-latest-tag',
  'no-readiness-probe': 'require-readiness-probe',
  'no-liveness-probe': 'require-liveness-probe',
  'dangling-service': 'no-unmatched-service-selector',
  'dangling-horizontalpodautoscaler': 'no-missing-hpa-target',
  'mismatching-selector': 'no-selector-template-mismatch',
  'env-var-secret': 'no-secret-in-env-value',
  'duplicate-env-var': 'no-duplicate-env',
  'invalid-target-ports': 'no-invalid-port-name',
  'liveness-port': 'no-undeclared-probe-port',
  'readiness-port': 'no-undeclared-probe-port',
  'startup-port': 'no-undeclared-probe-port',
};

const MARKER = 'biome-manifests-ignore';
const COMMENT = /^#\s*biome-manifests-ignore(?:\s+(.*?))?\s*(?:--\s*(.*?))?\s*$/;

/** One `# biome-manifests-ignore` comment. Lines are file lines. */
export interface Directive {
  /** Where the comment is (from `#` to the end of the line). */
  range: Range;
  ids: string[];
  /** The text after `--`, empty when none is given. */
  reason: string;
  /** The line whose findings it suppresses: its own (end of line) or the first non-comment line below. */
  target: number;
}

const directiveSeen = new WeakMap<object, boolean>();

function hasDirective(doc: ManifestDocument): boolean {
  let seen = directiveSeen.get(doc.chunk);
  if (seen === undefined) directiveSeen.set(doc.chunk, (seen = doc.text.includes('biome-manifests-ignore')));
  return seen;
}

/** The ids of a comma-separated list, a renamed rule's old id read as its new one. */
function idsIn(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(canonicalRuleId);
}

/**
 * What the "Ignore … here" quick fix writes after `--`: a visible placeholder, not a reason. It counts as no
 * reason, so suppression-missing-reason keeps asking for one until the user writes why.
 */
export const REASON_PLACEHOLDER = '<why>';

/** A suppression's reason: trimmed, and empty while it is still the quick fix's placeholder. */
function reasonText(raw: string): string {
  const reason = raw.trim();
  return reason === REASON_PLACEHOLDER ? '' : reason;
}

// Per parsed chunk (document-local lines): a chunk is immutable, and most have no directive at all.
const directiveCache = new WeakMap<ParsedChunk, readonly Directive[]>();

function localDirectives(chunk: ParsedChunk): readonly Directive[] {
  const cached = directiveCache.get(chunk);
  if (cached) return cached;
  const out: Directive[] = [];
  if (chunk.text.includes(MARKER)) {
    const lines = chunk.lines;
    for (let line = 0; line < lines.lineCount; line++) {
      const text = lines.lineText(line);
      const hashAt = text.indexOf('#');
      if (hashAt < 0 || !text.includes(MARKER, hashAt)) continue;
      const match = COMMENT.exec(text.slice(hashAt));
      if (!match) continue;
      let target = line;
      if (text.slice(0, hashAt).trim() === '') {
        // A comment line applies to the first line below that is not a comment (it may sit among other comments).
        target = line + 1;
        while (target < lines.lineCount && lines.lineText(target).trim().startsWith('#')) target++;
      }
      const range = { start: { line, character: hashAt }, end: { line, character: text.length } };
      out.push({ range, ids: idsIn(match[1] ?? ''), reason: reasonText(match[2] ?? ''), target });
    }
  }
  directiveCache.set(chunk, out);
  return out;
}

/** The document's suppression comments, with file lines. */
export function directivesOf(doc: ManifestDocument): Directive[] {
  const shift = doc.startLine;
  return localDirectives(doc.chunk).map((d) => ({
    ...d,
    range: {
      start: { line: d.range.start.line + shift, character: d.range.start.character },
      end: { line: d.range.end.line + shift, character: d.range.end.character },
    },
    target: d.target + shift,
  }));
}

/**
 * The file line whose directives apply to a finding on file line `line`: the line itself, or inside a
 * multi-line scalar the first line of the entry that owns it (a comment inside the scalar would be its text).
 */
export function directiveTarget(doc: ManifestDocument, line: number): number {
  return directiveLine(doc, line - doc.startLine) + doc.startLine;
}

/** Rule ids suppressed by comments for the finding at file line `line`. */
export function commentSuppressions(doc: ManifestDocument, line: number): string[] {
  if (!hasDirective(doc)) return [];
  const target = directiveTarget(doc, line);
  return directivesOf(doc).flatMap((d) => (d.target === target ? d.ids : []));
}

/** `"<id>, <id> -- reason"` → the ids and the reason (empty when none). */
function idsAndReason(value: string): { ids: string[]; reason: string } {
  const dashes = value.indexOf('--');
  return dashes < 0 ? { ids: idsIn(value), reason: '' } : { ids: idsIn(value.slice(0, dashes)), reason: reasonText(value.slice(dashes + 2)) };
}

/** A suppression annotation of an object: its key, the rule ids it suppresses and its reason. */
export interface AnnotationSuppression {
  key: string;
  ids: string[];
  reason: string;
}

/**
 * The object's suppression annotations: `biome-manifests.io/ignore: "<id>,… -- reason"`, and kube-linter's
 * `ignore-check.kube-linter.io/<check>: "<reason>"` for the checks with an equivalent rule here.
 */
export function suppressionAnnotations(value: unknown): AnnotationSuppression[] {
  if (!isPlainObject(value) || !isPlainObject(value.metadata)) return [];
  const annotations = value.metadata.annotations;
  if (!isPlainObject(annotations)) return [];
  const out: AnnotationSuppression[] = [];
  for (const [key, text] of Object.entries(annotations)) {
    if (key === IGNORE_ANNOTATION && typeof text === 'string') out.push({ key, ...idsAndReason(text) });
    const rule = key.startsWith(KUBE_LINTER_PREFIX) ? KUBE_LINTER_EQUIVALENTS[key.slice(KUBE_LINTER_PREFIX.length)] : undefined;
    if (rule) out.push({ key, ids: [rule], reason: typeof text === 'string' ? text.trim() : '' });
  }
  return out;
}

/** Rule ids suppressed by the object's annotations. */
export function annotationSuppressions(value: unknown): string[] {
  return suppressionAnnotations(value).flatMap((a) => a.ids);
}

/** What suppresses a finding: the object's annotations, a comment, or nothing. */
export function suppressionOf(
  finding: Finding,
  directives: readonly Directive[],
  objectIgnores: readonly string[],
  targetOf: (line: number) => number = (line) => line,
): 'annotation' | Directive | undefined {
  if (objectIgnores.includes(finding.code) || objectIgnores.includes('all')) return 'annotation';
  if (directives.length === 0) return undefined;
  const target = targetOf(finding.range.start.line);
  return directives.find((d) => d.target === target && d.ids.includes(finding.code));
}

export function isSuppressed(finding: Finding, doc: ManifestDocument, objectIgnores: readonly string[]): boolean {
  return suppressionOf(finding, directivesOf(doc), objectIgnores, (line) => directiveTarget(doc, line)) !== undefined;
}
