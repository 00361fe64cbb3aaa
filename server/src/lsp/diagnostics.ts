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

function defaultDocsRoot(): string {
  for (const candidate of [path.resolve(__dirname, '../docs/rules'), path.resolve(__dirname, '../../../docs/rules')]) {
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(__dirname, '../docs/rules');
}

export function toDiagnostic(finding: Finding): Diagnostic {
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
