/** A resource graph's edges as one line each (`Service/web -[selects pods of]-> Deployment/web`), easy to compare whole. */
import type { ResourceGraph } from '../../server/src/engine/graph/graphTypes';

export function nodeLabel(graph: ResourceGraph, id: string): string {
  const node = graph.nodes.find((n) => n.id === id)!;
  return `${node.type === 'missing' ? 'MISSING ' : ''}${node.kind}/${node.name}`;
}

export function edgeLines(graph: ResourceGraph): string[] {
  return graph.edges.map((e) => `${nodeLabel(graph, e.from)} -[${e.label}${e.broken ? ', broken' : ''}]-> ${nodeLabel(graph, e.to)}`);
}
