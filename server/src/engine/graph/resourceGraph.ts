/**
 * The workspace's resources and the references between them, as a graph for the resource map:
 * Service → pods, HPA → workload, workload → Secret/ConfigMap, patch → base, Prometheus job → Service.
 * A reference whose target is not in the workspace points to a `missing` node and is `broken`.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import { withItems } from '../document/manifestFile';
import type { RenderedObject } from '../render/render';
import { folderOf, type WorkspaceIndex } from '../workspace/workspaceIndex';
import { createdElsewhere } from '../k8s/createdElsewhere';
import { hpaTargetRef } from '../k8s/hpa';
import { objectRefsOf } from '../k8s/podRefs';
import { WORKLOAD_KINDS } from '../k8s/podSpec';
import { exposes, resolveServices, scrapeJobs, serviceHost, servicePorts, type ScrapeTarget } from '../k8s/scrapeTargets';
import { keysFilledByCluster, keysOf } from '../k8s/secretData';
import { serviceSelector, workloadsSelectedBy } from '../k8s/selection';
import type { GraphEdge, GraphNode, ResourceGraph } from './graphTypes';

/**
 * The object's first line (usually `apiVersion:`), where a click on its node lands: the top of the object reads
 * naturally, while the `kind:` line is often its second. Falls back to the kind line for an empty document.
 */
function headLine(doc: ManifestDocument): number {
  const contents = doc.yaml.contents;
  return contents?.range ? doc.range(contents.range[0]).start.line : doc.headRange().start.line;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export function resourceId(object: RenderedObject): string {
  const { kind, namespace, name } = object.identity;
  return `res:${folderOf(object.sources[0]!.uri)}|${kind}/${namespace}/${name ?? ''}`;
}

class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  constructor(private readonly index: WorkspaceIndex) {}

  resource(object: RenderedObject): string {
    const id = resourceId(object);
    const { kind, namespace, name } = object.identity;
    const doc = object.base ?? object.sources[0]!;
    if (!this.nodes.has(id)) this.nodes.set(id, { id, type: 'resource', kind, name: name ?? '', namespace, location: { uri: doc.uri, line: headLine(doc) } });
    return id;
  }

  missing(kind: string, name: string, namespace?: string): string {
    const id = `missing:${kind}/${namespace ?? ''}/${name}`;
    if (!this.nodes.has(id)) this.nodes.set(id, { id, type: 'missing', kind, name, ...(namespace ? { namespace } : {}) });
    return id;
  }

  node(node: GraphNode): string {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
    return node.id;
  }

  edge(from: string, to: string, label: string, broken: boolean, warning?: string): void {
    const key = `${from}→${to}|${label}`;
    if (!this.edges.has(key)) this.edges.set(key, { from, to, label, broken, ...(warning ? { warning } : {}) });
  }

  /** Or a missing node when the object is not in the workspace. */
  target(kind: string, namespace: string, name: string, nearUri: string): { id: string; object?: RenderedObject } {
    const object = this.index.lookup(kind, namespace, name, nearUri);
    return object ? { id: this.resource(object), object } : { id: this.missing(kind, name, namespace) };
  }

  result(): ResourceGraph {
    const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const edges = [...this.edges.values()].sort((a, b) => (a.from + a.to + a.label < b.from + b.to + b.label ? -1 : 1));
    return { nodes: [...this.nodes.values()].sort(byId), edges };
  }
}

function allObjects(index: WorkspaceIndex): RenderedObject[] {
  const seen = new Set<string>();
  const out: RenderedObject[] = [];
  for (const file of index.files()) {
    for (const doc of withItems(file.documents)) {
      // A List is a node per item, not one for the List.
      if (!doc.identity || doc.items.length > 0) continue;
      const object = index.renderedOf(doc);
      const id = resourceId(object);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(object);
    }
  }
  return out;
}

function addServiceEdges(g: GraphBuilder, index: WorkspaceIndex, service: RenderedObject): void {
  const selector = serviceSelector(service);
  if (!selector) return;
  const from = g.resource(service);
  const selected = workloadsSelectedBy(index, service);
  for (const w of selected) g.edge(from, g.resource(w), 'selects pods of', false);
  if (selected.length === 0) {
    const labels = Object.entries(selector)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(',');
    g.edge(from, g.missing('Pod', labels, service.identity.namespace), 'selects no pods', true);
  }
}

