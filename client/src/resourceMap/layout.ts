/**
 * A layered layout for the resource map: one column per role (Prometheus jobs, Services, workloads, then HPAs,
 * patches, configuration and everything else), rows ordered to keep related nodes level (fewer crossings),
 * parallel references merged into one edge, edges as curves between facing sides with their label in the
 * gap next to their source. Pure and deterministic so the drawing is testable.
 */
import type { GraphEdge, GraphNode, ResourceGraph } from '../../../server/src/protocol';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 46;
/** Wide enough for a label of LABEL_CHARS characters at the map's 9px label font. */
export const COLUMN_GAP = 170;
/** Characters of an edge label that fit in a column gap; the full label stays in the edge's tooltip. */
export const LABEL_CHARS = 32;
const ROW_GAP = 18;
const MARGIN = 20;
const ORDERING_SWEEPS = 4;

export interface PlacedNode {
  node: GraphNode;
  x: number;
  y: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  /** Short label drawn on the map (parallel references merged: "reads keys A, B"). */
  label: string;
  /** Every reference the edge stands for, one per line, for its tooltip. */
  title: string;
  broken: boolean;
  /** What is wrong with a reference that resolves but does not work (drawn orange). */
  warning: string | undefined;
  /** SVG path data. */
  path: string;
  labelX: number;
  labelY: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod']);

/**
 * Prometheus jobs, then Services, then workloads, then what points at or is read by a workload (HPAs, patches,
 * Secrets, ConfigMaps): every reference crosses one gap only, so no line runs under an unrelated node.
 */
export function columnOf(node: GraphNode): number {
  if (node.type === 'patch' || node.kind === 'HorizontalPodAutoscaler') return 3;
  if (node.kind === 'PrometheusJob') return 0;
  if (node.kind === 'Service') return 1;
  if (WORKLOADS.has(node.kind)) return 2;
  // Secrets, ConfigMaps and every other kind (Namespaces…): one column, not a fifth one far to the right.
  return 3;
}

function compareNodes(a: GraphNode, b: GraphNode): number {
  const ka = `${a.kind}|${a.name}|${a.namespace ?? ''}|${a.id}`;
  const kb = `${b.kind}|${b.name}|${b.namespace ?? ''}|${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Merges references between the same two nodes: "reads key A" + "reads key B" → "reads keys A, B". */
export function mergeParallel(edges: readonly GraphEdge[]): Omit<PlacedEdge, 'path' | 'labelX' | 'labelY'>[] {
  const groups = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const labels = [...new Set(group.map((e) => e.label))];
    const keys = labels.every((l) => l.startsWith('reads key ')) ? labels.map((l) => l.slice('reads key '.length)) : undefined;
    const label = keys && keys.length > 1 ? `reads keys ${keys.join(', ')}` : labels.join(', ');
    const warnings = group.map((e) => e.warning).filter((w): w is string => w !== undefined);
    const title = group.map((e) => (e.warning ? `${e.label}: ${e.warning}` : e.label)).join('\n');
    return {
      from: first.from,
      to: first.to,
      label,
      title,
      broken: group.some((e) => e.broken),
      warning: warnings.length > 0 ? warnings.join('; ') : undefined,
    };
  });
}

/**
 * Orders each column's rows by the mean row of the nodes it is linked to (the barycenter heuristic), sweeping
 * left to right and back a few times; ties keep the name order. Linked nodes end up level, so edges run flat.
 */
function orderRows(columns: GraphNode[][], edges: readonly { from: string; to: string }[]): void {
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const row = new Map<string, number>();
  const column = new Map<string, number>();
  columns.forEach((nodes, c) => nodes.forEach((n, r) => (row.set(n.id, r), column.set(n.id, c))));
  for (let sweep = 0; sweep < ORDERING_SWEEPS; sweep++) {
    const order = columns.map((_, c) => c);
    if (sweep % 2 === 1) order.reverse();
    for (const c of order) {
      const nodes = columns[c]!;
      const weight = new Map<string, number>();
      for (const n of nodes) {
        const others = (neighbours.get(n.id) ?? []).filter((id) => column.get(id) !== c).map((id) => row.get(id)!);
        weight.set(n.id, others.length > 0 ? others.reduce((a, b) => a + b, 0) / others.length : row.get(n.id)!);
      }
      nodes.sort((a, b) => weight.get(a.id)! - weight.get(b.id)! || compareNodes(a, b));
      nodes.forEach((n, r) => row.set(n.id, r));
    }
  }
}

function cubic(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

function edgePath(from: PlacedNode, to: PlacedNode): Pick<PlacedEdge, 'path' | 'labelX' | 'labelY'> {
  const same = from.x === to.x;
  const forward = from.x <= to.x;
  const x1 = same || forward ? from.x + NODE_WIDTH : from.x;
  const x2 = same || !forward ? to.x + NODE_WIDTH : to.x;
  const y1 = from.y + NODE_HEIGHT / 2;
  const y2 = to.y + NODE_HEIGHT / 2;
  // Same column: loop out to the right so the curve does not cross the nodes.
  const bend = same ? NODE_WIDTH / 2 : Math.max(30, Math.abs(x2 - x1) / 2);
  const c1 = same ? x1 + bend : x1 + (forward ? bend : -bend);
  const c2 = same ? x2 + bend : x2 + (forward ? -bend : bend);
  const path = `M ${x1} ${y1} C ${c1} ${y1}, ${c2} ${y2}, ${x2} ${y2}`;
  // The label sits where the curve crosses the middle of the gap beside the source: never over a node, even
  // when the edge spans several columns. x grows (or shrinks) monotonically along these curves: bisect for t.
  const labelX = same ? x1 + bend * 0.75 : x1 + (forward ? COLUMN_GAP / 2 : -COLUMN_GAP / 2);
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 30 && !same; i++) {
    const mid = (lo + hi) / 2;
    const x = cubic(x1, c1, c2, x2, mid);
    if (forward ? x < labelX : x > labelX) lo = mid;
    else hi = mid;
  }
  const t = same ? 0.5 : (lo + hi) / 2;
  return { path, labelX, labelY: cubic(y1, y1, y2, y2, t) - 4 };
}

export function layoutGraph(graph: ResourceGraph): GraphLayout {
  const byColumn = new Map<number, GraphNode[]>();
  for (const node of graph.nodes) byColumn.set(columnOf(node), [...(byColumn.get(columnOf(node)) ?? []), node]);
  const used = [...byColumn.keys()].sort((a, b) => a - b);
  const columns = used.map((c) => byColumn.get(c)!.sort(compareNodes));
  const merged = mergeParallel(graph.edges);
  orderRows(columns, merged);
  const placed = new Map<string, PlacedNode>();
  let height = 0;
  columns.forEach((nodes, i) =>
    nodes.forEach((node, row) => {
      const p = { node, x: MARGIN + i * (NODE_WIDTH + COLUMN_GAP), y: MARGIN + row * (NODE_HEIGHT + ROW_GAP) };
      placed.set(node.id, p);
      height = Math.max(height, p.y + NODE_HEIGHT + MARGIN);
    }),
  );
  const edges: PlacedEdge[] = [];
  for (const edge of merged) {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    if (from && to) edges.push({ ...edge, ...edgePath(from, to) });
  }
  // Room on the right only for the loops of references within one column.
  const loops = edges.some((e) => placed.get(e.from)!.x === placed.get(e.to)!.x);
  const width = MARGIN * 2 + Math.max(1, used.length) * NODE_WIDTH + Math.max(0, used.length - 1) * COLUMN_GAP + (loops ? NODE_WIDTH / 2 : 0);
  return { width, height: Math.max(height, NODE_HEIGHT + MARGIN * 2), nodes: [...placed.values()], edges };
}
