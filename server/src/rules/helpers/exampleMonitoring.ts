/**
 * Prometheus configs and rule files, and the prometheus-operator objects, for rule examples: written once like the
 * workloads in exampleObjects.ts, each builder takes the lines an example adds, as written at their level.
 */
import { indented } from './exampleObjects';

/** What an example ServiceMonitor differs in; every part defaults to nothing (the name to `web`). */
interface ServiceMonitorParts {
  readonly name?: string;
  /** The value of the `app` label it selects Services by (default: its name). */
  readonly app?: string;
  /** Lines of its spec before the selector (`namespaceSelector`). */
  readonly spec?: readonly string[];
  /** Lines of its one endpoint after the port (`interval: 30s`). */
  readonly endpoint?: readonly string[];
}

/** A ServiceMonitor selecting the Services labelled `app: <app>`, with one endpoint scraping their port named `port`. */
export function exampleServiceMonitor(port: string, parts: ServiceMonitorParts = {}): string {
  const { name = 'web', app = name, spec = [], endpoint = [] } = parts;
  return `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: ${name}
spec:
${indented('  ', spec)}  selector:
    matchLabels:
      app: ${app}
  endpoints:
    - port: ${port}
${indented('      ', endpoint)}`;
}

/** A Prometheus config with one job `job` scraping the static `targets` (as written in the flow list). */
export function exampleScrapeConfig(targets: string, job = 'main-app'): string {
  return `scrape_configs:\n  - job_name: ${job}\n    static_configs:\n      - targets: [${targets}]\n`;
}

/**
 * A Prometheus rule file with one group `api`: `group` lines follow its name (`interval`), `rules` lines are written as
 * at the rules list's level (`- alert: …`).
 */
export function exampleRuleGroups(rules: readonly string[], group: readonly string[] = []): string {
  return `groups:\n  - name: api\n${indented('    ', group)}    rules:\n${indented('      ', rules)}`;
}

/** A PrometheusRule `api` with the same one group `api` and its `rules` lines. */
export function examplePrometheusRule(rules: readonly string[]): string {
  return `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: api
spec:
  groups:
    - name: api
      rules:
${indented('        ', rules)}`;
}

/** What an example Alertmanager config adds after its route; by default one receiver, team. */
interface AlertmanagerParts {
  /** Top-level lines between the route and the receivers (`time_intervals:` and its entries). */
  readonly sections?: readonly string[];
  /** The names of its receivers. */
  readonly receivers?: readonly string[];
}

/** An Alertmanager config whose root route sends to receiver team, with `route` lines after that (as at the route's level). */
export function exampleAlertmanager(route: readonly string[], { sections = [], receivers = ['team'] }: AlertmanagerParts = {}): string {
  const head = `route:\n  receiver: team\n${indented('  ', route)}${indented('', sections)}receivers:\n`;
  return receivers.reduce((text, name) => `${text}  - name: ${name}\n`, head);
}

/** A route's `routes:` with one child route for the alerts `matcher` matches (`severity="page"`), with `lines` after its matchers. */
export function childRoute(matcher: string, lines: readonly string[]): string[] {
  return ['routes:', `  - matchers: ['${matcher}']`, ...lines.map((line) => `    ${line}`)];
}
