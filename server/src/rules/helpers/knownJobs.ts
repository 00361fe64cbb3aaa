/**
 * The `job` label values the workspace's Prometheus would give its series: the `job_name` of every scrape config
 * (Prometheus config files and those embedded in ConfigMaps), a `job` label set on static targets, and the jobs
 * prometheus-operator derives: a ServiceMonitor's from the Services it selects (their name, or the value of their
 * `spec.jobLabel` label), a PodMonitor's `<namespace>/<name>`. Where a job is rewritten (relabelling to `job`,
 * `honor_labels`, `scrape_config_files`, a monitor's `jobLabel` on pods), any name may exist: `open`.
 */
import type { WorkspaceView } from '../../engine/lint/workspaceView';
import { embeddedFile, plainFileFields } from '../../engine/monitoring/embedded';
import { POD_MONITOR_KIND, SERVICE_MONITOR_KIND, servicesSelectedByMonitor } from '../../engine/k8s/monitors';
import { at, list, record, str } from '../../engine/k8s/values';

export interface KnownJobs {
  names: Set<string>;
  /** Some configuration defines jobs: without one, a dashboard's jobs cannot be judged. */
  defined: boolean;
  /** Some job label is rewritten or comes from elsewhere: any name may exist. */
  open: boolean;
}

const relabelsJob = (configs: unknown): boolean => list(configs).some((c) => str(record(c)?.target_label) === 'job');

function addPrometheusConfig(config: unknown, jobs: KnownJobs): void {
  if (list(at(config, 'scrape_config_files')).length > 0) jobs.open = true;
  for (const item of list(at(config, 'scrape_configs'))) {
    const scrape = record(item);
    const name = str(scrape?.job_name);
    if (!scrape || name === undefined) continue;
    jobs.defined = true;
    jobs.names.add(name);
    for (const group of list(scrape.static_configs)) {
      const label = str(record(at(group, 'labels'))?.job);
      if (label !== undefined) jobs.names.add(label);
    }
    if (scrape.honor_labels === true || relabelsJob(scrape.relabel_configs) || relabelsJob(scrape.metric_relabel_configs)) jobs.open = true;
  }
}

function addMonitors(workspace: WorkspaceView, jobs: KnownJobs): void {
  for (const monitor of workspace.objectsOfKind(SERVICE_MONITOR_KIND)) {
    jobs.defined = true;
    const jobLabel = str(at(monitor.value, 'spec', 'jobLabel'));
    if (list(at(monitor.value, 'spec', 'endpoints')).some((e) => relabelsJob(record(e)?.relabelings))) jobs.open = true;
    for (const service of servicesSelectedByMonitor(workspace, monitor)) {
      const labelled = jobLabel === undefined ? undefined : str(record(at(service.value, 'metadata', 'labels'))?.[jobLabel]);
      const name = labelled ?? service.identity.name;
      if (name !== undefined) jobs.names.add(name);
    }
  }
  for (const monitor of workspace.objectsOfKind(POD_MONITOR_KIND)) {
    jobs.defined = true;
    if (str(at(monitor.value, 'spec', 'jobLabel')) !== undefined) jobs.open = true;
    if (monitor.identity.name !== undefined) jobs.names.add(`${monitor.identity.namespace}/${monitor.identity.name}`);
  }
}

export function knownJobs(workspace: WorkspaceView): KnownJobs {
  const jobs: KnownJobs = { names: new Set(), defined: false, open: false };
  for (const doc of workspace.prometheusConfigs()) addPrometheusConfig(doc.plain().value, jobs);
  for (const holder of [...workspace.objectsOfKind('ConfigMap'), ...workspace.objectsOfKind('Secret')]) {
    for (const field of plainFileFields(at(holder.value, 'kind'))) {
      const data = record(at(holder.value, field));
      for (const key in data ?? {}) {
        const text = data?.[key];
        const file = typeof text === 'string' ? embeddedFile(key, text) : undefined;
        if (file?.format === 'prometheus-config') addPrometheusConfig(file.value, jobs);
      }
    }
  }
  addMonitors(workspace, jobs);
  return jobs;
}
