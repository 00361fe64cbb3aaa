/**
 * Static targets of a Prometheus configuration, the jobs they belong to, and the Services their host
 * names resolve to: `main-app:3000`, `alertmanager.monitoring:9093`, `grafana.monitoring.svc.cluster.local:3000`.
 * The rules, the resource map and the Grafana links all read targets here, so they agree.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { ObjectLookup } from './lookup';
import type { RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import { at, list, num, record, str } from './values';

export interface ScrapeTarget {
  /** `host:port` as written. */
  text: string;
  host: string;
  port: number | undefined;
  /** The job (`job_name`) or `alertmanagers`. */
  job: string;
  path: ValuePath;
}

/** True when a scrape config rewrites `__address__`: its static targets are not the addresses scraped. */
function rewritesAddress(config: Record<string, unknown>): boolean {
  return list(config.relabel_configs).some((r) => str(at(r, 'target_label')) === '__address__');
}

function targetsOf(config: Record<string, unknown>, base: ValuePath, job: string): ScrapeTarget[] {
  const out: ScrapeTarget[] = [];
  list(config.static_configs).forEach((sc, j) => {
    list(at(sc, 'targets')).forEach((t, k) => {
      const text = str(t);
      if (text === undefined) return;
      const match = /^([^:[\]]+)(?::(\d+))?$/.exec(text.trim());
      if (!match) return;
      const port = match[2] === undefined ? undefined : Number(match[2]);
      out.push({ text, host: match[1]!.toLowerCase(), port, job, path: [...base, 'static_configs', j, 'targets', k] });
    });
  });
  return out;
}

/** Every static target of scrape jobs and Alertmanager lists (jobs that relabel `__address__` are skipped). */
export function staticTargets(config: unknown): ScrapeTarget[] {
  const out: ScrapeTarget[] = [];
  list(at(config, 'scrape_configs')).forEach((item, i) => {
    const sc = record(item);
    if (!sc || rewritesAddress(sc)) return;
    out.push(...targetsOf(sc, ['scrape_configs', i], str(sc.job_name) ?? `#${i + 1}`));
  });
  list(at(config, 'alerting', 'alertmanagers')).forEach((item, i) => {
    const am = record(item);
    if (am && !rewritesAddress(am)) out.push(...targetsOf(am, ['alerting', 'alertmanagers', i], 'alertmanagers'));
  });
  return out;
}

export interface ServiceHost {
  name: string;
  /** Undefined for a bare name, which we match in any namespace. */
  namespace: string | undefined;
  /** True when the name can only be an in-cluster Service (`…svc`, `…svc.cluster.local`, or a bare label). */
  certain: boolean;
}

const LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The Service a host name designates: `svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local`.
 * Undefined for localhost, IP addresses and other names.
 */
export function serviceHost(host: string): ServiceHost | undefined {
  if (host === 'localhost' || /^\d+(\.\d+){3}$/.test(host)) return undefined;
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l))) return undefined;
  const [name, namespace] = labels as [string, string | undefined];
  if (labels.length === 1) return { name, namespace: undefined, certain: true };
  if (labels.length === 2) return { name, namespace, certain: false };
  if (labels.length === 3 && labels[2] === 'svc') return { name, namespace, certain: true };
  if (labels.length === 5 && labels.slice(2).join('.') === 'svc.cluster.local') return { name, namespace, certain: true };
  return undefined;
}

/**
 * The Services a host resolves to. A bare name matches a Service of that name in any namespace:
 * Prometheus usually runs in its own namespace, and whether the bare name resolves from there
 * depends on the DNS search path, which the manifests do not tell.
 */
export function resolveServices(view: Pick<ObjectLookup, 'lookup' | 'objectsOfKind'>, host: ServiceHost): RenderedObject[] {
  if (host.namespace !== undefined) {
    const found = view.lookup('Service', host.namespace, host.name);
    return found ? [found] : [];
  }
  return view.objectsOfKind('Service').filter((s) => s.identity.name === host.name);
}

export interface ServicePort {
  port: number;
  targetPort: number | string | undefined;
}

export function servicePorts(service: RenderedObject): ServicePort[] {
  return list(at(service.value, 'spec', 'ports')).flatMap((p) => {
    const port = num(at(p, 'port'));
    const target = at(p, 'targetPort');
    return port === undefined ? [] : [{ port, targetPort: typeof target === 'number' || typeof target === 'string' ? target : undefined }];
  });
}

/** True when connecting to `port` on the Service's name reaches something. */
export function exposes(service: RenderedObject, port: number): boolean {
  const type = str(at(service.value, 'spec', 'type'));
  if (type === 'ExternalName') return true;
  const ports = servicePorts(service);
  if (ports.some((p) => p.port === port)) return true;
  // A headless Service's name resolves to the pod IPs: the pods' ports are reachable directly.
  const headless = str(at(service.value, 'spec', 'clusterIP')) === 'None';
  return headless && (ports.length === 0 || ports.some((p) => p.targetPort === port));
}

export interface ScrapeJob {
  jobName: string;
  doc: ManifestDocument;
  /** Path of the `job_name` value. */
  path: ValuePath;
  /** Its static targets; none when the job relabels `__address__` (they are not the addresses scraped). */
  targets: ScrapeTarget[];
}

/** The named scrape jobs of Prometheus configuration documents, in document order. */
export function scrapeJobs(docs: readonly ManifestDocument[]): ScrapeJob[] {
  const jobs: ScrapeJob[] = [];
  for (const doc of docs) {
    list(at(doc.plain().value, 'scrape_configs')).forEach((item, i) => {
      const sc = record(item);
      const jobName = str(sc?.job_name);
      if (!sc || jobName === undefined) return;
      const targets = rewritesAddress(sc) ? [] : targetsOf(sc, ['scrape_configs', i], jobName);
      jobs.push({ jobName, doc, path: ['scrape_configs', i, 'job_name'], targets });
    });
  }
  return jobs;
}

/** True when `target` designates the Service `name` in `namespace` (a bare name matches any namespace). */
export function targetNamesService(target: ScrapeTarget, name: string, namespace: string): boolean {
  const host = serviceHost(target.host);
  return host !== undefined && host.name === name && (host.namespace === undefined || host.namespace === namespace);
}

/** The first job scraping Service `name`/`namespace`, or undefined. */
export function jobForService(jobs: readonly ScrapeJob[], name: string, namespace: string): ScrapeJob | undefined {
  return jobs.find((job) => job.targets.some((t) => targetNamesService(t, name, namespace)));
}
