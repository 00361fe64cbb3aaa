/**
 * Findings about suppression comments themselves: one without a reason (a reviewer cannot tell why the
 * finding was accepted) and, when asked, one that suppresses nothing (it would silently hide a future finding).
 */
import type { Finding } from '../types';
import type { LintSettings } from './settings';
import type { ManifestDocument } from '../document/manifestDocument';
import { suppressionAnnotations, suppressionOf, type Directive } from './suppression';

export const MISSING_REASON = 'suppression-missing-reason';
export const UNUSED_SUPPRESSION = 'unused-suppression';

/** Applies a document's suppressions to its findings, remembering which comment suppressed which code. */
export class SuppressionTracker {
  private readonly used = new Set<string>();
  /** Codes the object's annotations suppressed in this document. */
  private readonly usedByAnnotation = new Set<string>();

  constructor(
    private readonly uri: string,
    private readonly directives: readonly Directive[],
    /** The line whose directives apply to a finding's line (see directiveTarget). */
    private readonly targetOf: (line: number) => number = (line) => line,
  ) {}

  /** True when the finding is suppressed (by the object's annotations or a comment). */
  suppresses(finding: Finding, objectIgnores: readonly string[]): boolean {
    if (this.directives.length === 0 && objectIgnores.length === 0) return false;
    const by = suppressionOf(finding, this.directives, objectIgnores, this.targetOf);
    if (by === undefined) return false;
    if (by === 'annotation') this.usedByAnnotation.add(finding.code);
    else this.used.add(`${by.range.start.line}|${finding.code}`);
    return true;
  }

  /** Whether the object's annotations suppressed a finding of `code` in this document. */
  suppressedByAnnotation(code: string): boolean {
    return this.usedByAnnotation.has(code);
  }

  /** Call after every finding of the document went through `suppresses`. */
  findings(settings: LintSettings): Finding[] {
    const out: Finding[] = [];
    const missingLevel = settings.rules[MISSING_REASON] ?? 'warning';
    const unusedLevel = settings.rules[UNUSED_SUPPRESSION] ?? 'warning';
    for (const d of this.directives) {
      if (d.ids.length === 0) continue;
      const list = d.ids.join(', ');
      if (d.reason === '' && missingLevel !== 'off') {
        const message = `The suppression of ${list} gives no reason: add one after \`--\` (\`# biome-manifests-ignore ${list} -- <why>\`) so that reviewers can tell why the finding is accepted.`;
        out.push({ code: MISSING_REASON, severity: missingLevel, message, uri: this.uri, range: d.range });
      }
      if (!settings.reportUnusedSuppressions || unusedLevel === 'off') continue;
      for (const id of d.ids) {
        if (this.used.has(`${d.range.start.line}|${id}`)) continue;
        const message = `\`biome-manifests-ignore ${id}\` suppresses nothing: there is no ${id} finding on the line it applies to. Remove it, so that it cannot hide a future finding.`;
        out.push({ code: UNUSED_SUPPRESSION, severity: unusedLevel, message, uri: this.uri, range: d.range });
      }
    }
    return out;
  }
}

/**
 * With `reportUnusedSuppressions`, the ids of the object's suppression annotations that suppressed no finding of
 * the document (call after `findings`, for a document that is the only source of its object: an annotation of a base
 * also covers its patches' findings, which another document's check sees).
 */
export function unusedAnnotationFindings(
  tracker: { suppressedByAnnotation(code: string): boolean },
  doc: ManifestDocument,
  uri: string,
  settings: LintSettings,
): Finding[] {
  const level = settings.rules[UNUSED_SUPPRESSION] ?? 'warning';
  if (!settings.reportUnusedSuppressions || level === 'off' || doc.class.type !== 'kubernetes') return [];
  const out: Finding[] = [];
  for (const a of suppressionAnnotations(doc.plain().value)) {
    for (const id of a.ids) {
      if (id === 'all' || tracker.suppressedByAnnotation(id)) continue;
      const message = `The annotation ${a.key} suppresses ${id}, but this object has no ${id} finding. Remove ${id} from it, so that it cannot hide a future finding.`;
      out.push({ code: UNUSED_SUPPRESSION, severity: level, message, uri, range: doc.rangeOfPath(['metadata', 'annotations', a.key]) });
    }
  }
  return out;
}

/** Suppression annotations of the document's own object that give no reason (they still suppress). */
export function annotationReasonFindings(doc: ManifestDocument, uri: string, settings: LintSettings): Finding[] {
  const level = settings.rules[MISSING_REASON] ?? 'warning';
  if (level === 'off' || doc.class.type !== 'kubernetes') return [];
  return suppressionAnnotations(doc.plain().value)
    .filter((a) => a.reason === '' && a.ids.length > 0)
    .map((a) => {
      const how = a.key.startsWith('ignore-check.')
        ? 'write why as its value (kube-linter reads it as the reason too)'
        : `add one after \`--\` (\`"${a.ids.join(', ')} -- <why>"\`)`;
      const message = `The annotation ${a.key} suppresses ${a.ids.join(', ')} without a reason: ${how}, so that reviewers can tell why the finding is accepted.`;
      return { code: MISSING_REASON, severity: level, message, uri, range: doc.rangeOfPath(['metadata', 'annotations', a.key]) };
    });
}