function addHpaEdges(g: GraphBuilder, hpa: RenderedObject): void {
  const ref = hpaTargetRef(hpa);
  if (!ref) return;
  const target = g.target(ref.kind, hpa.identity.namespace, ref.name, hpa.sources[0]!.uri);
  g.edge(g.resource(hpa), target.id, 'scales', !target.object);
}

/** Broken as no-missing-secret(-key)/no-missing-configmap(-key) judge it (the same references, the same exceptions). */
function addWorkloadEdges(g: GraphBuilder, index: WorkspaceIndex, workload: RenderedObject): void {
  const from = g.resource(workload);
  const { namespace } = workload.identity;
  for (const ref of objectRefsOf(workload)) {
    const target = g.target(ref.kind, namespace, ref.name, workload.sources[0]!.uri);
    const label = ref.key !== undefined ? `reads key ${ref.key}` : `uses ${ref.kind}`;
    let broken: boolean;
    if (!target.object) broken = !createdElsewhere(index, workload, ref.kind, namespace, ref.name);
    else broken = ref.key !== undefined && !keysFilledByCluster(target.object) && !keysOf(target.object).has(ref.key);
    g.edge(from, target.id, label, !ref.optional && broken);
  }
}

function addPatchEdges(g: GraphBuilder, object: RenderedObject): void {
  const { kind, namespace, name } = object.identity;
  const to = object.base ? g.resource(object) : g.missing(kind, name ?? '', namespace);
  for (const patch of object.patches) {
    const id = g.node({
      id: `patch:${patch.uri}#${patch.index}`,
      type: 'patch',
      kind,
      name: fileName(patch.uri),
      namespace,
      location: { uri: patch.uri, line: headLine(patch) },
    });
    g.edge(id, to, object.base ? 'patches' : 'patches (no base)', !object.base);
  }
}

/** Why scraping `port` on the Service's name fails, when it does (as no-unexposed-scrape-port reports). */
function unexposedPort(service: RenderedObject, port: number | undefined): string | undefined {
  if (port === undefined || exposes(service, port)) return undefined;
  const ports = servicePorts(service).map((p) =>
    p.targetPort !== undefined && p.targetPort !== p.port ? `${p.port} (targetPort ${p.targetPort})` : String(p.port),
  );
  return `Service ${service.identity.name ?? ''} does not expose port ${port}${ports.length > 0 ? `; it exposes ${ports.join(', ')}` : ''}`;
}

/**
 * The Services a target designates, as no-unknown-scrape-target judges it: undefined when the host is
 * not a Service name (an IP, an external domain), or a `svc.ns` name whose namespace is not here.
 */
function scrapedServices(index: WorkspaceIndex, target: ScrapeTarget): { host: string; namespace?: string; found: RenderedObject[] } | undefined {
  const host = serviceHost(target.host);
  if (!host) return undefined;
  const found = resolveServices(index, host);
  if (found.length === 0 && !host.certain && !index.lookup('Namespace', 'default', host.namespace!)) return undefined;
  return { host: host.name, ...(host.namespace !== undefined ? { namespace: host.namespace } : {}), found };
}

function addJobEdges(g: GraphBuilder, index: WorkspaceIndex): void {
  for (const job of scrapeJobs(index.prometheusConfigs())) {
    const line = job.doc.rangeOfPath(job.path, 'value').start.line;
    const id = g.node({ id: `job:${job.jobName}`, type: 'job', kind: 'PrometheusJob', name: job.jobName, location: { uri: job.doc.uri, line } });
    for (const target of job.targets) {
      const scraped = scrapedServices(index, target);
      if (!scraped) continue;
      const label = `scrapes ${target.host}${target.port === undefined ? '' : `:${target.port}`}`;
      for (const s of scraped.found) g.edge(id, g.resource(s), label, false, unexposedPort(s, target.port));
      if (scraped.found.length === 0) g.edge(id, g.missing('Service', scraped.host, scraped.namespace), label, true);
    }
  }
}

export function buildResourceGraph(index: WorkspaceIndex): ResourceGraph {
  const g = new GraphBuilder(index);
  const objects = allObjects(index);
  for (const object of objects) {
    if (object.base) g.resource(object);
    addPatchEdges(g, object);
    if (!object.base) continue;
    if (object.identity.kind === 'Service') addServiceEdges(g, index, object);
    else if (object.identity.kind === 'HorizontalPodAutoscaler') addHpaEdges(g, object);
    else if (WORKLOAD_KINDS.includes(object.identity.kind)) addWorkloadEdges(g, index, object);
  }
  addJobEdges(g, index);
  return g.result();
}
