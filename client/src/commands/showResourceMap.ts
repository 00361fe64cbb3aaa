/** Show Resource Map: the workspace's resources and references in a webview; clicking a node opens its document. */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { ResourceGraphRequest } from '../../../server/src/protocol';
import { layoutGraph, type GraphLayout } from '../resourceMap/layout';
import { makeNonce, resourceMapHtml } from '../resourceMap/html';

export interface ResourceMapResult {
  nodes: number;
  edges: number;
  broken: number;
  /** References that resolve but do not work (drawn orange). */
  warnings: number;
}

export class ResourceMapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private layout: GraphLayout | undefined;

  constructor(private readonly ctx: Ctx) {}

  async show(): Promise<ResourceMapResult | undefined> {
    const graph = await this.ctx.request(ResourceGraphRequest, {});
    if (!graph) return undefined;
    const layout = layoutGraph(graph);
    this.layout = layout;
    const panel = this.panel ?? this.create();
    panel.webview.html = resourceMapHtml({ layout, nonce: makeNonce((n) => randomBytes(n)), cspSource: panel.webview.cspSource });
    panel.reveal(undefined, true);
    const broken = graph.edges.filter((e) => e.broken).length;
    return { nodes: graph.nodes.length, edges: graph.edges.length, broken, warnings: graph.edges.filter((e) => !e.broken && e.warning).length };
  }

  private create(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('biomeManifests.resourceMap', 'Resource Map', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message));
    this.panel = panel;
    return panel;
  }

  /** Messages come from the page: trust nothing but an index into the nodes we drew. */
  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; index?: unknown };
    if (m.type === 'refresh') {
      await this.show();
      return;
    }
    if (m.type !== 'open' || typeof m.index !== 'number' || !Number.isInteger(m.index)) return;
    const location = this.layout?.nodes[m.index]?.node.location;
    if (!location) return;
    const position = new vscode.Position(location.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), {
      viewColumn: vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

export function showResourceMap(ctx: Ctx): () => Promise<ResourceMapResult | undefined> {
  return () => ctx.feature('resourceMap', () => new ResourceMapPanel(ctx)).show();
}
