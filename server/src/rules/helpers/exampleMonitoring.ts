/**
 * prometheus-operator objects for rule examples (the ServiceMonitor rules'), written once like the workloads in
 * exampleObjects.ts: each builder takes the lines an example adds, as written at their level.
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
