/**
 * HPA insight: a hover summarizing what an HPA scales and whether it can, go to definition from
 * `scaleTargetRef` to the workload, references from a workload to its HPAs, completion of target
 * names, and the gist of an HPA its code lens shows (lenses.ts).
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { RenderedObject } from '../render/render';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { describeTargets, HPA_KIND, hasRequest, hpaBounds, hpasTargeting, hpaTargetRef, resolveHpaTarget, utilizationMetrics } from '../k8s/hpa';
import { containersOf, SCALABLE_KINDS } from '../k8s/podSpec';
import { definitionOf, locationOf, startsWith, textCursor } from './hpaProbesCommon';
import { escapeMarkdown, inlineCode, type CursorContext, type InsightCompletion, type InsightHover, type InsightProvider, type Location } from './types';

function isHpa(doc: ManifestDocument): boolean {
  return doc.identity?.kind === HPA_KIND;
}

/** `Deployment main-app 2–10 at 50% CPU`, the gist of an HPA. */
export function hpaSummary(hpa: RenderedObject): string {
  const ref = hpaTargetRef(hpa);
  const { min, max } = hpaBounds(hpa);
  const target = ref ? `${ref.kind} ${ref.name}` : 'an unnamed target';
  return `${target} ${min}–${max ?? '?'} at ${describeTargets(hpa)}`;
}

/** One line per utilization metric: do the target's containers request the resource? */
function requestLines(hpa: RenderedObject, workload: RenderedObject): string[] {
  const lines: string[] = [];
  for (const metric of utilizationMetrics(hpa)) {
    const containers = containersOf(workload).filter((c) => metric.container === undefined || c.name === metric.container);
    const missing = containers.filter((c) => !hasRequest(c.container, metric.resource)).map((c) => c.name);
    lines.push(
      missing.length === 0
        ? `- ✓ every container requests ${metric.resource}`
        : `- ✗ no ${metric.resource} request in ${missing.map((n) => inlineCode(n)).join(', ')}: utilization cannot be computed, the HPA will not scale`,
    );
  }
  return lines;
}

function hoverMarkdown(index: WorkspaceIndex, hpa: RenderedObject): string {
  const ref = hpaTargetRef(hpa);
  const { min, max } = hpaBounds(hpa);
  const name = escapeMarkdown(hpa.identity.name ?? '');
  const out = [
    `**HPA ${name}** scales ${ref ? `${ref.kind} ${inlineCode(ref.name)}` : 'nothing (no scaleTargetRef)'} between **${min}** and **${max ?? '?'}** replicas at **${escapeMarkdown(describeTargets(hpa))}**.`,
  ];
  const workload = ref ? resolveHpaTarget(index, hpa) : undefined;
  if (ref && !workload)
    out.push('', `${ref.kind} ${inlineCode(ref.name)} is not defined in namespace ${inlineCode(hpa.identity.namespace)} in this workspace.`);
  if (workload) {
    const where = workload.sources.map((s) => escapeMarkdown(s.uri.slice(s.uri.lastIndexOf('/') + 1))).join(' + ');
    out.push('', `Target defined in ${where}.`);
    const requests = requestLines(hpa, workload);
    if (requests.length > 0) out.push('', 'Requests:', ...requests);
  }
  return out.join('\n');
}

/** Cursor paths of an HPA where the hover applies. */
function onHpaSummaryField(path: readonly (string | number)[]): boolean {
  return (
    path.length === 0 ||
    startsWith(path, ['kind']) ||
    startsWith(path, ['metadata', 'name']) ||
    startsWith(path, ['spec', 'scaleTargetRef']) ||
    startsWith(path, ['spec', 'metrics']) ||
    startsWith(path, ['spec', 'minReplicas']) ||
    startsWith(path, ['spec', 'maxReplicas'])
  );
}

function hover(ctx: CursorContext): InsightHover | undefined {
  if (!isHpa(ctx.doc) || !onHpaSummaryField(ctx.at.path)) return undefined;
  const hpa = ctx.index.renderedOf(ctx.doc);
  const range = ctx.at.node?.range ? ctx.doc.range(ctx.at.node.range[0], ctx.at.node.range[1]) : undefined;
  return { markdown: hoverMarkdown(ctx.index, hpa), ...(range ? { range } : {}) };
}

function definition(ctx: CursorContext): Location[] {
  if (!isHpa(ctx.doc) || !startsWith(ctx.at.path, ['spec', 'scaleTargetRef'])) return [];
  const workload = resolveHpaTarget(ctx.index, ctx.index.renderedOf(ctx.doc));
  return workload ? [definitionOf(workload)] : [];
}

/** From a scalable workload (on its kind or name), the HPAs that scale it. */
function references(ctx: CursorContext): Location[] {
  const kind = ctx.doc.identity?.kind;
  if (!kind || !SCALABLE_KINDS.includes(kind)) return [];
  const path = ctx.at.path;
  if (!(path.length === 0 || startsWith(path, ['kind']) || startsWith(path, ['metadata', 'name']))) return [];
  return hpasTargeting(ctx.index, ctx.index.renderedOf(ctx.doc)).map((hpa) => locationOf(hpa.locate(['spec', 'scaleTargetRef', 'name'])));
}

/** Names of the workloads of the HPA's namespace, of the kind already written (or any scalable kind). */
function completion(ctx: CursorContext): InsightCompletion[] {
  if (!isHpa(ctx.doc)) return [];
  const cursor = textCursor(ctx);
  if (cursor.position !== 'value' || cursor.path.join('.') !== 'spec.scaleTargetRef.name') return [];
  const namespace = ctx.doc.identity!.namespace;
  const ref = ctx.index.renderedOf(ctx.doc).value.spec as { scaleTargetRef?: { kind?: unknown } } | undefined;
  const kind = typeof ref?.scaleTargetRef?.kind === 'string' ? ref.scaleTargetRef.kind : undefined;
  const kinds = kind ? [kind] : SCALABLE_KINDS;
  const seen = new Set<string>();
  const out: InsightCompletion[] = [];
  for (const k of kinds) {
    for (const workload of ctx.index.objectsOfKind(k, namespace)) {
      const name = workload.identity.name;
      if (!name || seen.has(`${k}/${name}`)) continue;
      seen.add(`${k}/${name}`);
      out.push({ label: name, detail: `${k} in ${namespace}` });
    }
  }
  return out;
}

export const hpaInsight: InsightProvider = { id: 'hpa', hover, definition, references, completion };
