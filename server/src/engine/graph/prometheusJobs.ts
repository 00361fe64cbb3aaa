/**
 * Prometheus scrape jobs and the Services their static targets name: `main-app:3000`,
 * `alertmanager.monitoring:9093`, `grafana.monitoring.svc.cluster.local:3000`.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import { isPlainObject } from '../render/annotated';
import type { ValuePath } from '../types';

export interface ScrapeTarget {
  host: string;
  port: number | undefined;
  /** The Service name the host names (its first DNS label). */
  service: string;
  /** The namespace the host names, when it has one (`svc.namespace`). */
  namespace: string | undefined;
  /** Path of the target string in the Prometheus document. */
  path: ValuePath;
}

export interface ScrapeJob {
  jobName: string;
  doc: ManifestDocument;
  /** Path of the `job_name` value. */
  path: ValuePath;
  targets: ScrapeTarget[];
}

/** Parses `host[:port]`; hosts that are IPs or `localhost` name no Service. */
export function parseTarget(target: string, path: ValuePath): ScrapeTarget | undefined {
  const match = /^([A-Za-z0-9.-]+)(?::(\d+))?$/.exec(target.trim());
  if (!match) return undefined;
  const host = match[1]!;
  if (host === 'localhost' || /^\d+(\.\d+){3}$/.test(host)) return undefined;
  const labels = host.split('.');
  const namespace = labels.length >= 2 && labels[1] !== '' ? labels[1] : undefined;
  return { host, port: match[2] ? Number(match[2]) : undefined, service: labels[0]!, namespace, path };
}

function targetsOf(config: Record<string, unknown>, index: number): ScrapeTarget[] {
  const out: ScrapeTarget[] = [];
  const statics = Array.isArray(config.static_configs) ? config.static_configs : [];
  statics.forEach((group, g) => {
    if (!isPlainObject(group) || !Array.isArray(group.targets)) return;
    group.targets.forEach((target, t) => {
      if (typeof target !== 'string') return;
      const parsed = parseTarget(target, ['scrape_configs', index, 'static_configs', g, 'targets', t]);
      if (parsed) out.push(parsed);
    });
  });
  return out;
}

/** The scrape jobs of Prometheus configuration documents, in document order. */
export function scrapeJobs(docs: readonly ManifestDocument[]): ScrapeJob[] {
  const jobs: ScrapeJob[] = [];
  for (const doc of docs) {
    const value = doc.plain().value;
    if (!isPlainObject(value) || !Array.isArray(value.scrape_configs)) continue;
    value.scrape_configs.forEach((config, index) => {
      if (!isPlainObject(config) || typeof config.job_name !== 'string') return;
      jobs.push({ jobName: config.job_name, doc, path: ['scrape_configs', index, 'job_name'], targets: targetsOf(config, index) });
    });
  }
  return jobs;
}

/** True when `target` names the Service `name` in `namespace` (a bare name matches any namespace). */
export function targetNamesService(target: ScrapeTarget, name: string, namespace: string): boolean {
  return target.service === name && (target.namespace === undefined || target.namespace === namespace);
}

/** The first job scraping Service `name`/`namespace`, or undefined. */
export function jobForService(jobs: readonly ScrapeJob[], name: string, namespace: string): ScrapeJob | undefined {
  return jobs.find((job) => job.targets.some((t) => targetNamesService(t, name, namespace)));
}
