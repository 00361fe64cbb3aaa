/** Quick fixes read from each diagnostic's typed `data`, plus "Ignore <id> here" for every rule finding. */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { FindingData } from '../engine/types';
import type { ManifestFile } from '../engine/document/manifestFile';
import { SOURCE } from './diagnostics';
import { documentAtLine } from '../engine/document/documentAt';
import { directiveLine } from '../engine/lint/directiveLine';
import { REASON_PLACEHOLDER } from '../engine/lint/suppression';

/** The client command that opens docs/rules/<id>.md. */
export const SHOW_RULE_DOC_COMMAND = 'biomeManifests.showRuleDoc';

function isFindingData(data: unknown): data is FindingData {
  return typeof data === 'object' && data !== null && typeof (data as { ruleId?: unknown }).ruleId === 'string';
}

/** The comment line goes above the finding's line, or above the entry owning a multi-line scalar the line is in. */
function ignoreEdit(file: ManifestFile, diagnostic: Diagnostic, ruleId: string): TextEdit {
  const doc = documentAtLine(file.documents, diagnostic.range.start.line);
  const line = doc ? doc.startLine + directiveLine(doc, diagnostic.range.start.line - doc.startLine) : diagnostic.range.start.line;
  const text = file.lines.lineText(line);
  const indent = /^\s*(?:-\s+)?/.exec(text)?.[0].replace(/-/, ' ') ?? '';
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}# biome-manifests-ignore ${ruleId} -- ${REASON_PLACEHOLDER}${eol}`,
  };
}

export function codeActions(file: ManifestFile, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  const out: CodeAction[] = [];
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix));
  if (!wantsQuickFix) return out;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || !isFindingData(diagnostic.data)) continue;
    const data = diagnostic.data;
    data.fixes?.forEach((fix, i) => {
      const changes: WorkspaceEdit['changes'] = {};
      for (const f of fix.edits) changes[f.uri] = [...(changes[f.uri] ?? []), ...f.edits];
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && fix.safety === 'safe',
        edit: { changes },
      });
    });
    out.push({
      title: `Show documentation for ${data.ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for ${data.ruleId}`, command: SHOW_RULE_DOC_COMMAND, arguments: [data.ruleId] },
    });
    out.push({
      title: `Ignore ${data.ruleId} here`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [file.uri]: [ignoreEdit(file, diagnostic, data.ruleId)] } },
    });
  }
  return out;
}
