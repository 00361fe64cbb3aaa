/** `biomeManifests/resourceGraph`: the resource map's data (built by the pure engine module). */
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import { buildResourceGraph } from '../engine/graph/resourceGraph';
import type { ResourceGraph } from '../protocol';

export function resourceGraph(index: WorkspaceIndex): ResourceGraph {
  return buildResourceGraph(index);
}
