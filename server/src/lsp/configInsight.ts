/** Completion and hover on `.biome-manifests.yaml` as LSP results (the knowledge is in engine/config/configInsight.ts). */
import { CompletionItemKind, MarkupKind, type CompletionList, type Hover, type Position } from 'vscode-languageserver/node';
import { configCompletions, configHover } from '../engine/config/configInsight';
import { defaultCatalog } from '../projectConfig';

export function configCompletionAt(text: string, position: Position): CompletionList {
  const { prefixStart, items } = configCompletions(text, position.line, position.character, defaultCatalog());
  const range = { start: { line: position.line, character: Math.min(prefixStart, position.character) }, end: position };
  return {
    isIncomplete: false,
    items: items.map((item) => ({
      label: item.label,
      kind: item.insertText.endsWith(': ') ? CompletionItemKind.Property : CompletionItemKind.Value,
      documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
      textEdit: { range, newText: item.insertText },
    })),
  };
}

export function configHoverAt(text: string, position: Position): Hover | null {
  const value = configHover(text, position.line, position.character, defaultCatalog());
  return value ? { contents: { kind: MarkupKind.Markdown, value } } : null;
}
