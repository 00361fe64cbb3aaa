/**
 * The resource map's HTML: an inline SVG drawn from the layout, a strict Content-Security-Policy
 * with a nonce, no remote content, and every manifest-derived string escaped. Nodes carry only
 * their index (`data-index`), never their names, into attributes the script reads. Pure.
 */
import { LABEL_CHARS, NODE_HEIGHT, NODE_WIDTH, type GraphLayout, type PlacedEdge } from './layout';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function nodeSvg(layout: GraphLayout, index: number): string {
  const { node, x, y } = layout.nodes[index]!;
  const classes = ['node', `type-${node.type}`];
  const title = `${node.kind} ${node.name}${node.namespace ? ` (namespace ${node.namespace})` : ''}${node.type === 'missing' ? ' — not found in the workspace' : ''}`;
  const focusable = node.location ? ' tabindex="0" role="button"' : '';
  return (
    `<g class="${classes.join(' ')}" data-index="${index}"${focusable}>` +
    `<title>${escapeHtml(title)}</title>` +
    `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6"></rect>` +
    `<text class="kind" x="${x + 10}" y="${y + 17}">${escapeHtml(truncate(node.type === 'patch' ? `${node.kind} patch` : node.kind, 34))}</text>` +
    `<text class="name" x="${x + 10}" y="${y + 35}">${escapeHtml(truncate(node.name, 30))}</text>` +
    `</g>`
  );
}

/** `broken` (red) wins over `warning` (orange); plain references are grey. */
function edgeState(e: PlacedEdge): '' | 'broken' | 'warning' {
  return e.broken ? 'broken' : e.warning ? 'warning' : '';
}

function edgeSvg(layout: GraphLayout, index: number): string {
  const e = layout.edges[index]!;
  const state = edgeState(e);
  const marker = state ? `arrow-${state}` : 'arrow';
  return `<path class="edge${state ? ` ${state}` : ''}" d="${e.path}" marker-end="url(#${marker})"><title>${escapeHtml(e.title)}</title></path>`;
}

/** Labels are drawn after the nodes, with a halo in the background colour, so no line or node hides them. */
function edgeLabelSvg(layout: GraphLayout, index: number): string {
  const e = layout.edges[index]!;
  const state = edgeState(e);
  return (
    `<text class="edge-label${state ? ` ${state}` : ''}" x="${e.labelX}" y="${e.labelY}">` +
    `<title>${escapeHtml(e.title)}</title>${escapeHtml(truncate(e.label, LABEL_CHARS))}</text>`
  );
}

const STYLE = `
:root { --error: var(--vscode-editorError-foreground, #e51400); --warning: var(--vscode-editorWarning-foreground, #cca700); }
html, body { height: 100%; }
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); margin: 0; padding: 8px; box-sizing: border-box; display: flex; flex-direction: column; overflow: hidden; }
header { display: flex; gap: 16px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
.zoom { display: flex; gap: 4px; }
#map { flex: 1; width: 100%; min-height: 0; touch-action: none; cursor: grab; }
#map.panning { cursor: grabbing; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; }
.node rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, #888); stroke-width: 1; }
.node[tabindex] { cursor: pointer; }
.node[tabindex]:hover rect, .node[tabindex]:focus rect { stroke: var(--vscode-focusBorder); stroke-width: 2; }
.type-patch rect { stroke-dasharray: 4 3; }
.type-job rect { fill: var(--vscode-editorInfo-background, transparent); }
.type-missing rect { stroke: var(--error); stroke-dasharray: 5 3; fill: transparent; }
.type-missing text { fill: var(--error); }
text { fill: var(--vscode-foreground); font-size: 12px; }
text.kind { font-size: 10px; opacity: 0.75; }
.edge { fill: none; stroke: var(--vscode-descriptionForeground, #888); stroke-width: 1.3; }
.edge.broken { stroke: var(--error); stroke-width: 1.8; stroke-dasharray: 6 3; }
.edge.warning { stroke: var(--warning); stroke-width: 1.8; }
.edge-label { font-size: 9px; text-anchor: middle; paint-order: stroke; stroke: var(--vscode-editor-background, #1e1e1e); stroke-width: 3px; stroke-linejoin: round; }
.edge-label.broken { fill: var(--error); }
.edge-label.warning { fill: var(--warning); }
#arrow path { fill: var(--vscode-descriptionForeground, #888); }
#arrow-broken path { fill: var(--error); }
#arrow-warning path { fill: var(--warning); }
.broken-count { color: var(--error); }
.warning-count { color: var(--warning); }
`;

