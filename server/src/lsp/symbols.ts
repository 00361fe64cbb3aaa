/** Document symbols (the outline: one entry per resource, its fields beneath) and workspace symbols. */
import { type Node } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from '../engine/document/yamlGuards';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import { withItems, type ManifestFile } from '../engine/document/manifestFile';
import type { ManifestDocument } from '../engine/document/manifestDocument';
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';

const MAX_DEPTH = 6;

function childSymbols(doc: ManifestDocument, node: unknown, depth: number): DocumentSymbol[] {
  if (depth > MAX_DEPTH) return [];
  const out: DocumentSymbol[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const range = doc.rangeOfPair(pair, 'pair');
      const selectionRange = doc.rangeOfNode(key);
      const detail = isScalar(value) ? String(value.value ?? '') : '';
      const kind = isMap(value) ? SymbolKind.Object : isSeq(value) ? SymbolKind.Array : SymbolKind.Property;
      out.push({ name: String((key as { value: unknown }).value), detail, kind, range, selectionRange, children: childSymbols(doc, value, depth + 1) });
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const itemNode = item as Node;
      if (!itemNode?.range) return;
      const name = isMap(itemNode) ? itemName(itemNode) ?? `[${i}]` : `[${i}]`;
      const range = doc.rangeOfNode(itemNode);
      out.push({ name, kind: SymbolKind.Object, range, selectionRange: range, children: childSymbols(doc, itemNode, depth + 1) });
    });
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
    case 'other':
      return `Document ${doc.index + 1}`;
    default:
      return undefined;
  }
}

function documentSymbol(doc: ManifestDocument, name: string): DocumentSymbol {
  const contents = doc.yaml.contents as Node | null;
  const range = contents?.range ? doc.rangeOfNode(contents) : doc.headRange();
  const c = doc.class;
  const detail = c.type === 'kubernetes' ? `${c.apiVersion}${c.namespace !== 'default' ? ` · ${c.namespace}` : ''}` : '';
  const children = childSymbols(doc, contents, 1);
  // A List's `items` entry lists its items as the resources they are (`Deployment web`), not as `[0]`.
  const items = doc.items.map((item) => documentSymbol(item, documentTitle(item)!));
  const itemsEntry = items.length > 0 ? children.find((s) => s.name === 'items') : undefined;
  if (itemsEntry) itemsEntry.children = items;
  return { name, detail, kind: SymbolKind.Module, range, selectionRange: doc.headRange(), children };
}

export function documentSymbols(file: ManifestFile): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const doc of file.documents) {
    const name = documentTitle(doc);
    if (name) out.push(documentSymbol(doc, name));
  }
  return out;
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
