/** Engine findings → LSP diagnostics (severity, code, docs link, typed data, related info, tags). */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../engine/types';

export const SOURCE = 'biome-manifests';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const docLinks = new Map<string, string | undefined>();

/** `docs/rules/<code>.md` next to the bundle (dist/..) or the sources, as a file URI, when it exists. */
export function ruleDocUri(code: string, docsRoot = defaultDocsRoot()): string | undefined {
  const key = `${docsRoot}|${code}`;
  if (!docLinks.has(key)) {
    const file = path.join(docsRoot, `${code}.md`);
    docLinks.set(key, /^[a-z0-9-]+$/.test(code) && existsSync(file) ? pathToFileURL(file).href : undefined);
  }
  return docLinks.get(key);
}

let docsRoot: string | undefined;

/** Found once: it was looked up (two existsSync calls) for each of a file's diagnostics on every publish. */
function defaultDocsRoot(): string {
  docsRoot ??= findDocsRoot();
  return docsRoot;
}

function findDocsRoot(): string {
  for (const candidate of [path.resolve(__dirname, '../docs/rules'), path.resolve(__dirname, '../../../docs/rules')]) {
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(__dirname, '../docs/rules');
}

/**
 * One diagnostic per finding object: the linter keeps a finding as the same object while it does not
 * move, so a publish after an edit converts only the findings that are new or moved.
 */
const diagnosticOf = new WeakMap<Finding, Diagnostic>();

export function toDiagnostic(finding: Finding): Diagnostic {
  let diagnostic = diagnosticOf.get(finding);
  if (!diagnostic) diagnosticOf.set(finding, (diagnostic = newDiagnostic(finding)));
  return diagnostic;
}

function newDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: SOURCE,
    message: finding.message,
  };
  const href = ruleDocUri(finding.code);
  if (href) diagnostic.codeDescription = { href };
  if (finding.data) diagnostic.data = finding.data;
  if (finding.related) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  }
  if (finding.tags) {
    diagnostic.tags = finding.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  return diagnostic;
}

/** Most diagnostics sent for one file: past this an editor slows down and a person reads no further. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * Findings of one file as diagnostics, bounded: errors first, then by position; when some are left
 * out, a last diagnostic on the first line says how many.
 */
export function toBoundedDiagnostics(findings: readonly Finding[], limit = MAX_DIAGNOSTICS_PER_FILE): Diagnostic[] {
  if (findings.length <= limit) return findings.map(toDiagnostic);
  const kept = keptIndices(findings, limit - 1);
  const omitted = findings.length - kept.length;
  const first = { line: 0, character: 0 };
  const out = kept.map((i) => toDiagnostic(findings[i]!));
  out.push({
    range: { start: first, end: first },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    source: SOURCE,
    message: `${omitted} more problems in this file are not shown (${findings.length} in all; the first ${limit - 1}, errors first, are). Run \`biome-manifests check\` for the full list.`,
  });
  return out;
}

/**
 * The indices of the first `keep` findings by (severity, line), in position order. Every finding of
 * the levels above the one where the bound falls is kept; only that level is sorted (a file with
 * thousands of warnings sorted its findings twice on every publish).
 */
function keptIndices(findings: readonly Finding[], keep: number): number[] {
  const counts = [0, 0, 0, 0];
  for (const f of findings) counts[RANK[f.severity]]!++;
  let level = 0;
  let above = 0;
  while (above + counts[level]! < keep) above += counts[level++]!;
  const atLevel: number[] = [];
  const kept: number[] = [];
  findings.forEach((f, i) => {
    const rank = RANK[f.severity];
    if (rank < level) kept.push(i);
    else if (rank === level) atLevel.push(i);
  });
  const line = (i: number): number => findings[i]!.range.start.line;
  atLevel.sort((a, b) => line(a) - line(b) || a - b);
  for (const i of atLevel.slice(0, keep - above)) kept.push(i);
  // Position order; on one position, the more severe first, then the findings' order.
  const character = (i: number): number => findings[i]!.range.start.character;
  const rankOf = (i: number): number => RANK[findings[i]!.severity];
  return kept.sort((a, b) => line(a) - line(b) || character(a) - character(b) || rankOf(a) - rankOf(b) || a - b);
}
