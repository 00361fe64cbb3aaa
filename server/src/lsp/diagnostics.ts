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

/**
 * Findings of one file as diagnostics, bounded: errors first, then by position; when some are left
 * out, a last diagnostic on the first line says how many.
 */
export function toBoundedDiagnostics(findings: readonly Finding[], limit = MAX_DIAGNOSTICS_PER_FILE): Diagnostic[] {
  if (findings.length <= limit) return findings.map(toDiagnostic);
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  const kept = [...findings]
    .sort((a, b) => rank[a.severity] - rank[b.severity] || a.range.start.line - b.range.start.line)
    .slice(0, limit - 1)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const omitted = findings.length - kept.length;
  const first = { line: 0, character: 0 };
  return [
    ...kept.map(toDiagnostic),
    {
      range: { start: first, end: first },
      severity: DiagnosticSeverity.Information,
      code: 'too-many-problems',
      source: SOURCE,
      message: `${omitted} more problems in this file are not shown (${findings.length} in all; the first ${limit - 1}, errors first, are). Run \`biome-manifests check\` for the full list.`,
    },
  ];
}
