/**
 * A layered layout for the resource map: one column per role (jobs and HPAs, Services, workloads,
 * configuration and patches, everything else), nodes sorted by name within a column, edges as
 * curves between facing sides. Pure and deterministic so the drawing is testable.
 */
import type { GraphNode, ResourceGraph } from '../../protocol';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 46;
const COLUMN_GAP = 90;
const ROW_GAP = 18;
const MARGIN = 20;

export interface PlacedNode {
  node: GraphNode;
  x: number;
  y: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  label: string;
  broken: boolean;
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

export function columnOf(node: GraphNode): number {
  if (node.type === 'patch') return 3;
  if (node.kind === 'PrometheusJob' || node.kind === 'HorizontalPodAutoscaler') return 0;
  if (node.kind === 'Service') return 1;
  if (WORKLOADS.has(node.kind)) return 2;
  if (node.kind === 'Secret' || node.kind === 'ConfigMap') return 3;
  return 4;
}

function compareNodes(a: GraphNode, b: GraphNode): number {
  const ka = `${a.kind}|${a.name}|${a.namespace ?? ''}|${a.id}`;
  const kb = `${b.kind}|${b.name}|${b.namespace ?? ''}|${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function edgePath(from: PlacedNode, to: PlacedNode): Omit<PlacedEdge, 'from' | 'to' | 'label' | 'broken'> {
  const forward = from.x <= to.x;
  const x1 = forward ? from.x + NODE_WIDTH : from.x;
  const x2 = forward ? to.x : to.x + NODE_WIDTH;
  const y1 = from.y + NODE_HEIGHT / 2;
  const y2 = to.y + NODE_HEIGHT / 2;
  // Same column: loop out to the right so the curve does not cross the nodes.
  const bend = from.x === to.x ? NODE_WIDTH / 2 : Math.max(30, Math.abs(x2 - x1) / 2);
  const c1 = from.x === to.x ? from.x + NODE_WIDTH + bend : x1 + (forward ? bend : -bend);
  const c2 = from.x === to.x ? to.x + NODE_WIDTH + bend : x2 + (forward ? -bend : bend);
  const sx = from.x === to.x ? from.x + NODE_WIDTH : x1;
  const ex = from.x === to.x ? to.x + NODE_WIDTH : x2;
  return { path: `M ${sx} ${y1} C ${c1} ${y1}, ${c2} ${y2}, ${ex} ${y2}`, labelX: (sx + ex) / 2, labelY: (y1 + y2) / 2 - 4 };
}

export function layoutGraph(graph: ResourceGraph): GraphLayout {
  const columns = new Map<number, GraphNode[]>();
  for (const node of graph.nodes) {
    const col = columnOf(node);
    columns.set(col, [...(columns.get(col) ?? []), node]);
  }
  const used = [...columns.keys()].sort((a, b) => a - b);
  const placed = new Map<string, PlacedNode>();
  let height = 0;
  used.forEach((col, i) => {
    const nodes = columns.get(col)!.sort(compareNodes);
    nodes.forEach((node, row) => {
      const p = { node, x: MARGIN + i * (NODE_WIDTH + COLUMN_GAP), y: MARGIN + row * (NODE_HEIGHT + ROW_GAP) };
      placed.set(node.id, p);
      height = Math.max(height, p.y + NODE_HEIGHT + MARGIN);
    });
  });
  const edges: PlacedEdge[] = [];
  for (const edge of graph.edges) {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    if (from && to) edges.push({ ...edge, ...edgePath(from, to) });
  }
  const width = MARGIN * 2 + Math.max(1, used.length) * NODE_WIDTH + Math.max(0, used.length - 1) * COLUMN_GAP + NODE_WIDTH / 2;
  return { width, height: Math.max(height, NODE_HEIGHT + MARGIN * 2), nodes: [...placed.values()], edges };
}
