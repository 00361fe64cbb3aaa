/**
 * `biomeManifests/services`: the workspace's Services with the Prometheus job that scrapes each
 * (for Grafana links), and the Service belonging to the document at a position — the Service
 * itself, or the Service selecting a workload's pods (else the one with the workload's name) —
 * or the alerting/recording rule at the position (Open Grafana opens Explore with its expr).
 */
import type { RenderedObject } from '../engine/render/render';
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import { WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { jobForService, scrapeJobs, servicePorts, type ScrapeJob } from '../engine/k8s/scrapeTargets';
import { servicesSelecting } from '../engine/k8s/selection';
import { ruleAtPosition, ruleLine } from '../engine/monitoring/recordingRules';
import type { ManifestDocument } from '../engine/document/manifestDocument';
import type { RuleInfo, ServiceInfo, ServicesParams, ServicesResult } from '../protocol';

function serviceInfo(service: RenderedObject, jobs: readonly ScrapeJob[]): ServiceInfo {
  const { name = '', namespace } = service.identity;
  const doc = service.base ?? service.sources[0]!;
  const job = jobForService(jobs, name, namespace);
  const ports = servicePorts(service).map((p) => p.port);
  return {
    name,
    namespace,
    uri: doc.uri,
    line: doc.headRange().start.line,
    job: job?.jobName ?? name,
    jobFrom: job ? 'prometheus' : 'service-name',
    ports,
  };
}

function serviceForWorkload(index: WorkspaceIndex, workload: RenderedObject, services: readonly RenderedObject[]): RenderedObject | undefined {
  const { name, namespace } = workload.identity;
  // The first in the listing's order (namespace/name), so the answer does not depend on index order.
  const selecting = new Set(servicesSelecting(index, workload).map((s) => s.identity.name));
  const sameNamespace = services.filter((s) => s.identity.namespace === namespace);
  return sameNamespace.find((s) => selecting.has(s.identity.name)) ?? sameNamespace.find((s) => s.identity.name === name);
}

function objectAt(index: WorkspaceIndex, uri: string, line: number): RenderedObject | undefined {
  const file = index.getFile(uri);
  if (!file) return undefined;
  // The document containing the line; a position on a `---` separator belongs to the next one.
  const doc = [...file.documents].reverse().find((d) => d.startLine <= line && d.identity);
  return doc?.identity ? index.renderedOf(doc) : undefined;
}

function ruleAt(index: WorkspaceIndex, { uri, line, character, rule: named }: ServicesParams & { uri: string; line: number }): RuleInfo | undefined {
  const doc: ManifestDocument | undefined = [...(index.getFile(uri)?.documents ?? [])].reverse().find((d) => d.startLine <= line);
  if (!doc) return undefined;
  const offset = character === undefined ? undefined : doc.localOffset(line, character);
  const rule = ruleAtPosition(doc, line, offset, named);
  const name = rule?.alert ?? rule?.record;
  if (!rule || name === undefined || rule.expr === undefined) return undefined;
  const type = rule.alert !== undefined ? 'alert' : 'record';
  return { name, type, group: rule.group, expr: rule.expr, uri: doc.uri, line: ruleLine(rule) ?? line };
}

export function listServices(index: WorkspaceIndex, params: ServicesParams): ServicesResult {
  const services = index.objectsOfKind('Service').sort((a, b) => {
    const ka = `${a.identity.namespace}/${a.identity.name ?? ''}`;
    const kb = `${b.identity.namespace}/${b.identity.name ?? ''}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const jobs = scrapeJobs(index.prometheusConfigs());
  const result: ServicesResult = { services: services.map((s) => serviceInfo(s, jobs)) };
  if (params.uri !== undefined && params.line !== undefined) {
    const object = objectAt(index, params.uri, params.line);
    let service: RenderedObject | undefined;
    if (object?.identity.kind === 'Service') service = object;
    else if (object && WORKLOAD_KINDS.includes(object.identity.kind)) service = serviceForWorkload(index, object, services);
    if (service) result.atCursor = serviceInfo(service, jobs);
    const rule = ruleAt(index, { ...params, uri: params.uri, line: params.line });
    if (rule) result.ruleAtCursor = rule;
  }
  return result;
}
