/**
 * Service insight: hover a selector to see the workloads it selects and a targetPort to see the
 * container port behind it; go from the selector to those workloads and from a targetPort to the
 * containerPort; find the Services selecting a workload; complete targetPorts from declared ports.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { podLabelsPath } from '../k8s/podSpec';
import { declaredPorts, describe, servicesSelecting, workloadsSelectedBy, type DeclaredPort } from '../k8s/selection';
import { at, num, str } from '../k8s/values';
import { locationOf, startsWith, textCursor } from './hpaProbesCommon';
import { escapeMarkdown, inlineCode, type CursorContext, type InsightCompletion, type InsightHover, type InsightProvider, type Location } from './types';

interface ServiceAt {
  service: RenderedObject;
  workloads: RenderedObject[];
}

function serviceAt(ctx: CursorContext): ServiceAt | undefined {
  if (ctx.doc.identity?.kind !== 'Service') return undefined;
  const service = ctx.index.renderedOf(ctx.doc);
  return { service, workloads: workloadsSelectedBy(ctx.index, service) };
}

/** The Service port index when the cursor is on `spec.ports[i].targetPort`. */
function targetPortIndex(path: ValuePath): number | undefined {
  return path.length === 4 && path[0] === 'spec' && path[1] === 'ports' && typeof path[2] === 'number' && path[3] === 'targetPort' ? path[2] : undefined;
}

/** The declared container ports a Service port targets (by name or number; the port itself when targetPort is unset). */
export function portsTargeted(service: RenderedObject, workloads: readonly RenderedObject[], index: number): DeclaredPort[] {
  const port = at(service.value, 'spec', 'ports', index);
  const target = at(port, 'targetPort') ?? at(port, 'port');
  const name = str(target);
  const number = num(target) ?? (name !== undefined && /^\d+$/.test(name) ? Number(name) : undefined);
  return declaredPorts(workloads).filter((p) => (number !== undefined ? p.number === number : p.name === name));
}

function portLine(p: DeclaredPort): string {
  const label = p.name ? `${inlineCode(p.name)} (${p.number ?? '?'})` : String(p.number ?? '?');
  return `- containerPort ${label}/${p.protocol} of container ${inlineCode(p.container)} in ${escapeMarkdown(describe(p.workload))}`;
}

function hover(ctx: CursorContext): InsightHover | undefined {
  const found = serviceAt(ctx);
  if (!found) return undefined;
  const { service, workloads } = found;
  const path = ctx.at.path;
  const portIndex = targetPortIndex(path);
  if (portIndex !== undefined) {
    const ports = portsTargeted(service, workloads, portIndex);
    if (workloads.length === 0) return { markdown: 'The Service selects no pod template in this workspace.' };
    return { markdown: ports.length > 0 ? `Targets:\n${ports.map(portLine).join('\n')}` : 'No selected container declares this port.' };
  }
  if (!startsWith(path, ['spec', 'selector'])) return undefined;
  const ns = inlineCode(service.identity.namespace);
  if (workloads.length === 0) return { markdown: `Selects **no pod template** in namespace ${ns} in this workspace: the Service has no endpoints.` };
  const lines = workloads.map(
    (w) => `- ${escapeMarkdown(describe(w))} (${w.sources.map((s) => escapeMarkdown(s.uri.slice(s.uri.lastIndexOf('/') + 1))).join(' + ')})`,
  );
  return { markdown: `Selects the pods of:\n${lines.join('\n')}` };
}

function labelsLocation(workload: RenderedObject): Location {
  return locationOf(workload.locate(podLabelsPath(workload.identity.kind) ?? ['metadata', 'name']), 'key');
}

function definition(ctx: CursorContext): Location[] {
  const found = serviceAt(ctx);
  if (!found) return [];
  const portIndex = targetPortIndex(ctx.at.path);
  if (portIndex !== undefined) {
    return portsTargeted(found.service, found.workloads, portIndex).map((p) => locationOf(p.workload.locate([...p.path, 'containerPort']), 'key'));
  }
  return startsWith(ctx.at.path, ['spec', 'selector']) ? found.workloads.map(labelsLocation) : [];
}

/** From a workload (its kind, name or template labels), the Services selecting its pods. */
function selectingServices(index: WorkspaceIndex, doc: ManifestDocument, path: ValuePath): Location[] {
  const kind = doc.identity?.kind;
  const labelsPath = kind ? podLabelsPath(kind) : undefined;
  if (!labelsPath) return [];
  const onWorkload = path.length === 0 || path[0] === 'kind' || (path[0] === 'metadata' && path[1] === 'name') || startsWith(path, labelsPath);
  if (!onWorkload) return [];
  return servicesSelecting(index, index.renderedOf(doc)).map((s) => locationOf(s.locate(['spec', 'selector']), 'key'));
}

function references(ctx: CursorContext): Location[] {
  return selectingServices(ctx.index, ctx.doc, ctx.at.path);
}

function completion(ctx: CursorContext): InsightCompletion[] {
  if (ctx.doc.identity?.kind !== 'Service') return [];
  const cursor = textCursor(ctx);
  if (cursor.position !== 'value' || targetPortIndex(cursor.path) === undefined) return [];
  const found = serviceAt(ctx);
  if (!found) return [];
  const out: InsightCompletion[] = [];
  const seen = new Set<string>();
  for (const p of declaredPorts(found.workloads)) {
    const detail = `containerPort ${p.number ?? '?'} of ${p.container} (${describe(p.workload)})`;
    for (const label of [p.name, p.number === undefined ? undefined : String(p.number)]) {
      if (label === undefined || seen.has(label)) continue;
      seen.add(label);
      out.push({ label, detail });
    }
  }
  return out;
}

export const servicesInsight: InsightProvider = { id: 'services', hover, definition, references, completion };
