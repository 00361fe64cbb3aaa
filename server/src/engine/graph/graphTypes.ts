/** The resource map's graph: plain data, sent to the client as is (protocol.ts re-exports it type-only). */
export type GraphNodeKind = 'resource' | 'patch' | 'job' | 'missing';

export interface GraphNode {
  id: string;
  type: GraphNodeKind;
  /** Kubernetes kind, `PrometheusJob`, or the kind a missing reference expected. */
  kind: string;
  name: string;
  namespace?: string;
  /** Where clicking the node goes; none for missing objects. */
  location?: { uri: string; line: number };
}

export interface GraphEdge {
  from: string;
  to: string;
  /** What the reference is: `selects`, `scales`, `uses secret`, `patches`, `scrapes`, … */
  label: string;
  broken: boolean;
  /** What is wrong with a reference that resolves but does not work (a scrape of a port the Service does not expose). */
  warning?: string;
}

export interface ResourceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
