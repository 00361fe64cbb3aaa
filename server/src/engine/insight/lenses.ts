/**
 * Every code lens, from one provider (the client draws what the server sends): over an HPA what it
 * scales, over a Service or Deployment "Open in Grafana", over a Secret "Decode", over each alerting and recording
 * rule (rule files, PrometheusRule objects, rule files in ConfigMap keys) "Open in Grafana" with its expr. The
 * commands are the client's; their arguments say which document and line the lens is on.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import { withItems, type ManifestFile } from '../document/manifestFile';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { HPA_KIND, hpaTargetRef, resolveHpaTarget } from '../k8s/hpa';
import { hpaSummary } from './hpa';
import { definitionOf } from './hpaProbesCommon';
import { ruleLine, rulesOf } from '../monitoring/recordingRules';
import type { InsightLens, InsightProvider } from './types';

/** The client commands the lenses run (declared in package.json). */
export const LENS_COMMANDS = {
  revealTarget: 'biomeManifests.revealTarget',
  openGrafana: 'biomeManifests.openGrafana',
  decodeSecret: 'biomeManifests.decodeSecret',
} as const;

const GRAFANA_KINDS = new Set(['Service', 'Deployment']);

/** "scales Deployment main-app 2–10 at 50% CPU", revealing the target when it is in the workspace. */
function hpaLens(doc: ManifestDocument, index: WorkspaceIndex): InsightLens {
  const hpa = index.renderedOf(doc);
  const workload = resolveHpaTarget(index, hpa);
  const title = `scales ${hpaSummary(hpa)}${workload || !hpaTargetRef(hpa) ? '' : ' (target not found)'}`;
  const lens: InsightLens = { range: doc.rangeOfPath(['kind'], 'pair'), title };
  if (workload) lens.command = { id: LENS_COMMANDS.revealTarget, arguments: [definitionOf(workload)] };
  return lens;
}

/**
 * "Open in Grafana" over each rule with a name and an expr. The arguments name the rule, not its expr: the client
 * asks the server for the rule at the line when run, so a file of 10,000 rules does not send every expr with its lenses.
 */
function ruleLenses(doc: ManifestDocument, uri: string): InsightLens[] {
  const out: InsightLens[] = [];
  for (const rule of rulesOf(doc)) {
    const name = rule.alert ?? rule.record;
    const line = rule.expr === undefined || name === undefined ? undefined : ruleLine(rule);
    if (line === undefined) continue;
    const head = { start: { line, character: 0 }, end: { line, character: 0 } };
    out.push({ range: head, title: 'Open in Grafana', command: { id: LENS_COMMANDS.openGrafana, arguments: [{ uri, line, rule: name }] } });
  }
  return out;
}

function codeLenses(file: ManifestFile, index: WorkspaceIndex): InsightLens[] {
  const out: InsightLens[] = [];
  // Grafana and Decode act on files on disk (a Decode view saves back into its source file).
  const onDisk = file.uri.startsWith('file:');
  // HPAs inside a List get their lens too; Grafana and Decode open whole documents of a file.
  for (const doc of withItems(file.documents)) if (doc.identity?.kind === HPA_KIND) out.push(hpaLens(doc, index));
  for (const doc of file.documents) {
    if (onDisk) for (const lens of ruleLenses(doc, file.uri)) out.push(lens);
    const id = doc.identity;
    if (!id) continue;
    const line = doc.headRange().start.line;
    const head = { start: { line, character: 0 }, end: { line, character: 0 } };
    if (onDisk && GRAFANA_KINDS.has(id.kind)) {
      out.push({ range: head, title: 'Open in Grafana', command: { id: LENS_COMMANDS.openGrafana, arguments: [{ uri: file.uri, line }] } });
    }
    if (onDisk && id.kind === 'Secret') {
      const args = { uri: file.uri, line, name: id.name, namespace: id.namespace };
      out.push({ range: head, title: 'Decode', command: { id: LENS_COMMANDS.decodeSecret, arguments: [args] } });
    }
  }
  return out;
}

export const lensesInsight: InsightProvider = { id: 'lenses', codeLenses };