/**
 * The map opens fitted to the editor (the SVG fills the page and its viewBox is the whole graph); the wheel zooms
 * around the pointer, a drag pans, Fit / + / − do the same from buttons. A drag never counts as a click on a node.
 */
const SCRIPT = `
const vscode = acquireVsCodeApi();
const svg = document.getElementById('map');
const full = { x: 0, y: 0, w: Number(svg.dataset.width), h: Number(svg.dataset.height) };
let view = { ...full };
const apply = () => svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
const fit = () => { view = { ...full }; apply(); };
const center = () => ({ x: view.x + view.w / 2, y: view.y + view.h / 2 });
function zoom(factor, at) {
  const w = Math.min(full.w * 4, Math.max(full.w / 20, view.w * factor));
  const k = w / view.w;
  view = { x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k, w, h: view.h * k };
  apply();
}
function toSvg(event) {
  const m = svg.getScreenCTM().inverse();
  return { x: m.a * event.clientX + m.c * event.clientY + m.e, y: m.b * event.clientX + m.d * event.clientY + m.f };
}
svg.addEventListener('wheel', (event) => { event.preventDefault(); zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, toSvg(event)); }, { passive: false });
let drag;
let dragged = false;
svg.addEventListener('pointerdown', (event) => { drag = { x: event.clientX, y: event.clientY, view: { ...view } }; dragged = false; });
svg.addEventListener('pointermove', (event) => {
  if (!drag) return;
  const dx = event.clientX - drag.x;
  const dy = event.clientY - drag.y;
  if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
  dragged = true;
  svg.classList.add('panning');
  const scale = 1 / svg.getScreenCTM().a;
  view = { ...drag.view, x: drag.view.x - dx * scale, y: drag.view.y - dy * scale };
  apply();
});
window.addEventListener('pointerup', () => { drag = undefined; svg.classList.remove('panning'); });
document.getElementById('fit').addEventListener('click', fit);
document.getElementById('zoom-in').addEventListener('click', () => zoom(1 / 1.25, center()));
document.getElementById('zoom-out').addEventListener('click', () => zoom(1.25, center()));
for (const node of document.querySelectorAll('.node[tabindex]')) {
  const open = () => { if (!dragged) vscode.postMessage({ type: 'open', index: Number(node.getAttribute('data-index')) }); };
  node.addEventListener('click', open);
  node.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') open(); });
}
document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
`;

export interface MapPage {
  layout: GraphLayout;
  nonce: string;
  /** The webview's `cspSource` (allowed for nothing but kept for future local resources). */
  cspSource: string;
}

export function resourceMapHtml({ layout, nonce }: MapPage): string {
  const broken = layout.edges.filter((e) => e.broken).length;
  const warnings = layout.edges.filter((e) => !e.broken && e.warning).length;
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  const edges = layout.edges.map((_, i) => edgeSvg(layout, i)).join('');
  const labels = layout.edges.map((_, i) => edgeLabelSvg(layout, i)).join('');
  const nodes = layout.nodes.map((_, i) => nodeSvg(layout, i)).join('');
  const summary = `${layout.nodes.filter((n) => n.node.type !== 'missing').length} resources, ${layout.edges.length} references`;
  const brokenText =
    broken > 0 ? `<span class="broken-count">${broken} broken reference${broken === 1 ? '' : 's'} (red)</span>` : '<span>no broken references</span>';
  const warningText = warnings > 0 ? `<span class="warning-count">${warnings} reference${warnings === 1 ? '' : 's'} with a problem (orange)</span>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Resource Map</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header><strong>Resource Map</strong><span>${summary}</span>${brokenText}${warningText}<span class="zoom"><button id="fit" type="button" title="Fit the whole map in the editor">Fit</button><button id="zoom-in" type="button" title="Zoom in (or the mouse wheel)">+</button><button id="zoom-out" type="button" title="Zoom out">−</button></span><button id="refresh" type="button">Refresh</button></header>
<svg id="map" xmlns="http://www.w3.org/2000/svg" data-width="${layout.width}" data-height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" preserveAspectRatio="xMidYMin meet" role="img" aria-label="Resources and their references; drag to pan, wheel to zoom">
<defs>
<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"></path></marker>
<marker id="arrow-broken" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"></path></marker>
<marker id="arrow-warning" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"></path></marker>
</defs>
${edges}
${nodes}
${labels}
</svg>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

/** 32 random alphanumerics from a caller-supplied random source (crypto in the extension). */
export function makeNonce(randomBytes: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(32)].map((b) => alphabet[b % alphabet.length]).join('');
}
