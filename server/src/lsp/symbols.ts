/** Document symbols (the outline: one entry per resource, its fields beneath in all but large files) and workspace symbols. */
import { type Node } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from '../engine/document/yamlGuards';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import { withItems, type ManifestFile } from '../engine/document/manifestFile';
import type { ManifestDocument } from '../engine/document/manifestDocument';
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';

const MAX_DEPTH = 6;

/**
 * Most entries in one outline (all levels): a 1,000,000-line file's full outline was a 220 MB
 * answer that blocked the server for 12 s, and nobody reads past a few thousand entries.
 */
export const MAX_DOCUMENT_SYMBOLS = 5000;

/** Entries left to give out in one answer. */
interface Budget {
  left: number;
  /** Set when an entry was left out for want of budget. */
  cut?: boolean;
}

/** Takes one entry from the budget; false (and noted) when none is left. */
function take(budget: Budget): boolean {
  if (budget.left <= 0) {
    budget.cut = true;
    return false;
  }
  budget.left--;
  return true;
}

function childSymbols(doc: ManifestDocument, node: unknown, depth: number, budget: Budget): DocumentSymbol[] {
  if (depth > MAX_DEPTH) return [];
  const out: DocumentSymbol[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      if (!take(budget)) break;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const range = doc.rangeOfPair(pair, 'pair');
      const selectionRange = doc.rangeOfNode(key);
      const detail = isScalar(value) ? String(value.value ?? '') : '';
      const kind = isMap(value) ? SymbolKind.Object : isSeq(value) ? SymbolKind.Array : SymbolKind.Property;
      out.push({ name: String((key as { value: unknown }).value), detail, kind, range, selectionRange, children: childSymbols(doc, value, depth + 1, budget) });
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const itemNode = node.items[i] as Node;
      if (!itemNode?.range) continue;
      if (!take(budget)) break;
      const name = isMap(itemNode) ? (itemName(itemNode) ?? `[${i}]`) : `[${i}]`;
      const range = doc.rangeOfNode(itemNode);
      out.push({ name, kind: SymbolKind.Object, range, selectionRange: range, children: childSymbols(doc, itemNode, depth + 1, budget) });
    }
  }
  return out;
}

function itemName(map: Node): string | undefined {
  if (!isMap(map)) return undefined;
  const name = map.get('name', true);
  return isScalar(name) ? String(name.value) : undefined;
}

function documentTitle(doc: ManifestDocument): string | undefined {
  const c = doc.class;
  switch (c.type) {
    case 'kubernetes':
      return `${c.kind} ${c.name ?? '(unnamed)'}`;
    case 'kustomization':
      return 'Kustomization';
    case 'prometheus-config':
      return 'Prometheus configuration';
    case 'alertmanager-config':
      return 'Alertmanager configuration';
    case 'prometheus-rules':
      return 'Prometheus rules';
    case 'grafana-dashboard':
      return 'Grafana dashboard';
    case 'other':
      return `Document ${doc.index + 1}`;
    default:
      return undefined;
  }
}

/** A document's entry (its own entry already taken from the budget); with `fields`, its fields beneath it, else only the items of a List. */
function documentSymbol(doc: ManifestDocument, name: string, budget: Budget, fields: boolean): DocumentSymbol {
  const contents = doc.yaml.contents as Node | null;
  const range = contents?.range ? doc.rangeOfNode(contents) : doc.headRange();
  const c = doc.class;
  const detail = c.type === 'kubernetes' ? `${c.apiVersion}${c.namespace !== 'default' ? ` · ${c.namespace}` : ''}` : '';
  const children = fields ? childSymbols(doc, contents, 1, budget) : [];
  // A List's `items` entry lists its items as the resources they are (`Deployment web`), not as `[0]`.
  const items: DocumentSymbol[] = [];
  for (const item of doc.items) if (take(budget)) items.push(documentSymbol(item, documentTitle(item)!, budget, fields));
  // Without fields, no empty `children` (optional in LSP): thousands of entries are sent on every edit.
  if (!fields) return { name, detail, kind: SymbolKind.Module, range, selectionRange: doc.headRange(), ...(items.length > 0 ? { children: items } : {}) };
  const itemsEntry = items.length > 0 ? children.find((s) => s.name === 'items') : undefined;
  if (itemsEntry) itemsEntry.children = items;
  return { name, detail, kind: SymbolKind.Module, range, selectionRange: doc.headRange(), children };
}

/**
 * Most entries of an outline with every document's fields. A larger file is outlined by its documents alone:
 * the editor converts and draws every entry of the answer on each edit (sticky scroll and breadcrumbs ask
 * for it), and a 1,441-document file's outline with fields was 1.1 MB that still stopped at its 248th
 * document; by documents it is 1,441 entries, each a place to go to (issue #15 item 10).
 */
export const FULL_OUTLINE_MAX_ENTRIES = 1000;

/**
 * The outline: documents in order, each with its fields when the whole file fits in
 * FULL_OUTLINE_MAX_ENTRIES, else each document alone; at most `limit` entries, the last of a capped
 * outline saying how many documents are left out.
 */
export function documentSymbols(file: ManifestFile, limit = MAX_DOCUMENT_SYMBOLS): DocumentSymbol[] {
  const full = outline(file, Math.min(limit, FULL_OUTLINE_MAX_ENTRIES), true);
  return full.complete ? full.symbols : outline(file, limit, false).symbols;
}

function outline(file: ManifestFile, limit: number, fields: boolean): { symbols: DocumentSymbol[]; complete: boolean } {
  const symbols: DocumentSymbol[] = [];
  const budget: Budget = { left: limit - 1 }; // one kept for the closing entry
  for (let i = 0; i < file.documents.length; i++) {
    const doc = file.documents[i]!;
    const name = documentTitle(doc);
    if (!name) continue;
    if (!take(budget)) {
      symbols.push(omittedSymbol(doc, file.documents.length - i, limit));
      return { symbols, complete: false };
    }
    symbols.push(documentSymbol(doc, name, budget, fields));
  }
  return { symbols, complete: !budget.cut };
}

/** The closing entry of a capped outline, at the first document left out. */
function omittedSymbol(doc: ManifestDocument, documents: number, limit: number): DocumentSymbol {
  const range = doc.headRange();
  const name = `… and ${documents} more document${documents === 1 ? '' : 's'} (the outline shows ${limit} entries)`;
  return { name, kind: SymbolKind.Null, range, selectionRange: range, children: [] };
}

export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = 500): SymbolInformation[] {
  const needle = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const file of index.files()) {
    for (const doc of withItems(file.documents)) {
      const c = doc.class;
      // A List stands for its items, which are listed themselves.
      if (c.type !== 'kubernetes' || doc.items.length > 0) continue;
      const name = `${c.kind} ${c.name ?? '(unnamed)'}`;
      if (needle && !name.toLowerCase().includes(needle)) continue;
      out.push({ name, kind: SymbolKind.Module, containerName: c.namespace, location: { uri: doc.uri, range: doc.headRange() } });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
